// memcpy, memmove, memccpy: word-at-a-time. When source and destination
// share alignment, plain word copies; when they do not (forward copies only),
// aligned loads merged by shifts, since misaligned loads are slow or trap on
// RISC-V. Little-endian (RISC-V and x86-64 both are).
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"
#include "libc/src/string/word.h"

namespace qrv::libc {
namespace {

// Copies whole words to a word-aligned d from an s that is not word-aligned,
// reading only aligned words of s. Those words may extend past [s, s + n) but
// never past the aligned words holding it (so never onto another page); ASan
// cannot know that. Returns the bytes copied (a multiple of the word size).
__attribute__((no_sanitize("address"))) size_t copy_words_shifted(unsigned char* d, const unsigned char* s,
                                                                   size_t n) {
  const uintptr_t off = reinterpret_cast<uintptr_t>(s) & (kWordSize - 1);
  const Word* sw = reinterpret_cast<const Word*>(s - off);
  Word* dw = reinterpret_cast<Word*>(d);
  const unsigned right = static_cast<unsigned>(off * 8);
  const unsigned left = 64 - right;
  uint64_t low = *sw++;
  size_t done = 0;
  while (n - done >= kWordSize) {
    const uint64_t high = *sw++;
    *dw++ = (low >> right) | (high << left);
    low = high;
    done += kWordSize;
  }
  return done;
}

// Copies forward; safe for overlap only when dst < src.
void copy_forward(unsigned char* d, const unsigned char* s, size_t n) {
  if (n >= 4 * kWordSize &&
      ((reinterpret_cast<uintptr_t>(d) ^ reinterpret_cast<uintptr_t>(s)) & (kWordSize - 1)) != 0) {
    while (!is_word_aligned(d)) {
      *d++ = *s++;
      --n;
    }
    const size_t done = copy_words_shifted(d, s, n);
    d += done;
    s += done;
    n -= done;
  }
  if (n >= 2 * kWordSize &&
      ((reinterpret_cast<uintptr_t>(d) ^ reinterpret_cast<uintptr_t>(s)) & (kWordSize - 1)) == 0) {
    while (!is_word_aligned(d)) {
      *d++ = *s++;
      --n;
    }
    Word* dw = reinterpret_cast<Word*>(d);
    const Word* sw = reinterpret_cast<const Word*>(s);
    while (n >= 4 * kWordSize) {
      Word a = sw[0], b = sw[1], c = sw[2], e = sw[3];
      dw[0] = a;
      dw[1] = b;
      dw[2] = c;
      dw[3] = e;
      dw += 4;
      sw += 4;
      n -= 4 * kWordSize;
    }
    while (n >= kWordSize) {
      *dw++ = *sw++;
      n -= kWordSize;
    }
    d = reinterpret_cast<unsigned char*>(dw);
    s = reinterpret_cast<const unsigned char*>(sw);
  }
  while (n-- > 0) *d++ = *s++;
}

// Copies backward (from the end); safe for overlap when dst > src.
void copy_backward(unsigned char* d, const unsigned char* s, size_t n) {
  d += n;
  s += n;
  if (n >= 2 * kWordSize &&
      ((reinterpret_cast<uintptr_t>(d) ^ reinterpret_cast<uintptr_t>(s)) & (kWordSize - 1)) == 0) {
    while (!is_word_aligned(d)) {
      *--d = *--s;
      --n;
    }
    Word* dw = reinterpret_cast<Word*>(d);
    const Word* sw = reinterpret_cast<const Word*>(s);
    while (n >= kWordSize) {
      *--dw = *--sw;
      n -= kWordSize;
    }
    d = reinterpret_cast<unsigned char*>(dw);
    s = reinterpret_cast<const unsigned char*>(sw);
  }
  while (n-- > 0) *--d = *--s;
}

}  // namespace

QRV_LIBC_FN(void*, memcpy, (void* __restrict dst, const void* __restrict src, size_t n)) {
  copy_forward(static_cast<unsigned char*>(dst), static_cast<const unsigned char*>(src), n);
  return dst;
}

QRV_LIBC_FN(void*, memmove, (void* dst, const void* src, size_t n)) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  // Compare as integers: pointers into different objects are not ordered in C++.
  if (reinterpret_cast<uintptr_t>(d) - reinterpret_cast<uintptr_t>(s) >= n) {
    copy_forward(d, s, n);  // no overlap, or dst before src
  } else {
    copy_backward(d, s, n);
  }
  return dst;
}

QRV_LIBC_FN(void*, memccpy, (void* __restrict dst, const void* __restrict src, int c, size_t n)) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  const auto stop = static_cast<unsigned char>(c);
  for (size_t i = 0; i < n; ++i) {
    d[i] = s[i];
    if (s[i] == stop) return d + i + 1;
  }
  return nullptr;
}

}  // namespace qrv::libc
