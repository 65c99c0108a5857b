// memcmp, memchr, memrchr: byte loops (they stop early, so words rarely pay).
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

}  // namespace qrv::libc
