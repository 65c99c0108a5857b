/* QRV libc: sys/time.h. gettimeofday reads CLOCK_REALTIME (microseconds);
 * settimeofday sets it (root: clock_settime's rules). No time zone: a tz
 * argument must be NULL (EINVAL otherwise). Layout of qrv::libc::Timeval. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <stdint.h>
#include <sys/cdefs.h>
#include <sys/types.h>

typedef int64_t suseconds_t;

struct timeval {
  time_t tv_sec;
  suseconds_t tv_usec;
};

__BEGIN_DECLS
int gettimeofday(struct timeval* __QRV_RESTRICT tv, void* __QRV_RESTRICT tz);
int settimeofday(const struct timeval* tv, const void* tz);
__END_DECLS

/* BSD's arithmetic on timevals. */
#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, op) \
  ((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec op(b)->tv_usec : (a)->tv_sec op(b)->tv_sec)
#define timeradd(a, b, r)                              \
  do {                                                 \
    (r)->tv_sec = (a)->tv_sec + (b)->tv_sec;           \
    (r)->tv_usec = (a)->tv_usec + (b)->tv_usec;        \
    if ((r)->tv_usec >= 1000000) {                     \
      ++(r)->tv_sec;                                   \
      (r)->tv_usec -= 1000000;                         \
    }                                                  \
  } while (0)
#define timersub(a, b, r)                              \
  do {                                                 \
    (r)->tv_sec = (a)->tv_sec - (b)->tv_sec;           \
    (r)->tv_usec = (a)->tv_usec - (b)->tv_usec;        \
    if ((r)->tv_usec < 0) {                            \
      --(r)->tv_sec;                                   \
      (r)->tv_usec += 1000000;                         \
    }                                                  \
  } while (0)

#endif /* _SYS_TIME_H */
