// Bit scans for kernel code that must not call libgcc: without the Zbb
// extension GCC lowers __builtin_clzll/ctzll to __clzdi2/__ctzdi2, and the
// kernel links no libgcc. Branch-free de Bruijn multiply instead.
#pragma once

#include <cstdint>

// Index of the highest set bit (x != 0; returns 0 for 0).
constexpr uint32_t bit_floor_log2(uint64_t x) {
  constexpr uint64_t kDeBruijn = 0x03f79d71b4cb0a89ull;
  constexpr uint8_t kIndex[64] = {
      0,  47, 1,  56, 48, 27, 2,  60, 57, 49, 41, 37, 28, 16, 3,  61,
      54, 58, 35, 52, 50, 42, 21, 44, 38, 32, 29, 23, 17, 11, 4,  62,
      46, 55, 26, 59, 40, 36, 15, 53, 34, 51, 20, 43, 31, 22, 10, 45,
      25, 39, 14, 33, 19, 30, 9,  24, 13, 18, 8,  12, 7,  6,  5,  63,
  };
  x |= x >> 1;
  x |= x >> 2;
  x |= x >> 4;
  x |= x >> 8;
  x |= x >> 16;
  x |= x >> 32;
  return kIndex[(x * kDeBruijn) >> 58];
}

// ceil(log2(x)); 0 for x <= 1.
constexpr uint32_t bit_ceil_log2(uint64_t x) { return x <= 1 ? 0u : bit_floor_log2(x - 1) + 1; }

// Index of the lowest set bit (x != 0).
constexpr uint32_t bit_ctz(uint64_t x) { return bit_floor_log2(x & (~x + 1)); }

static_assert(bit_floor_log2(1) == 0 && bit_floor_log2(~0ull) == 63 && bit_floor_log2(4096) == 12);
static_assert(bit_ceil_log2(4097) == 13 && bit_ceil_log2(4096) == 12 && bit_ceil_log2(1) == 0);
static_assert(bit_ctz(0x8000000000000000ull) == 63 && bit_ctz(0x30) == 4);
