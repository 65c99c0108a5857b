// Leading and trailing zero counts without __builtin_clzll/ctzll (which on
// RV64GC become calls to the very functions built from these). 64 for 0.
#pragma once

#include <stdint.h>

namespace qrv::libc {

inline int count_leading_zeros(uint64_t x) {
  if (x == 0) return 64;
  int n = 0;
  for (int shift = 32; shift > 0; shift /= 2) {
    if ((x >> (64 - shift - n)) == 0) n += shift;
  }
  return n;
}

inline int count_trailing_zeros(uint64_t x) {
  if (x == 0) return 64;
  int n = 0;
  for (int shift = 32; shift > 0; shift /= 2) {
    if ((x << (64 - shift - n)) == 0) n += shift;
  }
  return n;
}

}  // namespace qrv::libc
