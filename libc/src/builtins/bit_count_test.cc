// The portable bit counts agree with the compiler's builtins.
#include "libc/src/builtins/bit_count.h"

#include <gtest/gtest.h>

#include <random>

namespace {

TEST(BitCountTest, MatchesBuiltinsOnRandomAndSingleBitValues) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 1000000; ++i) {
    uint64_t x = rng() >> (rng() % 64);
    if (i % 3 == 0) x <<= rng() % 64;
    if (x == 0) continue;
    ASSERT_EQ(qrv::libc::count_leading_zeros(x), __builtin_clzll(x)) << x;
    ASSERT_EQ(qrv::libc::count_trailing_zeros(x), __builtin_ctzll(x)) << x;
  }
  for (int b = 0; b < 64; ++b) {
    EXPECT_EQ(qrv::libc::count_leading_zeros(uint64_t{1} << b), 63 - b);
    EXPECT_EQ(qrv::libc::count_trailing_zeros(uint64_t{1} << b), b);
  }
  EXPECT_EQ(qrv::libc::count_leading_zeros(0), 64);
  EXPECT_EQ(qrv::libc::count_trailing_zeros(0), 64);
}

}  // namespace
