// Mutexes and condition variables over a user word (see sync.h); the word
// protocol's steps are kernel/lib/sync_word.h, applied here by swapping.
#include "kernel/proc/sync.h"

#include "kernel/abi/errno.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/lib/sync_word.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/signal.h"
#include "kernel/proc/timeout.h"

namespace {
uint64_t g_wait_seq = 0;  // arrival order of waiters (BKL)

bool valid(uint64_t addr) { return addr % alignof(qrv_sync_t) == 0; }

// A condition variable's word is never read or written: only checked to be user memory.
bool probe(uint64_t addr) {
  int32_t v;
  return copy_from_user(&v, addr, sizeof v);
}

struct Waiters {
  tThread* best = nullptr;  // highest priority, then earliest
  uint32_t count = 0;
};

Waiters waiters_on(tProcess* proc, uint64_t addr, ThreadState state) {
  Waiters w;
  for (tThread* t : proc->threads) {
    if (t == nullptr || t->state_ != state || t->wait_addr != addr) continue;
    ++w.count;
    if (w.best == nullptr || t->priority_ > w.best->priority_ ||
        (t->priority_ == w.best->priority_ && t->wait_seq < w.best->wait_seq)) {
      w.best = t;
    }
  }
  return w;
}

// Sleeps until woken: 0 when signalled or handed the mutex, else what ended
// the wait early (thread_unblock: -ETIMEDOUT, or -EINTR for a condvar).
int64_t wait_on(tThread* cur, uint64_t addr, ThreadState state) {
  cur->wait_addr = addr;
  cur->wait_seq = ++g_wait_seq;
  cur->state_ = state;
  cur->unblock_status = 0;
  timeout_start(cur);
  sched_block();
  timeout_stop(cur);
  cur->wait_addr = 0;
  thread_check_exiting();
  return cur->unblock_status;
}

// Releases a mutex the caller owns: the best waiter, if any, becomes owner.
// Nobody sleeps on a word without WAITERS (each sleeper set it first), so
// only a word with it costs a look at the waiters; the waiters cannot change
// while this runs (BKL), so one look serves every retry.
int64_t release(tThread* cur, uint64_t addr) {
  const uint32_t self = cur->tid;
  uint32_t word = self | QRV_SYNC_WAITERS;  // a guess: unlocks come here when someone waits
  Waiters w;
  bool looked = false;
  for (;;) {
    if ((word & QRV_SYNC_WAITERS) != 0 && !looked) {
      w = waiters_on(cur->proc, addr, STATE_MUTEX);
      looked = true;
    }
    const bool sleepers = (word & QRV_SYNC_WAITERS) != 0 && w.best != nullptr;
    const MutexUnlockStep step =
        mutex_unlock_step(word, self, sleepers ? w.best->tid : 0, sleepers && w.count > 1);
    if (!step.owned) return -QRV_EPERM;
    uint32_t seen;
    if (!cas_user32(addr, word, step.next, &seen)) return -QRV_EFAULT;
    if (seen == word) {
      if (sleepers) sched_make_ready(w.best);
      return 0;
    }
    word = seen;  // changed since the guess or the last look: decide again
  }
}
}  // namespace

int64_t sync_mutex_lock(uint64_t addr) {
  if (!valid(addr)) return -QRV_EINVAL;
  tThread* cur = sched_current();
  bool woken = false;
  // A guess of "free" makes the first swap also the first read. After a wake
  // the guess is "free" again, so ownership is only ever judged on a word seen.
  uint32_t word = 0;
  for (;;) {
    // Who sleeps matters only to a taker of a free word that says WAITERS.
    const bool others = word == QRV_SYNC_WAITERS && waiters_on(cur->proc, addr, STATE_MUTEX).count != 0;
    const MutexLockStep step = mutex_lock_step(word, cur->tid, others);
    if (step.action == MutexLockAction::kOwned) return woken ? 0 : -QRV_EDEADLK;  // woken: handed over
    // A deadline already past fails before the word says WAITERS.
    if (step.action == MutexLockAction::kWait && timeout_expired(cur, STATE_MUTEX)) return -QRV_ETIMEDOUT;
    uint32_t seen;
    if (!cas_user32(addr, word, step.next, &seen)) return -QRV_EFAULT;
    if (seen != word) {
      word = seen;
      continue;
    }
    if (step.action == MutexLockAction::kTake) return 0;
    // WAITERS is set and the BKL held, so the owner's unlock must come to the
    // kernel, and cannot get here before this thread sleeps: no lost wake-up.
    // A timeout leaves WAITERS set: the owner's unlock then finds nobody
    // asleep and frees the word.
    const int64_t ended = wait_on(cur, addr, STATE_MUTEX);
    if (ended != 0) return ended;
    woken = true;
    word = 0;
  }
}

int64_t sync_mutex_unlock(uint64_t addr) {
  if (!valid(addr)) return -QRV_EINVAL;
  return release(sched_current(), addr);
}

int64_t sync_condvar_wait(uint64_t cond, uint64_t mutex) {
  if (!valid(cond) || !valid(mutex)) return -QRV_EINVAL;
  tThread* cur = sched_current();
  if (!probe(cond)) return -QRV_EFAULT;
  const int64_t r = release(cur, mutex);
  if (r != 0) return r;
  // Releasing and sleeping are one step under the BKL: a signal sent after
  // another thread takes the mutex (in user space) finds this waiter. A
  // deadline already past or a signal on its way in end the wait at once.
  int64_t status;
  if (timeout_expired(cur, STATE_CONDVAR)) {
    status = -QRV_ETIMEDOUT;
  } else if (signal_interrupts(cur)) {
    status = -QRV_EINTR;
  } else {
    status = wait_on(cur, cond, STATE_CONDVAR);
  }
  // Whatever ended the wait, the caller gets the mutex back before the call
  // returns (POSIX), however long that takes: the timeout is spent.
  timeout_clear(cur);
  const int64_t relocked = sync_mutex_lock(mutex);
  return relocked != 0 ? relocked : status;
}

int64_t sync_condvar_signal(uint64_t cond, bool all) {
  if (!valid(cond)) return -QRV_EINVAL;
  tThread* cur = sched_current();
  if (!probe(cond)) return -QRV_EFAULT;
  while (tThread* t = waiters_on(cur->proc, cond, STATE_CONDVAR).best) {
    t->wait_addr = 0;
    sched_make_ready(t);
    if (!all) break;
  }
  return 0;
}
