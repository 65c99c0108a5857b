/* QRV libc: time.h (clocks from the kernel ABI; broken-down time in UTC or
 * in the zone a POSIX TZ string describes, e.g. "EST5EDT,M3.2.0,M11.1.0"). */
#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/cdefs.h>
#include <sys/types.h>

#include "kernel/abi/types.h"

#define CLOCK_REALTIME QRV_CLOCK_REALTIME
#define CLOCK_MONOTONIC QRV_CLOCK_MONOTONIC
#define TIMER_ABSTIME QRV_TIMER_ABSTIME

/* Layout of struct qrv_timespec (kernel/abi/types.h). */
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

/* glibc's and the BSDs' layout, tm_gmtoff and tm_zone included. */
struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year; /* years since 1900 */
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;      /* seconds east of UTC */
  const char* tm_zone; /* abbreviation */
};

__BEGIN_DECLS
int clock_gettime(clockid_t clock, struct timespec* ts);
int clock_settime(clockid_t clock, const struct timespec* ts);
int nanosleep(const struct timespec* req, struct timespec* rem);

extern char* tzname[2];
extern long timezone;
extern int daylight;
void tzset(void);
struct tm* gmtime(const time_t* t);
struct tm* gmtime_r(const time_t* __QRV_RESTRICT t, struct tm* __QRV_RESTRICT tm);
struct tm* localtime(const time_t* t);
struct tm* localtime_r(const time_t* __QRV_RESTRICT t, struct tm* __QRV_RESTRICT tm);
time_t mktime(struct tm* tm);
time_t timegm(struct tm* tm);
double difftime(time_t t1, time_t t0);
size_t strftime(char* __QRV_RESTRICT s, size_t max, const char* __QRV_RESTRICT format,
                const struct tm* __QRV_RESTRICT tm) __attribute__((format(strftime, 3, 0)));
char* strptime(const char* __QRV_RESTRICT s, const char* __QRV_RESTRICT format, struct tm* __QRV_RESTRICT tm);
__END_DECLS

#endif /* _TIME_H */
