// strlen (word-at-a-time) and strnlen. The word loop reads whole aligned words,
// which may extend past the terminator but never past the page holding it;
// ASan cannot know that, so the function is exempt from its checks.
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"
#include "libc/src/string/word.h"

namespace qrv::libc {

namespace {

// Length of s, scanning aligned words once past the alignment prologue.
__attribute__((no_sanitize("address"))) size_t word_strlen(const char* s) {
  const char* p = s;
  while (!is_word_aligned(p)) {
    if (*p == '\0') return static_cast<size_t>(p - s);
    ++p;
  }
  const Word* w = reinterpret_cast<const Word*>(p);
  uint64_t mask;
  while ((mask = zero_byte_mask(*w)) == 0) ++w;
  // Little-endian: the lowest marked byte is the first zero.
  const size_t byte = static_cast<size_t>(__builtin_ctzll(mask)) / 8;
  return static_cast<size_t>(reinterpret_cast<const char*>(w) - s) + byte;
}

}  // namespace

QRV_LIBC_FN(size_t, strlen, (const char* s)) { return word_strlen(s); }

QRV_LIBC_FN(size_t, strnlen, (const char* s, size_t max)) {
  size_t n = 0;
  while (n < max && s[n] != '\0') ++n;
  return n;
}

}  // namespace qrv::libc
