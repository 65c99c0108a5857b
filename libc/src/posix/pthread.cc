// pthreads over kernel threads and kernel sync objects. A thread's stack and
// its ThreadBlock share one allocation (block at the top); the joiner frees it.
// A mutex is a lock word (libc/src/neutrino/lock.h): uncontended lock and
// unlock are one compare-and-swap each in user space, with the caller's tid
// from its ThreadBlock; only contention calls the kernel. Condition variables
// are kernel sync objects.
// Mutex types: RECURSIVE counts relocks in the mutex (the owner alone touches
// the count); the kernel reports a relock of the others as EDEADLK and an
// unlock by a non-owner as EPERM.
// Functions return error numbers (POSIX), never -1.
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

constexpr uint64_t kDefaultStack = 64 * 1024;
constexpr uint64_t kMinStack = 4096;
constexpr uint64_t kStackAlign = 16;

constexpr int64_t kNanosPerSecond = 1000000000;

int error_of(long r) { return r < 0 ? static_cast<int>(-r) : 0; }

// Only the owner ever puts its own tid in the word, so this read is exact
// for the caller (whatever other threads do to the word meanwhile).
bool owned_by_caller(const pthread_mutex_t* m) {
  const auto word = static_cast<uint32_t>(__atomic_load_n(&m->sync.count, __ATOMIC_RELAXED));
  return (word & QRV_SYNC_OWNER_MASK) == static_cast<uint32_t>(current_thread_block()->tid_);
}

// A RECURSIVE mutex's owner locks it again: one more level (the owner's alone).
int relock(pthread_mutex_t* m) {
  if (m->depth == UINT32_MAX) return QRV_EAGAIN;
  ++m->depth;
  return 0;
}

// First code of every new thread: the kernel starts it with a0 = its block
// and a1 = its tid (kernel/abi/types.h), so the tid is in the block before
// the thread can take a mutex. Install the block, run, exit with the result.
void* thread_entry(void* arg, long tid) {
  auto* block = static_cast<ThreadBlock*>(arg);
  __atomic_store_n(&block->tid_, static_cast<int32_t>(tid), __ATOMIC_RELAXED);
  install_thread_block(block);
  pthread_exit(block->start_(block->arg_));
}

// RECURSIVE's paths, out of line: pthread_mutex_lock and unlock of the other
// types stay a type test and a tail call with no stack frame (inline, the
// frame cost the uncontended pair 22 instructions instead of 6).
[[gnu::noinline]] int recursive_lock(pthread_mutex_t* m) {
  if (owned_by_caller(m)) return relock(m);
  return lock_word_lock(&m->sync);
}

[[gnu::noinline]] int recursive_unlock(pthread_mutex_t* m) {
  if (m->depth != 0 && owned_by_caller(m)) {
    --m->depth;
    return 0;
  }
  return lock_word_unlock(&m->sync);
}

// The kernel releases the whole lock word for the wait, so the next owner
// must not inherit a RECURSIVE owner's extra levels: they wait with it.
int cond_wait(pthread_cond_t* c, pthread_mutex_t* m) {
  const bool mine = m->type == kMutexRecursive && owned_by_caller(m);
  const uint32_t depth = mine ? m->depth : 0;
  if (mine) m->depth = 0;
  const long r = SyncCondvarWait_r(&c->sync, &m->sync);
  if (mine) m->depth = depth;  // held again, whatever ended the wait
  return r == -QRV_EINTR ? 0 : error_of(r);
}

}  // namespace

QRV_LIBC_FN(int, pthread_create,
            (pthread_t * thread, const pthread_attr_t* attr, void* (*start)(void*), void* arg)) {
  if (thread == nullptr || start == nullptr) return QRV_EINVAL;
  uint64_t stack = attr != nullptr && attr->stack_size != 0 ? attr->stack_size : kDefaultStack;
  if (stack < kMinStack || stack > (uint64_t{1} << 40)) return QRV_EINVAL;
  stack = (stack + kStackAlign - 1) & ~(kStackAlign - 1);
  auto* mem = static_cast<unsigned char*>(malloc(stack + sizeof(ThreadBlock)));
  if (mem == nullptr) return QRV_EAGAIN;
  auto* block = reinterpret_cast<ThreadBlock*>(mem + stack);
  *block = ThreadBlock{block, 0, 0, start, arg, nullptr, mem, {}};
  const qrv_thread_attr kattr = {reinterpret_cast<uintptr_t>(mem), stack, 0, 0, 0, 0};
  // ThreadCreate's entry type has no tid parameter; the cast goes through
  // void(*)(), the one function-pointer cast GCC does not warn about.
  auto* const entry = reinterpret_cast<void* (*)(void*)>(reinterpret_cast<void (*)()>(&thread_entry));
  const int tid = ThreadCreate_r(0, entry, block, &kattr);
  if (tid < 0) {
    free(mem);
    return -tid;
  }
  // The new thread stores the same tid itself, perhaps already: both atomic.
  __atomic_store_n(&block->tid_, tid, __ATOMIC_RELAXED);
  *thread = reinterpret_cast<uintptr_t>(block);
  return 0;
}

QRV_LIBC_FN(int, pthread_join, (pthread_t thread, void** result)) {
  auto* block = reinterpret_cast<ThreadBlock*>(thread);
  if (block == nullptr || block->self_ != block) return QRV_ESRCH;
  if (block == current_thread_block()) return QRV_EDEADLK;
  void* value = nullptr;
  int r;
  do {  // POSIX: a signal does not end pthread_join (its handler has run)
    r = ThreadJoin_r(__atomic_load_n(&block->tid_, __ATOMIC_RELAXED), &value);
  } while (r == -QRV_EINTR);
  if (r < 0) return -r;
  if (result != nullptr) *result = value;
  free(block->stack_alloc_);
  return 0;
}

QRV_LIBC_FN(void, pthread_exit, (void* result)) {
  run_key_destructors();
  // tid 0: the calling thread; priority -1: unchanged.
  ThreadDestroy_r(0, -1, result);
  __builtin_trap();  // ThreadDestroy of oneself does not return
}

QRV_LIBC_FN(pthread_t, pthread_self, ()) { return reinterpret_cast<uintptr_t>(current_thread_block()); }

QRV_LIBC_FN(int, pthread_equal, (pthread_t a, pthread_t b)) { return a == b ? 1 : 0; }

// The kernel's timeouts are absolute nanoseconds of one clock, which both
// CLOCK_REALTIME and CLOCK_MONOTONIC read (kernel/proc/syscalls.cc ClockTime).
int timeout_until(const qrv_timespec* abstime, uint32_t flags) {
  if (abstime == nullptr || abstime->tv_nsec < 0 || abstime->tv_nsec >= kNanosPerSecond) return QRV_EINVAL;
  constexpr int64_t kMaxSeconds = int64_t{1} << 32;  // the kernel refuses more than 2^62 ns
  uint64_t ns = 0;  // a time before the epoch has passed
  if (abstime->tv_sec >= 0) {
    const int64_t secs = abstime->tv_sec < kMaxSeconds ? abstime->tv_sec : kMaxSeconds;
    ns = static_cast<uint64_t>(secs) * kNanosPerSecond + static_cast<uint64_t>(abstime->tv_nsec);
  }
  return error_of(TimerTimeout_r(QRV_CLOCK_REALTIME, static_cast<int>(flags | QRV_TIMER_ABSTIME), nullptr, &ns,
                                 nullptr));
}

QRV_LIBC_FN(int, pthread_mutexattr_init, (pthread_mutexattr_t * attr)) {
  *attr = pthread_mutexattr_t{kMutexNormal, 0};
  return 0;
}

QRV_LIBC_FN(int, pthread_mutexattr_destroy, (pthread_mutexattr_t * attr)) {
  (void)attr;
  return 0;
}

QRV_LIBC_FN(int, pthread_mutexattr_settype, (pthread_mutexattr_t * attr, int type)) {
  if (type != kMutexNormal && type != kMutexRecursive && type != kMutexErrorcheck) return QRV_EINVAL;
  attr->type = type;
  return 0;
}

QRV_LIBC_FN(int, pthread_mutexattr_gettype, (const pthread_mutexattr_t* attr, int* type)) {
  *type = attr->type;
  return 0;
}

QRV_LIBC_FN(int, pthread_mutex_init, (pthread_mutex_t * m, const pthread_mutexattr_t* attr)) {
  *m = pthread_mutex_t{qrv_sync_t{0, 0}, attr != nullptr ? attr->type : kMutexNormal, 0};
  return 0;
}

QRV_LIBC_FN(int, pthread_mutex_destroy, (pthread_mutex_t * m)) {
  return m->sync.count != 0 ? QRV_EBUSY : 0;
}

// Free (0) -> ours, or let the kernel sort it out: it sets WAITERS and puts
// the caller to sleep, or reports EDEADLK if the caller owns it already
// (every type but RECURSIVE, which counts instead).
QRV_LIBC_FN(int, pthread_mutex_lock, (pthread_mutex_t * m)) {
  if (m->type == kMutexRecursive) return recursive_lock(m);
  return lock_word_lock(&m->sync);
}

QRV_LIBC_FN(int, pthread_mutex_trylock, (pthread_mutex_t * m)) {
  int32_t free_word = 0;
  if (__atomic_compare_exchange_n(&m->sync.count, &free_word, current_thread_block()->tid_, false, __ATOMIC_ACQUIRE,
                                  __ATOMIC_RELAXED)) {
    return 0;
  }
  if (m->type == kMutexRecursive && owned_by_caller(m)) return relock(m);
  return QRV_EBUSY;
}

// As lock, with the kernel's wait bounded by abstime (POSIX: abstime need
// not be valid when the mutex is free).
QRV_LIBC_FN(int, pthread_mutex_timedlock, (pthread_mutex_t * m, const qrv_timespec* abstime)) {
  const int r = pthread_mutex_trylock(m);
  if (r != QRV_EBUSY) return r;
  for (;;) {
    const int armed = timeout_until(abstime, QRV_NTO_TIMEOUT_MUTEX);
    if (armed != 0) return armed;
    const long k = SyncMutexLock_r(&m->sync);
    if (k != -QRV_EINTR) return error_of(k);
  }
}

// Ours with nobody waiting -> free, or the kernel: WAITERS is set (it hands
// the mutex to the best waiter), or the caller is not the owner (EPERM).
QRV_LIBC_FN(int, pthread_mutex_unlock, (pthread_mutex_t * m)) {
  if (m->type == kMutexRecursive) return recursive_unlock(m);
  return lock_word_unlock(&m->sync);
}

QRV_LIBC_FN(int, pthread_cond_init, (pthread_cond_t * c, const void* attr)) {
  if (attr != nullptr) return QRV_ENOTSUP;
  c->sync = qrv_sync_t{0, 0};
  return 0;
}

QRV_LIBC_FN(int, pthread_cond_destroy, (pthread_cond_t * c)) {
  (void)c;
  return 0;
}

// The kernel ends a wait that a signal interrupted with EINTR, the mutex held
// again. POSIX forbids EINTR here: that is a spurious wakeup, which callers
// already handle by testing their predicate again.
QRV_LIBC_FN(int, pthread_cond_wait, (pthread_cond_t * c, pthread_mutex_t* m)) { return cond_wait(c, m); }

// As wait, the kernel's wait bounded by abstime: ETIMEDOUT, the mutex held.
QRV_LIBC_FN(int, pthread_cond_timedwait, (pthread_cond_t * c, pthread_mutex_t* m, const qrv_timespec* abstime)) {
  const int armed = timeout_until(abstime, QRV_NTO_TIMEOUT_CONDVAR);
  if (armed != 0) return armed;
  return cond_wait(c, m);
}

QRV_LIBC_FN(int, pthread_cond_signal, (pthread_cond_t * c)) { return error_of(SyncCondvarSignal_r(&c->sync, 0)); }

QRV_LIBC_FN(int, pthread_cond_broadcast, (pthread_cond_t * c)) {
  return error_of(SyncCondvarSignal_r(&c->sync, 1));
}

}  // namespace qrv::libc
