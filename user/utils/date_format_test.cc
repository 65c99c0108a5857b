// date's formatting of a time as UTC.
#include "user/utils/date_format.h"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string fmt(time_t t, const char* f) {
  char buf[128];
  const size_t n = utils::date_format(t, f, buf, sizeof buf);
  return std::string(buf, n);
}

TEST(DateFormatTest, DefaultFormatIsPosixsInUtc) {
  EXPECT_EQ(fmt(0, utils::kDateDefaultFormat), "Thu Jan  1 00:00:00 UTC 1970\n");
  EXPECT_EQ(fmt(1700000000, utils::kDateDefaultFormat), "Tue Nov 14 22:13:20 UTC 2023\n");
}

TEST(DateFormatTest, StrftimeFormats) {
  EXPECT_EQ(fmt(1700000000, "%Y-%m-%d"), "2023-11-14\n");
  EXPECT_EQ(fmt(1700000000, "year %Y, %%"), "year 2023, %\n");
  EXPECT_EQ(fmt(0, ""), "\n");
}

TEST(DateFormatTest, TooLongIsZero) {
  char buf[8];
  EXPECT_EQ(utils::date_format(0, "%Y-%m-%d %H", buf, sizeof buf), 0u);
}

}  // namespace
