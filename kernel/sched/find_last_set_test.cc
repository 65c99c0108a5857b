// find_last_set against the compiler's count-leading-zeros on the host.
#include "kernel/sched/find_last_set.h"

#include <gtest/gtest.h>

#include <random>

namespace {

static_assert(find_last_set(1) == 0);
static_assert(find_last_set(0x8000'0000'0000'0000ull) == 63);
static_assert(find_last_set(~uint64_t{0}) == 63);

uint32_t reference(uint64_t x) { return 63u - static_cast<uint32_t>(__builtin_clzll(x)); }

TEST(FindLastSetTest, EverySingleBitAndEveryMaskBelowIt) {
  for (uint32_t i = 0; i < 64; ++i) {
    const uint64_t bit = uint64_t{1} << i;
    ASSERT_EQ(find_last_set(bit), i);
    ASSERT_EQ(find_last_set(bit | (bit - 1)), i);
    ASSERT_EQ(find_last_set(bit | 1), i);
  }
}

TEST(FindLastSetTest, RandomWordsMatchClz) {
  std::mt19937_64 rng(5);
  for (int n = 0; n < 1'000'000; ++n) {
    const uint64_t x = rng() >> (rng() % 64);
    if (x != 0) {
      ASSERT_EQ(find_last_set(x), reference(x)) << x;
    }
  }
}

}  // namespace
