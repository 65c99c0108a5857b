// bit_ops against the compiler's builtins on the host.
#include "kernel/lib/bit_ops.h"

#include <gtest/gtest.h>

#include <random>

namespace {

static_assert(bit_floor_log2(1) == 0);
static_assert(bit_floor_log2(0x8000'0000'0000'0000ull) == 63);
static_assert(bit_floor_log2(~uint64_t{0}) == 63);

uint32_t reference(uint64_t x) { return 63u - static_cast<uint32_t>(__builtin_clzll(x)); }

TEST(BitOpsTest, EverySingleBitAndEveryMaskBelowIt) {
  for (uint32_t i = 0; i < 64; ++i) {
    const uint64_t bit = uint64_t{1} << i;
    ASSERT_EQ(bit_floor_log2(bit), i);
    ASSERT_EQ(bit_floor_log2(bit | (bit - 1)), i);
    ASSERT_EQ(bit_floor_log2(bit | 1), i);
  }
}

TEST(BitOpsTest, RandomWordsMatchClz) {
  std::mt19937_64 rng(5);
  for (int n = 0; n < 1'000'000; ++n) {
    const uint64_t x = rng() >> (rng() % 64);
    if (x != 0) {
      ASSERT_EQ(bit_floor_log2(x), reference(x)) << x;
    }
  }
}

}  // namespace
