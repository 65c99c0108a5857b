// memset: bytes up to word alignment, then whole words of the repeated byte.
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"
#include "libc/src/string/word.h"

namespace qrv::libc {

QRV_LIBC_FN(void*, memset, (void* dst, int c, size_t n)) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto byte = static_cast<unsigned char>(c);
  if (n >= 2 * kWordSize) {
    while (!is_word_aligned(d)) {
      *d++ = byte;
      --n;
    }
    const uint64_t pattern = repeat_byte(byte);
    Word* dw = reinterpret_cast<Word*>(d);
    while (n >= 4 * kWordSize) {
      dw[0] = pattern;
      dw[1] = pattern;
      dw[2] = pattern;
      dw[3] = pattern;
      dw += 4;
      n -= 4 * kWordSize;
    }
    while (n >= kWordSize) {
      *dw++ = pattern;
      n -= kWordSize;
    }
    d = reinterpret_cast<unsigned char*>(dw);
  }
  while (n-- > 0) *d++ = byte;
  return dst;
}

}  // namespace qrv::libc
