// Waiting for signals: SignalSuspend (sigsuspend) and SignalWaitinfo
// (sigwait, sigwaitinfo, sigtimedwait with a TimerTimeout). A waiter for a
// signal is woken by its sender (signal.cc) with status 0 and looks again;
// any other signal it may take ends the wait with EINTR (thread_unblock).
#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/lib/bit_ops.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/signal.h"
#include "kernel/proc/timeout.h"

namespace {
constexpr uint64_t kUnwaitable = (uint64_t{1} << (QRV_SIGKILL - 1)) | (uint64_t{1} << (QRV_SIGSTOP - 1));
}  // namespace

int64_t ker_signal_suspend(TrapFrame& f) {
  uint64_t set;
  if (!copy_from_user(&set, f.arg(0), sizeof set)) return -QRV_EFAULT;
  tThread* cur = sched_current();
  cur->sig.restore_mask = cur->sig.blocked;
  signal_set_blocked(cur, set);  // a signal it now lets in sets sig.check
  while (!signal_interrupts(cur) && !cur->proc->exiting) {
    cur->unblock_status = 0;
    cur->state_ = STATE_SIGSUSPEND;
    sched_block();
    thread_check_exiting();
  }
  // The handler's frame saves restore_mask (signal_deliver restores it if
  // no handler runs after all).
  cur->sig.restore = true;
  cur->sig.check = true;
  return -QRV_EINTR;
}

int64_t ker_signal_waitinfo(TrapFrame& f) {
  uint64_t set;
  if (!copy_from_user(&set, f.arg(0), sizeof set)) return -QRV_EFAULT;
  set &= ~kUnwaitable;
  const uint64_t user_info = f.arg(1);
  const qrv_siginfo none = {};
  // Checked before anything is taken: a report cannot be lost on a bad pointer.
  if (user_info != 0 && !copy_to_user(user_info, &none, sizeof none)) return -QRV_EFAULT;
  tThread* cur = sched_current();
  for (;;) {
    const uint64_t ready = (cur->sig.pending | cur->proc->sig.pending) & set;
    if (ready != 0) {
      const int signo = static_cast<int>(bit_ctz(ready)) + 1;
      const qrv_siginfo info = signal_take(cur, signo);
      if (user_info != 0 && !copy_to_user(user_info, &info, sizeof info)) return -QRV_EFAULT;
      return signo;
    }
    if (signal_interrupts(cur)) return -QRV_EINTR;
    if (timeout_expired(cur, STATE_SIGWAITINFO)) return -QRV_ETIMEDOUT;
    cur->sig.waiting = set;
    cur->unblock_status = 0;
    cur->state_ = STATE_SIGWAITINFO;
    timeout_start(cur);
    sched_block();
    timeout_stop(cur);
    cur->sig.waiting = 0;
    thread_check_exiting();
    if (cur->unblock_status != 0) return cur->unblock_status;  // -EINTR or -ETIMEDOUT
  }
}
