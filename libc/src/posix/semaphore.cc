// Unnamed semaphores. The kernel has no counting primitive, only mutexes
// and condition variables on user words (kernel/proc/sync.h), so a
// semaphore is an atomic token count plus a lock word and a condition
// variable for the sleepers: posting and taking a token never call the
// kernel unless someone sleeps, and sleeping is the condvar's wait, which
// releases the lock word in the same kernel call (no lost wake-up) and
// honours TimerTimeout (sem_timedwait) and signals (EINTR).
// The waker pairs its token with a look at `waiters`, the sleeper its
// registration with a look at `value`, both sequentially consistent: one of
// them always sees the other. Processes share no memory: pshared is ENOSYS.
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

constexpr uint32_t kValueMax = 0x7fffffff;  // semaphore.h SEM_VALUE_MAX

int fail(int error) {
  set_errno(error);
  return -1;
}

// One token, if there is one.
bool take(sem_t* s) {
  uint32_t v = __atomic_load_n(&s->value, __ATOMIC_RELAXED);
  while (v != 0) {
    if (__atomic_compare_exchange_n(&s->value, &v, v - 1, true, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) return true;
  }
  return false;
}

// The slow path: sleep on the condvar until a token can be taken. abstime
// null: no deadline. 0, or an error number (ETIMEDOUT, EINTR, EINVAL).
int wait_slow(sem_t* s, const qrv_timespec* abstime) {
  if (lock_word_lock(&s->lock) != 0) return QRV_EINVAL;
  __atomic_add_fetch(&s->waiters, 1, __ATOMIC_SEQ_CST);
  int r = 0;
  while (!take(s)) {
    if (abstime != nullptr) {
      r = timeout_until(abstime, QRV_NTO_TIMEOUT_CONDVAR);
      if (r != 0) break;
    }
    const long k = SyncCondvarWait_r(&s->cv, &s->lock);  // the lock is held again whatever ended it
    if (k < 0) {
      r = static_cast<int>(-k);
      if (r == QRV_ETIMEDOUT && take(s)) r = 0;  // a post raced the deadline
      break;
    }
  }
  __atomic_sub_fetch(&s->waiters, 1, __ATOMIC_SEQ_CST);
  lock_word_unlock(&s->lock);
  return r;
}

}  // namespace

QRV_LIBC_FN(int, sem_init, (sem_t * s, int pshared, unsigned value)) {
  if (value > kValueMax) return fail(QRV_EINVAL);
  if (pshared != 0) return fail(QRV_ENOSYS);
  *s = sem_t{qrv_sync_t{0, 0}, qrv_sync_t{0, 0}, value, 0};
  return 0;
}

QRV_LIBC_FN(int, sem_destroy, (sem_t * s)) {
  if (__atomic_load_n(&s->waiters, __ATOMIC_SEQ_CST) != 0) return fail(QRV_EBUSY);
  return 0;
}

QRV_LIBC_FN(int, sem_post, (sem_t * s)) {
  uint32_t v = __atomic_load_n(&s->value, __ATOMIC_RELAXED);
  do {
    if (v == kValueMax) return fail(QRV_EOVERFLOW);
  } while (!__atomic_compare_exchange_n(&s->value, &v, v + 1, true, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
  if (__atomic_load_n(&s->waiters, __ATOMIC_SEQ_CST) == 0) return 0;
  // A sleeper holds the lock from its registration until its wait releases
  // it, so a signal sent under the lock finds it asleep or it finds the token.
  if (lock_word_lock(&s->lock) != 0) return fail(QRV_EINVAL);
  SyncCondvarSignal_r(&s->cv, 0);
  lock_word_unlock(&s->lock);
  return 0;
}

QRV_LIBC_FN(int, sem_wait, (sem_t * s)) {
  if (take(s)) return 0;
  const int r = wait_slow(s, nullptr);
  return r == 0 ? 0 : fail(r);
}

QRV_LIBC_FN(int, sem_trywait, (sem_t * s)) { return take(s) ? 0 : fail(QRV_EAGAIN); }

// POSIX: abstime (CLOCK_REALTIME) is not checked when a token is there.
QRV_LIBC_FN(int, sem_timedwait, (sem_t * s, const qrv_timespec* abstime)) {
  if (take(s)) return 0;
  if (abstime == nullptr) return fail(QRV_EINVAL);
  const int r = wait_slow(s, abstime);
  return r == 0 ? 0 : fail(r);
}

QRV_LIBC_FN(int, sem_getvalue, (sem_t * s, int* value)) {
  *value = static_cast<int>(__atomic_load_n(&s->value, __ATOMIC_RELAXED));
  return 0;
}

}  // namespace qrv::libc
