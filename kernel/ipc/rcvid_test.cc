// rcvid encoding: round trips for every field width, positive int32 values,
// generations that wrap without touching the other fields, and refusal of
// anything a server could forge that no receive returns.
#include "kernel/ipc/rcvid.h"

#include <gtest/gtest.h>

namespace {

TEST(RcvidTest, RoundTripsAndStaysPositive) {
  for (uint32_t scoid : {1u, 2u, 255u, 4000u, kMaxScoid}) {
    for (uint32_t tid : {1u, 2u, 64u, 128u, kMaxRcvidTid}) {
      for (uint32_t gen : {0u, 1u, 1000u, kRcvidGenMask}) {
        const int32_t r = rcvid_make(scoid, tid, gen);
        EXPECT_GT(r, 0);
        RcvidParts p{};
        ASSERT_TRUE(rcvid_split(r, &p));
        EXPECT_EQ(p.scoid, scoid);
        EXPECT_EQ(p.tid, tid);
        EXPECT_EQ(p.gen, gen);
      }
    }
  }
}

TEST(RcvidTest, GenerationsDifferAndWrap) {
  EXPECT_NE(rcvid_make(7, 3, 1), rcvid_make(7, 3, 2));
  EXPECT_EQ(rcvid_make(7, 3, kRcvidGenMask + 1), rcvid_make(7, 3, 0));
  RcvidParts p{};
  ASSERT_TRUE(rcvid_split(rcvid_make(kMaxScoid, kMaxRcvidTid, kRcvidGenMask + 5), &p));
  EXPECT_EQ(p.scoid, kMaxScoid);
  EXPECT_EQ(p.tid, kMaxRcvidTid);
  EXPECT_EQ(p.gen, 4u);
}

TEST(RcvidTest, RefusesZeroNegativeHugeAndEmptyFields) {
  RcvidParts p{};
  EXPECT_FALSE(rcvid_split(0, &p));  // a pulse
  EXPECT_FALSE(rcvid_split(-1, &p));
  EXPECT_FALSE(rcvid_split(int64_t{1} << 31, &p));
  EXPECT_FALSE(rcvid_split(INT64_MAX, &p));
  EXPECT_FALSE(rcvid_split(5, &p));                     // scoid 0
  EXPECT_FALSE(rcvid_split(rcvid_make(3, 0, 9), &p));  // tid 0
}

}  // namespace
