/* QRV libc: pthread.h — threads are kernel threads, mutexes and condition
 * variables kernel sync objects (kernel/abi/types.h qrv_sync_t). */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <sched.h>
#include <stdint.h>
#include <sys/cdefs.h>
#include <time.h>

#include "kernel/abi/types.h"

typedef unsigned long pthread_t;
typedef struct {
  uint64_t __stack_size; /* 0: the default (64 KiB) */
  uint64_t __reserved;
} pthread_attr_t;
typedef struct {
  qrv_sync_t __sync;
} pthread_mutex_t;
typedef struct {
  qrv_sync_t __sync;
} pthread_cond_t;
typedef struct {
  int __unused;
} pthread_mutexattr_t;
typedef struct {
  int __unused;
} pthread_condattr_t;

#define PTHREAD_MUTEX_INITIALIZER {{0, 0}}
#define PTHREAD_COND_INITIALIZER {{0, 0}}

__BEGIN_DECLS
int pthread_create(pthread_t* __QRV_RESTRICT thread, const pthread_attr_t* __QRV_RESTRICT attr,
                   void* (*start)(void*), void* __QRV_RESTRICT arg);
int pthread_join(pthread_t thread, void** result);
__QRV_NORETURN void pthread_exit(void* result);
pthread_t pthread_self(void);
int pthread_mutex_init(pthread_mutex_t* __QRV_RESTRICT m, const pthread_mutexattr_t* __QRV_RESTRICT attr);
int pthread_mutex_destroy(pthread_mutex_t* m);
int pthread_mutex_lock(pthread_mutex_t* m);
int pthread_mutex_unlock(pthread_mutex_t* m);
int pthread_cond_init(pthread_cond_t* __QRV_RESTRICT c, const pthread_condattr_t* __QRV_RESTRICT attr);
int pthread_cond_destroy(pthread_cond_t* c);
int pthread_cond_wait(pthread_cond_t* __QRV_RESTRICT c, pthread_mutex_t* __QRV_RESTRICT m);
int pthread_cond_signal(pthread_cond_t* c);
int pthread_cond_broadcast(pthread_cond_t* c);
__END_DECLS

#endif /* _PTHREAD_H */
