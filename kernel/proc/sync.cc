// Mutexes and condition variables over a user word (see sync.h).
#include "kernel/proc/sync.h"

#include "kernel/abi/errno.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {
uint64_t g_wait_seq = 0;  // arrival order of waiters (BKL)

bool valid(uint64_t addr) { return addr % alignof(qrv_sync_t) == 0; }

bool read_word(uint64_t addr, int32_t* v) { return copy_from_user(v, addr, sizeof *v); }
bool write_word(uint64_t addr, int32_t v) { return copy_to_user(addr, &v, sizeof v); }

// The waiter to wake on `addr` in `state`: highest priority, then earliest.
tThread* best_waiter(tProcess* proc, uint64_t addr, ThreadState state) {
  tThread* best = nullptr;
  for (tThread* t : proc->threads) {
    if (t == nullptr || t->state_ != state || t->wait_addr != addr) continue;
    if (best == nullptr || t->priority_ > best->priority_ ||
        (t->priority_ == best->priority_ && t->wait_seq < best->wait_seq)) {
      best = t;
    }
  }
  return best;
}

void wait_on(tThread* cur, uint64_t addr, ThreadState state) {
  cur->wait_addr = addr;
  cur->wait_seq = ++g_wait_seq;
  cur->state_ = state;
  sched_block();
  cur->wait_addr = 0;
  thread_check_exiting();
}

// Releases a mutex the caller owns: the next waiter, if any, becomes owner.
int64_t release(tThread* cur, uint64_t addr) {
  int32_t owner;
  if (!read_word(addr, &owner)) return -QRV_EFAULT;
  if (owner != static_cast<int32_t>(cur->tid)) return -QRV_EPERM;
  tThread* next = best_waiter(cur->proc, addr, STATE_MUTEX);
  if (!write_word(addr, next != nullptr ? static_cast<int32_t>(next->tid) : 0)) return -QRV_EFAULT;
  if (next != nullptr) sched_make_ready(next);
  return 0;
}
}  // namespace

int64_t sync_mutex_lock(uint64_t addr) {
  if (!valid(addr)) return -QRV_EINVAL;
  tThread* cur = sched_current();
  const auto self = static_cast<int32_t>(cur->tid);
  int32_t owner;
  if (!read_word(addr, &owner)) return -QRV_EFAULT;
  if (owner == self) return -QRV_EDEADLK;
  for (;;) {
    if (owner == 0) return write_word(addr, self) ? 0 : -QRV_EFAULT;
    wait_on(cur, addr, STATE_MUTEX);
    if (!read_word(addr, &owner)) return -QRV_EFAULT;
    if (owner == self) return 0;  // handed over by the unlock that woke us
  }
}

int64_t sync_mutex_unlock(uint64_t addr) {
  if (!valid(addr)) return -QRV_EINVAL;
  return release(sched_current(), addr);
}

int64_t sync_condvar_wait(uint64_t cond, uint64_t mutex) {
  if (!valid(cond) || !valid(mutex)) return -QRV_EINVAL;
  tThread* cur = sched_current();
  int32_t probe;
  if (!read_word(cond, &probe)) return -QRV_EFAULT;
  const int64_t r = release(cur, mutex);
  if (r != 0) return r;
  wait_on(cur, cond, STATE_CONDVAR);
  return sync_mutex_lock(mutex);
}

int64_t sync_condvar_signal(uint64_t cond, bool all) {
  if (!valid(cond)) return -QRV_EINVAL;
  tThread* cur = sched_current();
  int32_t probe;
  if (!read_word(cond, &probe)) return -QRV_EFAULT;
  while (tThread* t = best_waiter(cur->proc, cond, STATE_CONDVAR)) {
    t->wait_addr = 0;
    sched_make_ready(t);
    if (!all) break;
  }
  return 0;
}
