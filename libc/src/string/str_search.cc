// strchr, strrchr, strstr (two-way would be O(n); this is the simple O(n*m)
// scan with a first-byte skip), strspn, strcspn, strpbrk (256-bit set).
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

// The set of bytes in `chars`, always including the terminator 0 when `with_nul`.
struct ByteSet {
  uint64_t bits_[4] = {0, 0, 0, 0};
  void add(unsigned char c) { bits_[c >> 6] |= 1ull << (c & 63); }
  bool has(unsigned char c) const { return (bits_[c >> 6] >> (c & 63)) & 1; }
};

ByteSet make_set(const char* chars, bool with_nul) {
  ByteSet set;
  for (const auto* p = reinterpret_cast<const unsigned char*>(chars); *p != 0; ++p) set.add(*p);
  if (with_nul) set.add(0);
  return set;
}

}  // namespace

QRV_LIBC_FN(char*, strchr, (const char* s, int c)) {
  const auto want = static_cast<char>(c);
  for (;; ++s) {
    if (*s == want) return const_cast<char*>(s);
    if (*s == '\0') return nullptr;
  }
}

QRV_LIBC_FN(char*, strrchr, (const char* s, int c)) {
  const auto want = static_cast<char>(c);
  const char* last = nullptr;
  for (;; ++s) {
    if (*s == want) last = s;
    if (*s == '\0') return const_cast<char*>(last);
  }
}

QRV_LIBC_FN(char*, strstr, (const char* haystack, const char* needle)) {
  if (needle[0] == '\0') return const_cast<char*>(haystack);
  const size_t rest = strlen(needle + 1);
  for (const char* h = haystack; (h = strchr(h, needle[0])) != nullptr; ++h) {
    if (strncmp(h + 1, needle + 1, rest) == 0) return const_cast<char*>(h);
  }
  return nullptr;
}

QRV_LIBC_FN(size_t, strspn, (const char* s, const char* accept)) {
  const ByteSet set = make_set(accept, false);
  size_t n = 0;
  while (set.has(static_cast<unsigned char>(s[n]))) ++n;
  return n;
}

QRV_LIBC_FN(size_t, strcspn, (const char* s, const char* reject)) {
  const ByteSet set = make_set(reject, true);
  size_t n = 0;
  while (!set.has(static_cast<unsigned char>(s[n]))) ++n;
  return n;
}

QRV_LIBC_FN(char*, strpbrk, (const char* s, const char* accept)) {
  s += strcspn(s, accept);
  return *s != '\0' ? const_cast<char*>(s) : nullptr;
}

}  // namespace qrv::libc
