// memcmp, memchr, memrchr: byte loops (they stop early, so words rarely pay);
// memmem: memchr for the first byte, memcmp for the rest (O(n*m) worst case).
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {

QRV_LIBC_FN(int, memcmp, (const void* a, const void* b, size_t n)) {
  const auto* x = static_cast<const unsigned char*>(a);
  const auto* y = static_cast<const unsigned char*>(b);
  for (size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

QRV_LIBC_FN(void*, memchr, (const void* s, int c, size_t n)) {
  const auto* p = static_cast<const unsigned char*>(s);
  const auto want = static_cast<unsigned char>(c);
  for (size_t i = 0; i < n; ++i) {
    if (p[i] == want) return const_cast<unsigned char*>(p + i);
  }
  return nullptr;
}

QRV_LIBC_FN(void*, memrchr, (const void* s, int c, size_t n)) {
  const auto* p = static_cast<const unsigned char*>(s);
  const auto want = static_cast<unsigned char>(c);
  while (n-- > 0) {
    if (p[n] == want) return const_cast<unsigned char*>(p + n);
  }
  return nullptr;
}

QRV_LIBC_FN(void*, memmem, (const void* haystack, size_t hlen, const void* needle, size_t nlen)) {
  if (nlen == 0) return const_cast<void*>(haystack);  // as glibc and the BSDs
  if (nlen > hlen) return nullptr;
  const auto* h = static_cast<const unsigned char*>(haystack);
  const auto* n = static_cast<const unsigned char*>(needle);
  const size_t last = hlen - nlen;  // the last start position that fits
  for (size_t i = 0; i <= last;) {
    const auto* hit = static_cast<const unsigned char*>(memchr(h + i, n[0], last - i + 1));
    if (hit == nullptr) return nullptr;
    if (memcmp(hit + 1, n + 1, nlen - 1) == 0) return const_cast<unsigned char*>(hit);
    i = static_cast<size_t>(hit - h) + 1;
  }
  return nullptr;
}

}  // namespace qrv::libc
