/* QRV libc: sched.h. */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/cdefs.h>

#include "kernel/abi/types.h"

#define SCHED_OTHER QRV_SCHED_OTHER
#define SCHED_FIFO QRV_SCHED_FIFO
#define SCHED_RR QRV_SCHED_RR

/* Layout of struct qrv_sched_param (kernel/abi/types.h). */
struct sched_param {
  int sched_priority;
  int __reserved;
};

__BEGIN_DECLS
int sched_yield(void);
__END_DECLS

#endif /* _SCHED_H */
