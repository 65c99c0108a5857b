// Lock words (lock.h).
#include "libc/src/neutrino/lock.h"

#include "kernel/abi/errno.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/neutrino_api.h"

#if !defined(__riscv)
#include <sched.h>
#endif

namespace qrv::libc {
namespace {

bool swap(qrv_sync_t* sync, int32_t from, int32_t to, int order) {
  return __atomic_compare_exchange_n(&sync->count, &from, to, false, order, __ATOMIC_RELAXED);
}

int error_of(long r) { return r < 0 ? static_cast<int>(-r) : 0; }

}  // namespace

int lock_word_lock(qrv_sync_t* sync) {
  if (swap(sync, 0, current_thread_block()->tid_, __ATOMIC_ACQUIRE)) return 0;
  long r;
  do {  // the kernel sets WAITERS and puts us to sleep, or says EDEADLK
    r = SyncMutexLock_r(sync);
  } while (r == -QRV_EINTR);
  return error_of(r);
}

int lock_word_unlock(qrv_sync_t* sync) {
  if (swap(sync, current_thread_block()->tid_, 0, __ATOMIC_RELEASE)) return 0;
  return error_of(SyncMutexUnlock_r(sync));  // WAITERS is set: the kernel hands it over
}

#if defined(__riscv)
void Lock::lock() {
  if (lock_word_lock(&sync_) != 0) __builtin_trap();
}

void Lock::unlock() {
  if (lock_word_unlock(&sync_) != 0) __builtin_trap();
}
#else
// Host builds (libc's unit tests, on glibc threads, no QRV kernel and no
// tids): a flag the host scheduler's yields make fair enough.
void Lock::lock() {
  while (!swap(&sync_, 0, 1, __ATOMIC_ACQUIRE)) ::sched_yield();
}

void Lock::unlock() { __atomic_store_n(&sync_.count, 0, __ATOMIC_RELEASE); }
#endif

}  // namespace qrv::libc
