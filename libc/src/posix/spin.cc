// Spin locks: the holder's tid in one word, taken by compare-and-swap, so a
// relock is EDEADLK and an unlock by another thread EPERM. A waiter yields
// every kSpinsPerYield tries; yielding reaches only threads of its own
// priority, so (as with any spin lock) a holder of lower priority on the
// waiter's own hart never runs: use a mutex when priorities differ.
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

constexpr int kSpinsPerYield = 64;
constexpr int kProcessShared = 1;  // pthread.h PTHREAD_PROCESS_SHARED

bool try_take(pthread_spinlock_t* s, int32_t self) {
  int32_t free_word = 0;
  return __atomic_compare_exchange_n(&s->owner, &free_word, self, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

}  // namespace

// Processes share no memory, so PROCESS_SHARED is the same lock.
QRV_LIBC_FN(int, pthread_spin_init, (pthread_spinlock_t * s, int pshared)) {
  if (pshared != 0 && pshared != kProcessShared) return QRV_EINVAL;
  __atomic_store_n(&s->owner, 0, __ATOMIC_RELAXED);
  return 0;
}

QRV_LIBC_FN(int, pthread_spin_destroy, (pthread_spinlock_t * s)) {
  return __atomic_load_n(&s->owner, __ATOMIC_RELAXED) != 0 ? QRV_EBUSY : 0;
}

QRV_LIBC_FN(int, pthread_spin_lock, (pthread_spinlock_t * s)) {
  const int32_t self = current_thread_block()->tid_;
  for (int spins = 0;; ++spins) {
    const int32_t owner = __atomic_load_n(&s->owner, __ATOMIC_RELAXED);
    if (owner == self) return QRV_EDEADLK;
    if (owner == 0 && try_take(s, self)) return 0;
    if (spins % kSpinsPerYield == kSpinsPerYield - 1) SchedYield_r();
  }
}

QRV_LIBC_FN(int, pthread_spin_trylock, (pthread_spinlock_t * s)) {
  return try_take(s, current_thread_block()->tid_) ? 0 : QRV_EBUSY;
}

QRV_LIBC_FN(int, pthread_spin_unlock, (pthread_spinlock_t * s)) {
  int32_t self = current_thread_block()->tid_;
  return __atomic_compare_exchange_n(&s->owner, &self, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED) ? 0 : QRV_EPERM;
}

}  // namespace qrv::libc
