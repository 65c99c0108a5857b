// The calendar half of time.h inside QRV's libc (namespace qrv::libc):
// broken-down time, time zones from a POSIX TZ string, strftime/strptime in
// the C locale. The clocks are posix_api.h's (clock_gettime, nanosleep).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "libc/src/common/entrypoint.h"

namespace qrv::libc {

// Layout of <time.h>'s struct tm (glibc's and the BSDs', with tm_gmtoff and tm_zone).
struct Tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;  // years since 1900
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;       // seconds east of UTC
  const char* tm_zone;  // abbreviation, in storage that lives as long as the program
};

static_assert(sizeof(Tm) == 56 && offsetof(Tm, tm_gmtoff) == 40 && offsetof(Tm, tm_zone) == 48,
              "the layout headers_c_check.c checks for struct tm");

// tzset's results: the abbreviations, seconds west of UTC, and whether the zone has DST.
QRV_LIBC_EXTERN_VAR char* tzname[2];
QRV_LIBC_EXTERN_VAR long timezone;
QRV_LIBC_EXTERN_VAR int daylight;

Tm* gmtime(const int64_t* t);
Tm* gmtime_r(const int64_t* __restrict t, Tm* __restrict tm);
Tm* localtime(const int64_t* t);
Tm* localtime_r(const int64_t* __restrict t, Tm* __restrict tm);
int64_t mktime(Tm* tm);
int64_t timegm(Tm* tm);
double difftime(int64_t t1, int64_t t0);
void tzset();
size_t strftime(char* __restrict s, size_t max, const char* __restrict format, const Tm* __restrict tm);
char* strptime(const char* __restrict s, const char* __restrict format, Tm* __restrict tm);

}  // namespace qrv::libc
