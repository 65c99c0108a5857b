// Barriers: a count of arrivals and a generation number under a lock word.
// The thread completing a round starts the next generation, wakes the round's
// sleepers and is the round's one PTHREAD_BARRIER_SERIAL_THREAD; a sleeper
// leaves once the generation it arrived in is over (not on a spurious
// wake-up or a signal), so a barrier serves any number of rounds.
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {

QRV_LIBC_FN(int, pthread_barrier_init, (pthread_barrier_t * b, const void* attr, unsigned count)) {
  (void)attr;
  if (count == 0) return QRV_EINVAL;
  *b = pthread_barrier_t{qrv_sync_t{0, 0}, qrv_sync_t{0, 0}, count, 0, 0, 0};
  return 0;
}

QRV_LIBC_FN(int, pthread_barrier_destroy, (pthread_barrier_t * b)) {
  if (lock_word_lock(&b->lock) != 0) return QRV_EINVAL;
  const bool busy = b->arrived != 0;
  lock_word_unlock(&b->lock);
  return busy ? QRV_EBUSY : 0;
}

QRV_LIBC_FN(int, pthread_barrier_wait, (pthread_barrier_t * b)) {
  if (lock_word_lock(&b->lock) != 0) return QRV_EINVAL;
  const uint32_t generation = b->generation;
  if (++b->arrived == b->count) {
    b->arrived = 0;
    ++b->generation;
    SyncCondvarSignal_r(&b->cv, 1);
    lock_word_unlock(&b->lock);
    return kBarrierSerialThread;
  }
  while (b->generation == generation) {
    const long r = SyncCondvarWait_r(&b->cv, &b->lock);  // EINTR: wait again
    if (r < 0 && r != -QRV_EINTR) break;
  }
  lock_word_unlock(&b->lock);
  return 0;
}

}  // namespace qrv::libc
