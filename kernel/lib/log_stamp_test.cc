// Boot-log stamps: layout, rounding down, large times, other timebases, and the
// bootargs word that disables them (whole words only).
#include "kernel/lib/log_stamp.h"

#include <string>

#include "gtest/gtest.h"

namespace {

std::string stamp(uint64_t ticks, uint64_t hz) {
  char buf[kLogStampMax];
  size_t n = log_stamp_format(ticks, hz, buf);
  EXPECT_EQ(n, std::string(buf).size());
  return buf;
}

TEST(LogStamp, SecondsAndMicrosecondsLikeLinux) {
  EXPECT_EQ(stamp(0, 10000000), "[    0.000000] ");
  EXPECT_EQ(stamp(123456, 10000000), "[    0.012345] ");  // 12.3456 ms, rounded down
  EXPECT_EQ(stamp(10000000, 10000000), "[    1.000000] ");
  EXPECT_EQ(stamp(12345678901234, 10000000), "[1234567.890123] ");  // wider than 5 columns
  EXPECT_EQ(stamp(1000001, 1000000), "[    1.000001] ");
  EXPECT_EQ(stamp(3, 4), "[    0.750000] ");
}

TEST(LogStamp, LongestFitsAndNoTimebaseIsEmpty) {
  EXPECT_EQ(stamp(UINT64_MAX, 1), "[18446744073709551615.000000] ");
  EXPECT_LT(stamp(UINT64_MAX, 1).size(), kLogStampMax);
  EXPECT_EQ(stamp(UINT64_MAX, 1000000007), "[18446743944.582344] ");
  EXPECT_EQ(stamp(42, 0), "");
}

TEST(LogStamp, BootargsTurnThemOff) {
  EXPECT_TRUE(log_stamps_wanted(nullptr));
  EXPECT_TRUE(log_stamps_wanted(""));
  EXPECT_TRUE(log_stamps_wanted("console.timestamps=1"));
  EXPECT_FALSE(log_stamps_wanted("console.timestamps=0"));
  EXPECT_FALSE(log_stamps_wanted("quiet console.timestamps=0 debug"));
  EXPECT_TRUE(log_stamps_wanted("xconsole.timestamps=0"));
  EXPECT_TRUE(log_stamps_wanted("console.timestamps=00"));
}

}  // namespace
