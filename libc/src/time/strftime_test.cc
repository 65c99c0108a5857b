// strftime against glibc: every conversion character, with random flags,
// widths and E/O modifiers, over random (also out-of-range) struct tm
// values, in two zones; and the exact-fit and too-small buffer results.
#include <gtest/gtest.h>
#include <limits.h>
#include <time.h>

#include <random>
#include <string>

#include "libc/src/time/time_compare.h"

namespace qrv_time_test {
namespace {

const char kConversions[] = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%+qE";

std::string random_format(std::mt19937& rng) {
  std::string f;
  const int n = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) {
    if (rng() % 4 == 0) f += "lit ";
    f += '%';
    static const char kFlags[] = "_-0^#";
    while (rng() % 4 == 0) f += kFlags[rng() % 5];
    if (rng() % 3 == 0) f += std::to_string(rng() % 14);
    if (rng() % 5 == 0) f += "EO"[rng() % 2];
    f += kConversions[rng() % (sizeof(kConversions) - 1)];
  }
  if (rng() % 20 == 0) f += '%';  // a trailing '%'
  return f;
}

q::Tm random_tm(std::mt19937& rng, bool wild) {
  auto field = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
  q::Tm t;
  t.tm_sec = wild ? field(-99, 99) : field(0, 60);
  t.tm_min = wild ? field(-99, 99) : field(0, 59);
  t.tm_hour = wild ? field(-30, 30) : field(0, 23);
  t.tm_mday = wild ? field(-40, 40) : field(1, 31);
  t.tm_mon = wild ? field(-2, 13) : field(0, 11);
  t.tm_year = rng() % 8 == 0 ? field(-1000000, 1000000) : field(-2100, 300);
  t.tm_wday = wild ? field(-2, 8) : field(0, 6);
  t.tm_yday = wild ? field(-10, 370) : field(0, 365);
  t.tm_isdst = field(-1, 1);
  t.tm_gmtoff = field(-50000, 50000);
  t.tm_zone = rng() % 3 == 0 ? nullptr : rng() % 2 ? "ABC" : "";
  return t;
}

TEST(StrftimeTest, RandomFormatsMatchGlibc) {
  std::mt19937 rng(51);
  for (const char* zone : {"EST5EDT,M3.2.0,M11.1.0", "<+0530>-5:30"}) {
    set_tz(zone);
    q::tzset();
    for (int iter = 0; iter < 100000; ++iter) {
      const std::string f = random_format(rng);
      q::Tm mine = random_tm(rng, iter % 3 == 0);
      // %s runs mktime, and glibc's DST dates are wrong before 1971.
      if (f.find('s') != std::string::npos && mine.tm_year < 72) mine.tm_year = 72 + (mine.tm_year & 255);
      const struct tm theirs = to_glibc(mine);
      char a[512], b[512];
      const size_t na = q::strftime(a, sizeof(a), f.c_str(), &mine);
      const size_t nb = ::strftime(b, sizeof(b), f.c_str(), &theirs);
      ASSERT_EQ(na, nb) << "\"" << f << "\" " << describe(mine);
      ASSERT_STREQ(a, b) << "\"" << f << "\" " << describe(mine);
    }
  }
}

TEST(StrftimeTest, EveryConversionOnRealDates) {
  set_tz("CET-1CEST,M3.5.0,M10.5.0/3");
  for (int64_t t = -4000000000LL; t < 8000000000LL; t += 86400 * 3 + 3607) {
    q::Tm mine;
    ASSERT_NE(q::localtime_r(&t, &mine), nullptr);
    const struct tm theirs = to_glibc(mine);
    for (const char* c = kConversions; *c != '\0'; ++c) {
      const std::string f = std::string("%") + *c;
      char a[128], b[128];
      ASSERT_EQ(q::strftime(a, sizeof(a), f.c_str(), &mine), ::strftime(b, sizeof(b), f.c_str(), &theirs)) << f;
      ASSERT_STREQ(a, b) << f << " at " << t;
    }
  }
}

TEST(StrftimeTest, TooSmallBuffersReturnZero) {
  const q::Tm tm = {5, 4, 3, 2, 1, 100, 3, 32, 0, 0, "UTC"};
  const struct tm theirs = to_glibc(tm);
  char a[64], b[64];
  const char* f = "%Y-%m-%d %H:%M:%S %A %_10j";
  const size_t full = ::strftime(b, sizeof(b), f, &theirs);
  ASSERT_GT(full, 0u);
  for (size_t max = 0; max <= full + 1; ++max) {
    ASSERT_EQ(q::strftime(a, max, f, &tm), ::strftime(b, max, f, &theirs)) << max;
  }
  EXPECT_EQ(q::strftime(a, full + 1, f, &tm), full);
  EXPECT_STREQ(a, b);
  EXPECT_EQ(q::strftime(a, sizeof(a), "", &tm), 0u);
  EXPECT_STREQ(a, "");
}

}  // namespace
}  // namespace qrv_time_test
