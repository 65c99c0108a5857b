/* QRV libc: sched.h. */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/cdefs.h>

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2

/* Layout of struct qrv_sched_param (kernel/abi/types.h). */
struct sched_param {
  int sched_priority;
  int __reserved;
};

__BEGIN_DECLS
int sched_yield(void);
__END_DECLS

#endif /* _SCHED_H */
