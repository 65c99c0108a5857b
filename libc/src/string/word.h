// Word-at-a-time helpers for the string functions: an aliasing-safe 64-bit
// word type and the classic "has a zero byte" test (exact for the first zero).
#pragma once

#include <stdint.h>

namespace qrv::libc {

using Word = uint64_t __attribute__((__may_alias__));
inline constexpr uintptr_t kWordSize = sizeof(uint64_t);
inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHighs = 0x8080808080808080ull;

// Non-zero iff some byte of w is zero; the lowest set 0x80 marks the first one.
inline uint64_t zero_byte_mask(uint64_t w) { return (w - kOnes) & ~w & kHighs; }

inline uint64_t repeat_byte(unsigned char c) { return kOnes * c; }

inline bool is_word_aligned(const void* p) {
  return (reinterpret_cast<uintptr_t>(p) & (kWordSize - 1)) == 0;
}

}  // namespace qrv::libc
