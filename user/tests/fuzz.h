// The user fuzzers' random numbers (tm_fuzz, io_fuzz): xorshift64, seeded
// from the number each run prints, so a failure replays from the seed alone.
#pragma once

#include <stdint.h>

namespace qrv_test {

inline uint64_t g_rng = 1;

inline void fuzz_seed(unsigned long seed) { g_rng = seed * 0x9e3779b97f4a7c15ull + 1; }

inline uint64_t next() {
  g_rng ^= g_rng << 13;
  g_rng ^= g_rng >> 7;
  g_rng ^= g_rng << 17;
  return g_rng;
}

inline uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }

}  // namespace qrv_test
