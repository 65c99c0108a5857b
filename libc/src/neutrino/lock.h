// The lock word behind pthread mutexes and libc's own locks (malloc, stdio,
// atexit): qrv_sync_t.count holds the owner's tid (kernel/abi/types.h).
// Uncontended lock and unlock are one compare-and-swap in user space; a
// contended one sleeps in the kernel (SyncMutexLock), which hands the word
// to the best waiter on unlock. Never a spin: on one hart, a thread spinning
// on a word held by a lower-priority thread it preempted would spin forever.
#pragma once

#include <stdint.h>

#include "kernel/abi/types.h"

namespace qrv::libc {

// 0, or an error number: EDEADLK (the caller owns it), EINVAL / EFAULT (a
// bad word). A signal does not end the wait (POSIX: no EINTR).
int lock_word_lock(qrv_sync_t* sync);
// 0, or EPERM (the caller does not own it), EINVAL / EFAULT.
int lock_word_unlock(qrv_sync_t* sync);

// libc's internal lock. Taking it again on the same thread (a signal handler
// calling malloc while malloc runs) is a bug in the program: it traps.
class Lock {
 public:
  void lock();
  void unlock();

 private:
  qrv_sync_t sync_ = {0, 0};
};

class LockGuard {
 public:
  explicit LockGuard(Lock& lock) : lock_(lock) { lock_.lock(); }
  ~LockGuard() { lock_.unlock(); }
  LockGuard(const LockGuard&) = delete;
  LockGuard& operator=(const LockGuard&) = delete;

 private:
  Lock& lock_;
};

}  // namespace qrv::libc
