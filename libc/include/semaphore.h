/* QRV libc: semaphore.h — unnamed semaphores (sem_init): an atomic count of
 * tokens, with kernel sync objects for the threads that sleep on it.
 * Processes share no memory, so sem_init's pshared must be 0 (else ENOSYS).
 * Failures: -1 and errno. */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <stdint.h>
#include <sys/cdefs.h>
#include <time.h>

#include "kernel/abi/types.h"

typedef struct {
  qrv_sync_t __lock;
  qrv_sync_t __cv;
  uint32_t __value;
  uint32_t __waiters;
} sem_t;

#define SEM_VALUE_MAX 0x7fffffff
#define SEM_FAILED ((sem_t*)0)

__BEGIN_DECLS
int sem_init(sem_t* sem, int pshared, unsigned value);
int sem_destroy(sem_t* sem);
int sem_post(sem_t* sem);
int sem_wait(sem_t* sem);
int sem_trywait(sem_t* sem);
/* abstime is CLOCK_REALTIME; EINVAL for a tv_nsec outside [0, 1e9) when the
 * call would block, ETIMEDOUT once it passes, EINTR for a signal. */
int sem_timedwait(sem_t* __QRV_RESTRICT sem, const struct timespec* __QRV_RESTRICT abstime);
int sem_getvalue(sem_t* __QRV_RESTRICT sem, int* __QRV_RESTRICT value);
__END_DECLS

#endif /* _SEMAPHORE_H */
