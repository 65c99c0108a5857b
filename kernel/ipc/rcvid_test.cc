// rcvid encoding: round trips for every field width, positive int32 values,
// and refusal of anything a server could forge that no receive returns.
#include "kernel/ipc/rcvid.h"

#include <gtest/gtest.h>

namespace {

TEST(RcvidTest, RoundTripsAndStaysPositive) {
  for (uint32_t scoid : {1u, 2u, 255u, 4096u, kMaxScoid}) {
    for (uint32_t tid : {1u, 2u, 64u, 128u, kMaxRcvidTid}) {
      const int32_t r = rcvid_make(scoid, tid);
      EXPECT_GT(r, 0);
      RcvidParts p{};
      ASSERT_TRUE(rcvid_split(r, &p));
      EXPECT_EQ(p.scoid, scoid);
      EXPECT_EQ(p.tid, tid);
    }
  }
}

TEST(RcvidTest, RefusesZeroNegativeHugeAndEmptyFields) {
  RcvidParts p{};
  EXPECT_FALSE(rcvid_split(0, &p));  // a pulse
  EXPECT_FALSE(rcvid_split(-1, &p));
  EXPECT_FALSE(rcvid_split(int64_t{1} << 31, &p));
  EXPECT_FALSE(rcvid_split(INT64_MAX, &p));
  EXPECT_FALSE(rcvid_split(5, &p));                  // scoid 0
  EXPECT_FALSE(rcvid_split(rcvid_make(3, 0), &p));  // tid 0
}

}  // namespace
