// Read-write locks: counts guarded by a lock word, with a condition variable
// for each kind of sleeper. Writers are preferred: a reader waits while a
// writer holds the lock or waits for it, so readers cannot starve writers
// (POSIX asks this of priority-scheduled writers). The price: a thread
// taking a second read lock while a writer waits deadlocks, as on glibc
// with writer preference.
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

enum class Mode { kBlock, kTry, kTimed };

int32_t self_tid() { return current_thread_block()->tid_; }

// Waits on cv once, bounded by abstime in the timed mode: 0 (woken or a
// signal, a spurious wake-up), or ETIMEDOUT / EINVAL.
int wait_once(pthread_rwlock_t* rw, qrv_sync_t* cv, Mode mode, const qrv_timespec* abstime) {
  if (mode == Mode::kTimed) {
    const int armed = timeout_until(abstime, QRV_NTO_TIMEOUT_CONDVAR);
    if (armed != 0) return armed;
  }
  const long r = SyncCondvarWait_r(cv, &rw->lock);  // the lock is held again whatever ended it
  return r == -QRV_ETIMEDOUT || r == -QRV_EINVAL ? static_cast<int>(-r) : 0;
}

int read_lock(pthread_rwlock_t* rw, Mode mode, const qrv_timespec* abstime) {
  if (lock_word_lock(&rw->lock) != 0) return QRV_EINVAL;
  int r = 0;
  if (rw->writer == self_tid()) {
    r = QRV_EDEADLK;
  } else if (rw->writer != 0 || rw->writers_waiting != 0) {
    if (mode == Mode::kTry) {
      r = QRV_EBUSY;
    } else {
      ++rw->readers_waiting;
      while (r == 0 && (rw->writer != 0 || rw->writers_waiting != 0)) r = wait_once(rw, &rw->readers_cv, mode, abstime);
      --rw->readers_waiting;
    }
  }
  if (r == 0 && rw->readers == INT32_MAX) r = QRV_EAGAIN;
  if (r == 0) ++rw->readers;
  lock_word_unlock(&rw->lock);
  return r;
}

int write_lock(pthread_rwlock_t* rw, Mode mode, const qrv_timespec* abstime) {
  if (lock_word_lock(&rw->lock) != 0) return QRV_EINVAL;
  int r = 0;
  if (rw->writer == self_tid()) {
    r = QRV_EDEADLK;
  } else if (rw->writer != 0 || rw->readers != 0) {
    if (mode == Mode::kTry) {
      r = QRV_EBUSY;
    } else {
      ++rw->writers_waiting;
      while (r == 0 && (rw->writer != 0 || rw->readers != 0)) r = wait_once(rw, &rw->writers_cv, mode, abstime);
      --rw->writers_waiting;
      // A writer that gives up may have been what held readers back, or
      // have missed the wake-up meant for a writer.
      if (r != 0 && rw->writer == 0) {
        if (rw->writers_waiting == 0 && rw->readers_waiting != 0) {
          SyncCondvarSignal_r(&rw->readers_cv, 1);
        } else if (rw->writers_waiting != 0 && rw->readers == 0) {
          SyncCondvarSignal_r(&rw->writers_cv, 0);
        }
      }
    }
  }
  if (r == 0) rw->writer = self_tid();
  lock_word_unlock(&rw->lock);
  return r;
}

}  // namespace

QRV_LIBC_FN(int, pthread_rwlock_init, (pthread_rwlock_t * rw, const void* attr)) {
  (void)attr;
  *rw = pthread_rwlock_t{qrv_sync_t{0, 0}, qrv_sync_t{0, 0}, qrv_sync_t{0, 0}, 0, 0, 0, 0};
  return 0;
}

QRV_LIBC_FN(int, pthread_rwlock_destroy, (pthread_rwlock_t * rw)) {
  if (lock_word_lock(&rw->lock) != 0) return QRV_EINVAL;
  const bool busy = rw->readers != 0 || rw->writer != 0 || rw->readers_waiting != 0 || rw->writers_waiting != 0;
  lock_word_unlock(&rw->lock);
  return busy ? QRV_EBUSY : 0;
}

QRV_LIBC_FN(int, pthread_rwlock_rdlock, (pthread_rwlock_t * rw)) { return read_lock(rw, Mode::kBlock, nullptr); }

QRV_LIBC_FN(int, pthread_rwlock_tryrdlock, (pthread_rwlock_t * rw)) { return read_lock(rw, Mode::kTry, nullptr); }

QRV_LIBC_FN(int, pthread_rwlock_timedrdlock, (pthread_rwlock_t * rw, const qrv_timespec* abstime)) {
  return read_lock(rw, Mode::kTimed, abstime);
}

QRV_LIBC_FN(int, pthread_rwlock_wrlock, (pthread_rwlock_t * rw)) { return write_lock(rw, Mode::kBlock, nullptr); }

QRV_LIBC_FN(int, pthread_rwlock_trywrlock, (pthread_rwlock_t * rw)) { return write_lock(rw, Mode::kTry, nullptr); }

QRV_LIBC_FN(int, pthread_rwlock_timedwrlock, (pthread_rwlock_t * rw, const qrv_timespec* abstime)) {
  return write_lock(rw, Mode::kTimed, abstime);
}

// The last reader out, or the writer, wakes one waiting writer if there is
// one, else every waiting reader.
QRV_LIBC_FN(int, pthread_rwlock_unlock, (pthread_rwlock_t * rw)) {
  if (lock_word_lock(&rw->lock) != 0) return QRV_EINVAL;
  int r = 0;
  if (rw->writer == self_tid()) {
    rw->writer = 0;
  } else if (rw->writer == 0 && rw->readers > 0) {
    --rw->readers;
  } else {
    r = QRV_EPERM;  // neither a reader nor the writer
  }
  if (r == 0 && rw->writer == 0 && rw->readers == 0) {
    if (rw->writers_waiting != 0) {
      SyncCondvarSignal_r(&rw->writers_cv, 0);
    } else if (rw->readers_waiting != 0) {
      SyncCondvarSignal_r(&rw->readers_cv, 1);
    }
  }
  lock_word_unlock(&rw->lock);
  return r;
}

}  // namespace qrv::libc
