/* QRV libc: pthread.h — threads are kernel threads; mutexes, condition
 * variables and everything built on them (once, rwlocks, barriers) kernel
 * sync objects (kernel/abi/types.h qrv_sync_t). */
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

/* Mutex types (the values glibc uses). NORMAL and DEFAULT report a relock
 * by the owner as EDEADLK (the kernel sees it) rather than deadlocking. */
#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
typedef struct {
  qrv_sync_t __sync;
  int32_t __type;      /* PTHREAD_MUTEX_* */
  uint32_t __depth;    /* RECURSIVE: locks beyond the first */
} pthread_mutex_t;
typedef struct {
  qrv_sync_t __sync;
} pthread_cond_t;
typedef struct {
  int32_t __type;
  int32_t __reserved;
} pthread_mutexattr_t;
typedef struct {
  int __unused;
} pthread_condattr_t;

#define PTHREAD_MUTEX_INITIALIZER {{0, 0}, PTHREAD_MUTEX_DEFAULT, 0}
#define PTHREAD_COND_INITIALIZER {{0, 0}}

/* pthread_once: a lock word and a done flag. */
typedef struct {
  qrv_sync_t __sync;
  int32_t __done;
  int32_t __reserved;
} pthread_once_t;
#define PTHREAD_ONCE_INIT {{0, 0}, 0, 0}

/* Thread-specific data: destructors run at thread exit, in up to
 * PTHREAD_DESTRUCTOR_ITERATIONS rounds (POSIX's minimum values). */
typedef unsigned pthread_key_t;
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_DESTRUCTOR_ITERATIONS 4

/* Read-write locks: a mutex, two condition variables and counts. Writers
 * waiting keep new readers out (so a writer is never starved). */
typedef struct {
  qrv_sync_t __lock;
  qrv_sync_t __readers_cv;
  qrv_sync_t __writers_cv;
  int32_t __readers;         /* read holders */
  int32_t __writer;          /* tid of the write holder, 0: none */
  uint32_t __readers_waiting;
  uint32_t __writers_waiting;
} pthread_rwlock_t;
typedef struct {
  int __unused;
} pthread_rwlockattr_t;
#define PTHREAD_RWLOCK_INITIALIZER {{0, 0}, {0, 0}, {0, 0}, 0, 0, 0, 0}

/* Barriers: a mutex, a condition variable and a generation count. */
#define PTHREAD_BARRIER_SERIAL_THREAD (-1)
typedef struct {
  qrv_sync_t __lock;
  qrv_sync_t __cv;
  uint32_t __count;
  uint32_t __arrived;
  uint32_t __generation;
  uint32_t __reserved;
} pthread_barrier_t;
typedef struct {
  int __unused;
} pthread_barrierattr_t;

/* Spin locks: the holder's tid in one word. */
#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1
typedef struct {
  int32_t __owner;
} pthread_spinlock_t;

__BEGIN_DECLS
int pthread_create(pthread_t* __QRV_RESTRICT thread, const pthread_attr_t* __QRV_RESTRICT attr,
                   void* (*start)(void*), void* __QRV_RESTRICT arg);
int pthread_join(pthread_t thread, void** result);
__QRV_NORETURN void pthread_exit(void* result);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_once(pthread_once_t* once, void (*init)(void));
/* Handlers fork() runs: prepare (last registered first) before, parent and
 * child (first registered first) after, in each process. */
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void));
int pthread_key_create(pthread_key_t* key, void (*destructor)(void*));
int pthread_key_delete(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void* value);
void* pthread_getspecific(pthread_key_t key);

int pthread_mutexattr_init(pthread_mutexattr_t* attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t* attr);
int pthread_mutexattr_settype(pthread_mutexattr_t* attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t* __QRV_RESTRICT attr, int* __QRV_RESTRICT type);
int pthread_mutex_init(pthread_mutex_t* __QRV_RESTRICT m, const pthread_mutexattr_t* __QRV_RESTRICT attr);
int pthread_mutex_destroy(pthread_mutex_t* m);
int pthread_mutex_lock(pthread_mutex_t* m);
int pthread_mutex_trylock(pthread_mutex_t* m);
int pthread_mutex_timedlock(pthread_mutex_t* __QRV_RESTRICT m, const struct timespec* __QRV_RESTRICT abstime);
int pthread_mutex_unlock(pthread_mutex_t* m);

int pthread_cond_init(pthread_cond_t* __QRV_RESTRICT c, const pthread_condattr_t* __QRV_RESTRICT attr);
int pthread_cond_destroy(pthread_cond_t* c);
int pthread_cond_wait(pthread_cond_t* __QRV_RESTRICT c, pthread_mutex_t* __QRV_RESTRICT m);
/* abstime is CLOCK_REALTIME. */
int pthread_cond_timedwait(pthread_cond_t* __QRV_RESTRICT c, pthread_mutex_t* __QRV_RESTRICT m,
                           const struct timespec* __QRV_RESTRICT abstime);
int pthread_cond_signal(pthread_cond_t* c);
int pthread_cond_broadcast(pthread_cond_t* c);

int pthread_rwlock_init(pthread_rwlock_t* __QRV_RESTRICT rw, const pthread_rwlockattr_t* __QRV_RESTRICT attr);
int pthread_rwlock_destroy(pthread_rwlock_t* rw);
int pthread_rwlock_rdlock(pthread_rwlock_t* rw);
int pthread_rwlock_tryrdlock(pthread_rwlock_t* rw);
int pthread_rwlock_timedrdlock(pthread_rwlock_t* __QRV_RESTRICT rw, const struct timespec* __QRV_RESTRICT abstime);
int pthread_rwlock_wrlock(pthread_rwlock_t* rw);
int pthread_rwlock_trywrlock(pthread_rwlock_t* rw);
int pthread_rwlock_timedwrlock(pthread_rwlock_t* __QRV_RESTRICT rw, const struct timespec* __QRV_RESTRICT abstime);
int pthread_rwlock_unlock(pthread_rwlock_t* rw);

int pthread_barrier_init(pthread_barrier_t* __QRV_RESTRICT b, const pthread_barrierattr_t* __QRV_RESTRICT attr,
                         unsigned count);
int pthread_barrier_destroy(pthread_barrier_t* b);
int pthread_barrier_wait(pthread_barrier_t* b);

int pthread_spin_init(pthread_spinlock_t* s, int pshared);
int pthread_spin_destroy(pthread_spinlock_t* s);
int pthread_spin_lock(pthread_spinlock_t* s);
int pthread_spin_trylock(pthread_spinlock_t* s);
int pthread_spin_unlock(pthread_spinlock_t* s);
__END_DECLS

#endif /* _PTHREAD_H */
