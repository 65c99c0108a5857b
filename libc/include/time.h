/* QRV libc: time.h (clocks from the kernel ABI). */
#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/cdefs.h>
#include <sys/types.h>

#include "kernel/abi/types.h"

#define CLOCK_REALTIME QRV_CLOCK_REALTIME
#define CLOCK_MONOTONIC QRV_CLOCK_MONOTONIC

/* Layout of struct qrv_timespec (kernel/abi/types.h). */
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

__BEGIN_DECLS
int clock_gettime(clockid_t clock, struct timespec* ts);
int nanosleep(const struct timespec* req, struct timespec* rem);
__END_DECLS

#endif /* _TIME_H */
