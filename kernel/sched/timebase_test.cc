// Timebase: validation, exact tick <-> ns conversions, rounding direction,
// and saturation at the extremes (10 MHz for 100 years must be exact).
#include "kernel/sched/timebase.h"

#include <gtest/gtest.h>

#include <random>

namespace {

constexpr uint64_t kMax = ~uint64_t{0};
constexpr uint64_t kNsPerYear = 365ull * 24 * 3600 * 1'000'000'000ull;

Timebase make(uint64_t hz) {
  const Result<Timebase> tb = Timebase::make(hz);
  EXPECT_TRUE(tb.ok()) << hz;
  return tb.value();
}

TEST(TimebaseTest, RejectsImpossibleFrequencies) {
  EXPECT_EQ(Timebase::make(0).status(), Status::kInvalidArgument);
  EXPECT_EQ(Timebase::make(Timebase::kMaxHz + 1).status(), Status::kInvalidArgument);
  EXPECT_EQ(Timebase::make(kMax).status(), Status::kInvalidArgument);
  EXPECT_TRUE(Timebase::make(1).ok());
  EXPECT_TRUE(Timebase::make(Timebase::kMaxHz).ok());
  EXPECT_EQ(Timebase().hz(), 1'000'000'000u);
}

TEST(TimebaseTest, QemuVirtTenMegahertz) {
  const Timebase tb = make(10'000'000);
  EXPECT_EQ(tb.ticks_to_ns(1), 100u);
  EXPECT_EQ(tb.ticks_to_ns(10'000'000), 1'000'000'000u);
  EXPECT_EQ(tb.ns_to_ticks_floor(1'000'000), 10'000u);  // 1 ms
  EXPECT_EQ(tb.ns_to_ticks_floor(99), 0u);
  EXPECT_EQ(tb.ns_to_ticks_ceil(99), 1u);
  EXPECT_EQ(tb.ns_to_ticks_ceil(100), 1u);
  EXPECT_EQ(tb.ns_to_ticks_ceil(101), 2u);
  EXPECT_EQ(tb.ns_to_ticks_ceil(0), 0u);
}

TEST(TimebaseTest, HundredYearsAtTenMegahertzIsExact) {
  const Timebase tb = make(10'000'000);
  const uint64_t ns = 100 * kNsPerYear + 123'456'789;  // 3.15e18 ns < 2^64
  const uint64_t ticks = 100 * kNsPerYear / 100 + 1'234'567;
  EXPECT_EQ(tb.ns_to_ticks_floor(ns), ticks);
  EXPECT_EQ(tb.ns_to_ticks_ceil(ns), ticks + 1);
  EXPECT_EQ(tb.ticks_to_ns(ticks), ns - 89);
}

TEST(TimebaseTest, OddFrequencyRoundsTheRightWay) {
  const Timebase tb = make(32'768);  // a watch crystal: 1 tick = 30517.578125 ns
  EXPECT_EQ(tb.ticks_to_ns(1), 30'517u);
  EXPECT_EQ(tb.ns_to_ticks_floor(30'517), 0u);
  EXPECT_EQ(tb.ns_to_ticks_ceil(30'517), 1u);
  EXPECT_EQ(tb.ns_to_ticks_floor(1'000'000'000), 32'768u);
  EXPECT_EQ(tb.ns_to_ticks_ceil(1'000'000'000), 32'768u);
}

TEST(TimebaseTest, SaturatesInsteadOfWrapping) {
  const Timebase slow = make(1);  // 1 Hz: 2^64 ticks is far beyond 2^64 ns
  EXPECT_EQ(slow.ticks_to_ns(kMax), kMax);
  EXPECT_EQ(slow.ticks_to_ns(18'446'744'073), 18'446'744'073'000'000'000u);  // just fits
  EXPECT_EQ(slow.ticks_to_ns(18'446'744'074), kMax);                         // just does not
  const Timebase fast = make(Timebase::kMaxHz);                              // 10 ticks per ns
  EXPECT_EQ(fast.ns_to_ticks_floor(kMax), kMax);
  EXPECT_EQ(fast.ns_to_ticks_ceil(kMax), kMax);
  EXPECT_EQ(fast.ticks_to_ns(kMax), kMax / 10);
  const Timebase qemu = make(10'000'000);
  EXPECT_EQ(qemu.ticks_to_ns(kMax), kMax);
  EXPECT_EQ(qemu.ns_to_ticks_floor(kMax), kMax / 100);
  EXPECT_EQ(qemu.ns_to_ticks_ceil(kMax), kMax / 100 + 1);
}

// Against exact 128-bit arithmetic on the host, over random values and rates.
TEST(TimebaseTest, MatchesExactArithmetic) {
  std::mt19937_64 rng(7);
  const uint64_t rates[] = {1,
                            3,
                            32'768,
                            1'000'000,
                            10'000'000,
                            24'000'000,
                            1'000'000'000,
                            3'000'000'007,
                            Timebase::kMaxHz};
  for (uint64_t hz : rates) {
    const Timebase tb = make(hz);
    for (int i = 0; i < 20'000; ++i) {
      const uint64_t v = rng() >> (rng() % 64);
      using U128 = unsigned __int128;
      const U128 ns = U128{v} * 1'000'000'000u / hz;
      const U128 floor_ticks = U128{v} * hz / 1'000'000'000u;
      const U128 ceil_ticks = (U128{v} * hz + 999'999'999u) / 1'000'000'000u;
      auto sat = [](U128 x) { return x > kMax ? kMax : static_cast<uint64_t>(x); };
      ASSERT_EQ(tb.ticks_to_ns(v), sat(ns)) << hz << " " << v;
      ASSERT_EQ(tb.ns_to_ticks_floor(v), sat(floor_ticks)) << hz << " " << v;
      ASSERT_EQ(tb.ns_to_ticks_ceil(v), sat(ceil_ticks)) << hz << " " << v;
    }
  }
}

}  // namespace
