// find_last_set: index of the highest set bit of a 64-bit word, in a few
// branch-free instructions. Not __builtin_clzll: without the Zbb extension
// GCC lowers that to a libgcc call (__clzdi2), and the kernel links no libgcc.
#pragma once

#include <cstdint>

// Bit index 0..63 of x's highest set bit. x must be non-zero (returns 0 for 0).
constexpr uint32_t find_last_set(uint64_t x) {
  // Smear the top bit i downwards, so x becomes 2^(i+1) - 1, then name that
  // by a multiply: the top 6 bits of (2^(i+1) - 1) * kDeBruijn differ for
  // every i, and kIndex maps them back to i.
  constexpr uint64_t kDeBruijn = 0x03f79d71b4cb0a89ull;
  constexpr uint8_t kIndex[64] = {
      0,  47, 1,  56, 48, 27, 2,  60, 57, 49, 41, 37, 28, 16, 3,  61, 54, 58, 35, 52, 50, 42,
      21, 44, 38, 32, 29, 23, 17, 11, 4,  62, 46, 55, 26, 59, 40, 36, 15, 53, 34, 51, 20, 43,
      31, 22, 10, 45, 25, 39, 14, 33, 19, 30, 9,  24, 13, 18, 8,  12, 7,  6,  5,  63,
  };
  x |= x >> 1;
  x |= x >> 2;
  x |= x >> 4;
  x |= x >> 8;
  x |= x >> 16;
  x |= x >> 32;
  return kIndex[(x * kDeBruijn) >> 58];
}
