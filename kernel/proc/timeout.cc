// TimerTimeout (see timeout.h). The deadline is armed once per blocking
// call, whatever state it starts in; the expiry ends the call only if the
// thread is then in a covered state, and remembers it otherwise (a send
// whose timeout covers only REPLY ends when the server receives it).
#include "kernel/proc/timeout.h"

#include "kernel/abi/errno.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/unblock.h"

namespace {
constexpr uint32_t kCoverable = QRV_NTO_TIMEOUT_SEND | QRV_NTO_TIMEOUT_RECEIVE | QRV_NTO_TIMEOUT_REPLY |
                                QRV_NTO_TIMEOUT_MUTEX | QRV_NTO_TIMEOUT_CONDVAR | QRV_NTO_TIMEOUT_JOIN |
                                QRV_NTO_TIMEOUT_SIGWAITINFO;
// Each flag is the bit of the state it covers (covers() below).
static_assert(QRV_NTO_TIMEOUT_SEND == 1u << STATE_SEND && QRV_NTO_TIMEOUT_RECEIVE == 1u << STATE_RECEIVE &&
              QRV_NTO_TIMEOUT_REPLY == 1u << STATE_REPLY && QRV_NTO_TIMEOUT_MUTEX == 1u << STATE_MUTEX &&
              QRV_NTO_TIMEOUT_CONDVAR == 1u << STATE_CONDVAR && QRV_NTO_TIMEOUT_JOIN == 1u << STATE_JOIN &&
              QRV_NTO_TIMEOUT_SIGWAITINFO == 1u << STATE_SIGWAITINFO);

bool covers(const tThread* t, ThreadState s) { return (t->timeout.flags & (1u << s)) != 0; }
}  // namespace

int64_t timer_timeout(uint64_t clock, uint64_t flags, uint64_t user_event, uint64_t user_ntime,
                      uint64_t user_otime) {
  if (clock != QRV_CLOCK_REALTIME && clock != QRV_CLOCK_MONOTONIC) return -QRV_EINVAL;
  if ((flags & ~uint64_t{kCoverable | QRV_TIMER_ABSTIME}) != 0) return -QRV_EINVAL;
  if (user_event != 0) {
    qrv_sigevent ev;
    if (!copy_from_user(&ev, user_event, sizeof ev)) return -QRV_EFAULT;
    if (ev.sigev_notify != QRV_SIGEV_UNBLOCK) return -QRV_EINVAL;
  }
  const uint64_t now = clock_now_ns();
  uint64_t deadline = now;
  if (user_ntime != 0) {
    uint64_t ns;
    if (!copy_from_user(&ns, user_ntime, sizeof ns)) return -QRV_EFAULT;
    constexpr uint64_t kMaxDelay = uint64_t{1} << 62;  // keeps now + ns from wrapping
    if (ns > kMaxDelay) return -QRV_EINVAL;
    deadline = (flags & QRV_TIMER_ABSTIME) != 0 ? clock_deadline_of(clock, ns) : now + ns;
  }
  tThread* cur = sched_current();
  if (user_otime != 0) {
    const uint64_t left = cur->timeout.flags != 0 && cur->timeout.deadline > now ? cur->timeout.deadline - now : 0;
    if (!copy_to_user(user_otime, &left, sizeof left)) return -QRV_EFAULT;
  }
  const int64_t previous = cur->timeout.flags;
  cur->timeout.flags = static_cast<uint32_t>(flags & kCoverable);
  cur->timeout.deadline = deadline;
  return previous;
}

bool timeout_expired(const tThread* t, ThreadState state) {
  return covers(t, state) && t->timeout.deadline <= clock_now_ns();
}

void timeout_arm(tThread* t) {
  if (t->timeout.timer.armed()) return;
  t->timeout.fired = false;
  t->timeout.timer.kind = KTimerKind::kTimeout;
  t->timeout.timer.thread = t;
  (void)clock_arm(t->timeout.timer, t->timeout.deadline, 0);
}

void timeout_disarm(tThread* t) {
  if (t->timeout.timer.armed()) clock_disarm(t->timeout.timer);
  t->timeout.fired = false;
}

void timeout_fire(tThread* t) {
  if (covers(t, static_cast<ThreadState>(t->state_))) {
    (void)thread_unblock(t, -QRV_ETIMEDOUT);
  } else {
    t->timeout.fired = true;
  }
}

void timeout_recheck(tThread* t) {
  if (t->timeout.fired && covers(t, static_cast<ThreadState>(t->state_))) {
    t->timeout.fired = false;
    (void)thread_unblock(t, -QRV_ETIMEDOUT);
  }
}
