// gmtime, timegm, localtime, mktime, tzset and difftime against glibc over
// many timestamps (negative, leap years, far years, the ends of the range)
// and POSIX TZ strings, northern and southern, with every rule form.
#include <errno.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <stdint.h>
#include <time.h>

#include <random>
#include <vector>

#include "libc/src/common/errno.h"
#include "libc/src/time/time_compare.h"

namespace qrv_time_test {
namespace {

// Seconds in 400 Gregorian years (the calendar's period, weekdays included).
constexpr int64_t k400Years = 146097LL * 86400;

std::vector<int64_t> timestamps(uint32_t seed, int count) {
  std::mt19937_64 rng(seed);
  std::vector<int64_t> out = {0,          -1,         1,          951782400,  951868799,  951868800,
                              -2203891200, 4107542400, 253402300799, 253402300800, -62135596800, -62135596801,
                              INT32_MAX,  INT32_MIN,  67767976233532799, 67768036191676799, -67768040609740800,
                              INT64_MAX,  INT64_MIN,  67768036191676800, -67768040609740801};
  for (int i = 0; i < count; ++i) {
    const int bits = static_cast<int>(rng() % 4);
    const int64_t range = bits == 0 ? (1LL << 31) : bits == 1 ? (1LL << 36) : bits == 2 ? (1LL << 45) : (1LL << 56);
    out.push_back(static_cast<int64_t>(rng() % static_cast<uint64_t>(2 * range)) - range);
  }
  return out;
}

TEST(TimeTest, GmtimeMatchesGlibcEverywhere) {
  for (int64_t t : timestamps(41, 200000)) {
    q::Tm mine;
    struct tm theirs;
    q::set_errno(0);
    errno = 0;
    const bool ok_q = q::gmtime_r(&t, &mine) != nullptr;
    const bool ok_g = ::gmtime_r(&t, &theirs) != nullptr;
    ASSERT_EQ(ok_q, ok_g) << t;
    if (!ok_q) {
      ASSERT_EQ(q::get_errno(), QRV_EOVERFLOW);
      ASSERT_EQ(errno, EOVERFLOW);
      continue;
    }
    ASSERT_TRUE(same(mine, theirs)) << t << ": " << describe(mine) << " vs " << describe(theirs);
    ASSERT_EQ(q::gmtime(&t), q::gmtime(&t));  // the one static result
  }
}

TEST(TimeTest, TimegmNormalisesLikeGlibc) {
  std::mt19937 rng(42);
  auto field = [&](int span) { return static_cast<int>(rng() % (2u * span + 1)) - span; };
  for (int iter = 0; iter < 200000; ++iter) {
    q::Tm mine = {};
    const int scale = iter % 3 == 0 ? 1000000 : iter % 3 == 1 ? 100 : 70;
    mine.tm_sec = field(scale);
    mine.tm_min = field(scale);
    mine.tm_hour = field(scale);
    mine.tm_mday = field(scale);
    mine.tm_mon = field(scale);
    mine.tm_year = iter % 50 == 0 ? field(INT_MAX / 2) * 2 : field(3000);
    struct tm theirs = to_glibc(mine);
    const struct tm before = theirs;
    const int64_t tq = q::timegm(&mine);
    const int64_t tg = ::timegm(&theirs);
    ASSERT_EQ(tq, tg) << describe(before);
    if (tg != -1) {
      ASSERT_TRUE(same(mine, theirs)) << describe(mine) << " vs " << describe(theirs);
    }
  }
  q::Tm edge = {0, 0, 0, 1, 0, INT_MAX, 0, 0, 0, 0, nullptr};
  edge.tm_mon = 12;  // one year past INT_MAX: does not fit tm_year
  q::set_errno(0);
  EXPECT_EQ(q::timegm(&edge), -1);
  EXPECT_EQ(q::get_errno(), QRV_EOVERFLOW);
  EXPECT_EQ(edge.tm_mon, 12);  // left alone
}

// Valid POSIX TZ strings (glibc reads a tzfile when one has TZ's name, so
// each has explicit rules or none at all).
const char* const kZones[] = {
    "EST5EDT,M3.2.0,M11.1.0",
    "CET-1CEST,M3.5.0,M10.5.0/3",
    "AEST-10AEDT,M10.1.0,M4.1.0/3",
    "NZST-12NZDT,M9.5.0,M4.1.0/3",
    "<+0530>-5:30",
    "IST-5:30",
    "JST-9",
    "UTC0",
    "HST10",
    "ABC5DEF,J60/1,J300/25",
    "XYZ3:15ABC2:10,100/-1,250/26",
    "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
    "PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00",
    "WART4WARST,J1/0,J365/25",
    "<+1345>-13:45<+1445>,M9.5.0/2:45,M4.1.0/3:45",
    "EET-2EEST,M3.5.4/24,M10.5.5/1",
    "AAA+12:34:56BBB-1:02:03,M2.5.6/12:34:56,M12.1.0/0:00:01",
};

TEST(TimeTest, LocaltimeMatchesGlibcInEveryZone) {
  const std::vector<int64_t> ts = timestamps(43, 20000);
  for (const char* zone : kZones) {
    set_tz(zone);
    SCOPED_TRACE(zone);
    for (int64_t t : ts) {
      // glibc's DST dates are wrong before 1971 (it counts from 1970's
      // January 1) and past year ~5.8 million (int overflow): there, compare
      // with glibc a multiple of 400 years away, the same calendar.
      const bool has_rules = strchr(zone, ',') != nullptr;
      int64_t periods = 0;
      if (has_rules && (t < 86400 * 366 || t > 3000000000000LL) && t > INT64_MIN / 2 && t < INT64_MAX / 2) {
        periods = (t - 946684800) / k400Years - (t < 946684800);
      }
      const int64_t tg = t - periods * k400Years;
      q::Tm mine;
      struct tm theirs;
      const bool ok_q = q::localtime_r(&t, &mine) != nullptr;
      const bool ok_g = ::localtime_r(&tg, &theirs) != nullptr;
      if (periods == 0) {
        ASSERT_EQ(ok_q, ok_g) << t;
      }
      if (!ok_q || !ok_g) continue;
      theirs.tm_year = static_cast<int>(theirs.tm_year + periods * 400);
      ASSERT_TRUE(same(mine, theirs)) << t << ": " << describe(mine) << " vs " << describe(theirs);
    }
  }
}

TEST(TimeTest, TzsetAndLocaltimePublishTheZone) {
  for (const char* zone : kZones) {
    set_tz(zone);
    q::tzset();
    EXPECT_STREQ(q::tzname[0], ::tzname[0]) << zone;
    EXPECT_STREQ(q::tzname[1], ::tzname[1]) << zone;
    EXPECT_EQ(q::timezone, ::timezone) << zone;
    EXPECT_EQ(q::daylight, ::daylight) << zone;
  }
  set_tz(nullptr);  // no TZ: UTC
  const int64_t t = 1700000000;
  const q::Tm* local = q::localtime(&t);
  ASSERT_NE(local, nullptr);
  EXPECT_EQ(local->tm_gmtoff, 0);
  EXPECT_STREQ(local->tm_zone, "UTC");
  EXPECT_STREQ(q::tzname[0], "UTC");
  for (const char* odd : {"", "America/New_York", ":UTC", "AB5", "ABC", "ABC5DE", "ABC5DEF,M13.1.0,M1.1.0"}) {
    q::setenv("TZ", odd, 1);
    q::Tm tm;
    ASSERT_NE(q::localtime_r(&t, &tm), nullptr);
    EXPECT_EQ(tm.tm_gmtoff, 0) << odd;  // what QRV cannot read is UTC
    EXPECT_STREQ(tm.tm_zone, "UTC") << odd;
  }
  // A DST zone without rules takes the United States' (glibc would read posixrules).
  q::setenv("TZ", "EST5EDT", 1);
  q::Tm a, b;
  for (int64_t s = 1600000000; s < 1800000000; s += 3599) {
    q::setenv("TZ", "EST5EDT", 1);
    ASSERT_NE(q::localtime_r(&s, &a), nullptr);
    q::setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
    ASSERT_NE(q::localtime_r(&s, &b), nullptr);
    ASSERT_EQ(a.tm_isdst, b.tm_isdst) << s;
  }
}

TEST(TimeTest, MktimeMatchesGlibc) {
  std::mt19937 rng(44);
  auto field = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
  for (const char* zone : kZones) {
    set_tz(zone);
    SCOPED_TRACE(zone);
    for (int iter = 0; iter < 20000; ++iter) {
      q::Tm mine = {};
      const bool wild = iter % 4 == 0;
      mine.tm_sec = wild ? field(-100000, 100000) : field(0, 59);
      mine.tm_min = wild ? field(-5000, 5000) : field(0, 59);
      mine.tm_hour = wild ? field(-500, 500) : field(0, 23);
      mine.tm_mday = wild ? field(-400, 400) : field(1, 28);
      mine.tm_mon = wild ? field(-30, 30) : field(0, 11);
      mine.tm_year = field(76, 1000);  // after 1971 however wild: see LocaltimeMatchesGlibcInEveryZone
      mine.tm_isdst = field(-1, 1);
      struct tm theirs = to_glibc(mine);
      if (mine.tm_isdst < 0) {
        // Only where the local time names one instant: glibc's choice in a
        // repeated or skipped hour depends on its earlier calls.
        struct tm as_std = theirs, as_dst = theirs;
        as_std.tm_isdst = 0;
        as_dst.tm_isdst = 1;
        const time_t s = ::mktime(&as_std), d = ::mktime(&as_dst);
        struct tm ls, ld;
        ::localtime_r(&s, &ls);
        ::localtime_r(&d, &ld);
        if ((ls.tm_isdst == 0) == (ld.tm_isdst == 1)) continue;
      }
      const struct tm before = theirs;
      const int64_t tq = q::mktime(&mine);
      const int64_t tg = ::mktime(&theirs);
      ASSERT_EQ(tq, tg) << describe(before);
      ASSERT_TRUE(same(mine, theirs)) << describe(mine) << " vs " << describe(theirs);
    }
  }
}

TEST(TimeTest, MktimeResolvesRepeatedAndSkippedHours) {
  q::setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
  // 2023-11-05 01:30 happened twice: first as EDT.
  q::Tm fall = {0, 30, 1, 5, 10, 123, 0, 0, -1, 0, nullptr};
  EXPECT_EQ(q::mktime(&fall), 1699162200);
  EXPECT_EQ(fall.tm_isdst, 1);
  fall = {0, 30, 1, 5, 10, 123, 0, 0, 0, 0, nullptr};
  EXPECT_EQ(q::mktime(&fall), 1699165800);  // asked for EST: an hour later
  EXPECT_EQ(fall.tm_isdst, 0);
  // 2023-03-12 02:30 never happened: read as EST, it is 03:30 EDT.
  q::Tm spring = {0, 30, 2, 12, 2, 123, 0, 0, -1, 0, nullptr};
  EXPECT_EQ(q::mktime(&spring), 1678606200);
  EXPECT_EQ(spring.tm_hour, 3);
  EXPECT_EQ(spring.tm_isdst, 1);
  // Without DST, tm_isdst > 0 is taken as an hour ahead (as glibc).
  q::setenv("TZ", "JST-9", 1);
  q::Tm summer = {0, 0, 12, 1, 6, 123, 0, 0, 1, 0, nullptr};
  EXPECT_EQ(q::mktime(&summer), 1688180400 - 3600);
  EXPECT_EQ(summer.tm_hour, 11);
  // A year past tm_year's range: -1 and EOVERFLOW, tm untouched.
  q::Tm far = {0, 0, 0, 1, 0, INT_MAX, 0, 0, 0, 0, nullptr};
  far.tm_mon = 24;
  q::set_errno(0);
  EXPECT_EQ(q::mktime(&far), -1);
  EXPECT_EQ(q::get_errno(), QRV_EOVERFLOW);
  EXPECT_EQ(far.tm_mon, 24);
}

TEST(TimeTest, DifftimeIsExact) {
  for (int64_t a : timestamps(45, 2000)) {
    for (int64_t b : {int64_t{0}, int64_t{1}, INT64_MIN, INT64_MAX, int64_t{-123456789012345}}) {
      ASSERT_EQ(q::difftime(a, b), ::difftime(a, b)) << a << " - " << b;
      ASSERT_EQ(q::difftime(b, a), ::difftime(b, a)) << b << " - " << a;
    }
  }
}

}  // namespace
}  // namespace qrv_time_test
