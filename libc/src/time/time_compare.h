// Helpers for the time tests: QRV's Tm beside glibc's struct tm, and TZ set
// for both libraries at once (each reads its own environment).
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <string>

#include "libc/src/stdlib/stdlib_api.h"
#include "libc/src/time/time_api.h"

namespace qrv_time_test {

namespace q = qrv::libc;

static_assert(sizeof(q::Tm) == sizeof(struct tm), "struct tm's layout");
static_assert(offsetof(q::Tm, tm_gmtoff) == offsetof(struct tm, tm_gmtoff), "tm_gmtoff");
static_assert(offsetof(q::Tm, tm_zone) == offsetof(struct tm, tm_zone), "tm_zone");

inline struct tm to_glibc(const q::Tm& t) {
  struct tm g;
  memset(&g, 0, sizeof(g));
  g.tm_sec = t.tm_sec;
  g.tm_min = t.tm_min;
  g.tm_hour = t.tm_hour;
  g.tm_mday = t.tm_mday;
  g.tm_mon = t.tm_mon;
  g.tm_year = t.tm_year;
  g.tm_wday = t.tm_wday;
  g.tm_yday = t.tm_yday;
  g.tm_isdst = t.tm_isdst;
  g.tm_gmtoff = t.tm_gmtoff;
  g.tm_zone = t.tm_zone;
  return g;
}

inline std::string describe(const q::Tm& t) {
  char buf[200];
  snprintf(buf, sizeof(buf), "%d-%02d-%02d %02d:%02d:%02d wday %d yday %d isdst %d gmtoff %ld zone %s",
           t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday,
           t.tm_isdst, t.tm_gmtoff, t.tm_zone ? t.tm_zone : "(null)");
  return buf;
}

inline std::string describe(const struct tm& g) {
  q::Tm t = {g.tm_sec,  g.tm_min,   g.tm_hour,  g.tm_mday,   g.tm_mon, g.tm_year,
             g.tm_wday, g.tm_yday, g.tm_isdst, g.tm_gmtoff, g.tm_zone};
  return describe(t);
}

// Every field, the zone by its text.
inline bool same(const q::Tm& t, const struct tm& g) {
  return t.tm_sec == g.tm_sec && t.tm_min == g.tm_min && t.tm_hour == g.tm_hour && t.tm_mday == g.tm_mday &&
         t.tm_mon == g.tm_mon && t.tm_year == g.tm_year && t.tm_wday == g.tm_wday && t.tm_yday == g.tm_yday &&
         t.tm_isdst == g.tm_isdst && t.tm_gmtoff == g.tm_gmtoff && t.tm_zone != nullptr && g.tm_zone != nullptr &&
         strcmp(t.tm_zone, g.tm_zone) == 0;
}

// TZ for QRV (its own environ) and for glibc (then tzset, which glibc's
// localtime_r needs to notice a change).
inline void set_tz(const char* tz) {
  if (tz == nullptr) {
    q::unsetenv("TZ");
    ::unsetenv("TZ");
  } else {
    q::setenv("TZ", tz, 1);
    ::setenv("TZ", tz, 1);
  }
  ::tzset();
}

}  // namespace qrv_time_test
