// Signals (see signal.h). A process-directed signal is pending in
// tProcess::sig until a thread that does not block it takes it; the sender
// picks that thread and sets its sig.check, and delivery happens when the
// thread next returns to user mode. Invariant: a deliverable signal always
// has at least one thread whose sig.check is set. A thread picked while in
// the kernel on its way into a wait checks first in ClockNanosleep and
// ThreadJoin (EINTR at once); in MsgSendv/MsgReceivev it takes the signal
// when that wait ends. Each pending instance's report is in the process's
// SigQueue; a thread in SignalWaitinfo for a signal takes it before anyone.
#include "kernel/proc/signal.h"

#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/console/console.h"
#include "kernel/lib/bit_ops.h"
#include "kernel/mm/addr.h"
#include "kernel/mm/aspace.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/unblock.h"

namespace {
constexpr uint64_t bit(int signo) { return uint64_t{1} << (signo - 1); }

constexpr uint64_t kUnblockable = bit(QRV_SIGKILL) | bit(QRV_SIGSTOP);
// Every handler gets (signo, siginfo, context): SA_SIGINFO changes nothing
// here. SA_RESTART: signal_deliver starts a restartable call again.
constexpr uint64_t kKnownFlags = QRV_SA_NOCLDSTOP | QRV_SA_NOCLDWAIT | QRV_SA_SIGINFO | QRV_SA_ONSTACK |
                                 QRV_SA_RESTART | QRV_SA_NODEFER | QRV_SA_RESETHAND;
// Left untouched below the interrupted sp (leaf code may keep data there).
constexpr uint64_t kRedZone = 128;

enum class DefaultAction : uint8_t { kIgnore, kTerminate, kStop };

DefaultAction default_of(int signo) {
  switch (signo) {
    case QRV_SIGCHLD:
    case QRV_SIGCONT:
    case QRV_SIGURG:
    case QRV_SIGWINCH:
      return DefaultAction::kIgnore;
    case QRV_SIGSTOP:
    case QRV_SIGTSTP:
    case QRV_SIGTTIN:
    case QRV_SIGTTOU:
      return DefaultAction::kStop;
    default:
      return DefaultAction::kTerminate;
  }
}

bool is_handler(uint64_t h) { return h != QRV_SIG_DFL && h != QRV_SIG_IGN; }

// A user instruction address (C extension: 2-byte aligned).
bool is_user_code(uint64_t pc) { return pc >= kUserBase && pc < kUserTop && pc % 2 == 0; }

bool ignored(const SignalDisposition& d, int signo) {
  return d.handler == QRV_SIG_IGN || (d.handler == QRV_SIG_DFL && default_of(signo) == DefaultAction::kIgnore);
}

// How soon t would take a signal: running or ready threads just return to
// user mode; interruptible ones (a condition variable's waiters among them)
// must be woken with EINTR; threads waiting on a mutex only take it once
// their wait ends.
int readiness(const tThread* t) {
  switch (t->state_) {
    case STATE_RUNNING:
    case STATE_READY:
      return 0;
    case STATE_SEND:
    case STATE_RECEIVE:
    case STATE_REPLY:
    case STATE_JOIN:
    case STATE_NANOSLEEP:
    case STATE_CONDVAR:
    case STATE_SIGSUSPEND:
    case STATE_SIGWAITINFO:
      return 1;
    default:
      return 2;
  }
}

// The thread of proc (not `except`) that should take signo: the caller if it
// can, else the readiest thread that does not block it; nullptr if none.
tThread* pick_thread(tProcess* proc, int signo, const tThread* except) {
  tThread* cur = sched_current();
  if (cur->proc == proc && cur != except && (cur->sig.blocked & bit(signo)) == 0) return cur;
  tThread* best = nullptr;
  int best_rank = 3;
  for (tThread* t : proc->threads) {
    if (t == nullptr || t == except || t->exited || (t->sig.blocked & bit(signo)) != 0) continue;
    const int rank = readiness(t);
    if (rank < best_rank) {
      best = t;
      best_rank = rank;
    }
  }
  return best;
}

// t has a signal to take: make it reach a return to user mode soon.
void wake_for_signal(tThread* t) {
  t->sig.check = true;
  if (t == sched_current()) return;
  if (t->state_ == STATE_RUNNING) {
    sched_kick_thread(t);  // on another hart: the IPI brings it through user_trap
    return;
  }
  // Interruptible states end their call with EINTR; a REPLY-blocked client on
  // an UNBLOCK channel, or a thread on a mutex, takes it when its call ends.
  // A send not yet received, a receive and a join may start again.
  const auto state = static_cast<ThreadState>(t->state_);
  const uint64_t a0 = t->frame->x[10];  // the call has not returned: still its argument
  if (thread_unblock(t, -QRV_EINTR) && (state == STATE_SEND || state == STATE_RECEIVE || state == STATE_JOIN)) {
    signal_mark_restartable(t, a0);
  }
}

// Whether t is in SignalWaitinfo for signo.
bool waits_for(const tThread* t, int signo) {
  return t->state_ == STATE_SIGWAITINFO && (t->sig.waiting & bit(signo)) != 0;
}

// The thread of proc in SignalWaitinfo for signo, if any.
tThread* find_waiter(tProcess* proc, int signo) {
  for (tThread* t : proc->threads) {
    if (t != nullptr && waits_for(t, signo)) return t;
  }
  return nullptr;
}

// Sets t's blocked set. Process-directed signals t has just blocked go to
// another thread; pending ones it has just unblocked make it look.
void set_blocked(tThread* t, uint64_t mask) {
  mask &= ~kUnblockable;
  const uint64_t newly_blocked = mask & ~t->sig.blocked;
  t->sig.blocked = mask;
  tProcess* proc = t->proc;
  for (uint64_t moving = proc->sig.pending & newly_blocked; moving != 0; moving &= moving - 1) {
    if (tThread* other = pick_thread(proc, static_cast<int>(bit_ctz(moving)) + 1, t)) wake_for_signal(other);
  }
  if (((t->sig.pending | proc->sig.pending) & ~mask) != 0) wake_for_signal(t);
}

// Drops signo wherever it is pending in proc (it is now ignored).
void discard_pending(tProcess* proc, int signo) {
  sigqueue_drop(proc->sig.queue, signo);
  proc->sig.pending &= ~bit(signo);
  for (tThread* t : proc->threads) {
    if (t != nullptr) t->sig.pending &= ~bit(signo);
  }
}

constexpr uint64_t kStopSignals = bit(QRV_SIGSTOP) | bit(QRV_SIGTSTP) | bit(QRV_SIGTTIN) | bit(QRV_SIGTTOU);

// What every signal does at generation (POSIX 2.4.1): SIGKILL ends the
// process; SIGCONT continues it, whatever its disposition, and drops the
// pending stop signals; a stop signal drops a pending SIGCONT. Then 0 for
// an ignored signal (nothing more to do) unless `waited` (a thread waits for
// it in SignalWaitinfo), 1 if it must be queued.
int64_t screen(tProcess* proc, int signo, bool waited) {
  if (signo == 0 || proc->exiting) return 0;
  if (signo == QRV_SIGKILL) {
    process_terminate(proc, signo);
    return 0;
  }
  if (signo == QRV_SIGCONT) {
    for (uint64_t s = kStopSignals; s != 0; s &= s - 1) discard_pending(proc, static_cast<int>(bit_ctz(s)) + 1);
    process_continue(proc);
  } else if ((kStopSignals & bit(signo)) != 0) {
    discard_pending(proc, QRV_SIGCONT);
  }
  return ignored(proc->sig.actions[signo - 1], signo) && !waited ? 0 : 1;
}

// A signal whose default action is taken now: stop or end the process. A
// terminal stop signal does not stop an orphaned group's member, which
// nobody would continue (POSIX 2.4.3; Linux drops it the same way).
void take_default(tProcess* proc, int signo) {
  if (default_of(signo) == DefaultAction::kStop) {
    if (signo != QRV_SIGSTOP && proc->orphaned_pgrp) return;
    process_stop(proc, signo);
  } else {
    process_terminate(proc, signo);
  }
}

// Whether sp is on t's alternate stack (a full descending stack: its top
// address is on it, its lowest is not).
bool on_alt_stack(const ThreadSignals& s, uint64_t sp) {
  return s.alt_size != 0 && sp > s.alt_sp && sp - s.alt_sp <= s.alt_size;
}

// The alternate stack as a qrv_stack, with SS_ONSTACK if sp is on it.
qrv_stack alt_stack_of(const ThreadSignals& s, uint64_t sp) {
  const int32_t flags = s.alt_size == 0 ? QRV_SS_DISABLE : on_alt_stack(s, sp) ? QRV_SS_ONSTACK : 0;
  return qrv_stack{s.alt_sp, s.alt_size, flags, 0};
}

// Saves the interrupted context and the signal's report below the user sp
// (at the top of the alternate stack for an SA_ONSTACK handler not already
// on it) and enters the sigstub.
bool push_frame(tThread* cur, TrapFrame* f, const qrv_siginfo& info, SignalDisposition& d) {
  const int signo = info.signo;
  qrv_sigcontext ctx = {};
  ctx.regs[0] = f->sepc;
  for (int i = 1; i < 32; ++i) ctx.regs[i] = f->x[i];
  ctx.mask = cur->sig.restore ? cur->sig.restore_mask : cur->sig.blocked;  // after SignalSuspend: the old mask
  cur->sig.restore = false;
  ctx.signo = signo;
  const uint64_t sp = f->x[2];
  ctx.stack = alt_stack_of(cur->sig, sp);
  uint64_t top = sp;
  uint64_t low = kUserBase;
  uint64_t red_zone = kRedZone;
  if ((d.flags & QRV_SA_ONSTACK) != 0 && ctx.stack.flags == 0) {  // an alternate stack, not on it yet
    top = cur->sig.alt_sp + cur->sig.alt_size;
    low = cur->sig.alt_sp;
    red_zone = 0;
  }
  constexpr uint64_t kFrame = sizeof ctx + sizeof info;
  if (top > kUserTop || top < low + red_zone + kFrame) return false;
  const uint64_t at = align_down(top - red_zone - kFrame, 16);
  if (!copy_to_user(at, &ctx, sizeof ctx) || !copy_to_user(at + sizeof ctx, &info, sizeof info)) return false;
  f->x[1] = 0;  // ra: the stub never returns
  f->x[2] = at;
  f->x[10] = static_cast<uint64_t>(signo);
  f->x[11] = at + sizeof ctx;
  f->x[12] = at;
  f->x[13] = d.handler;
  f->sepc = cur->proc->sig.stub;
  uint64_t blocked = cur->sig.blocked | d.mask;
  if ((d.flags & QRV_SA_NODEFER) == 0) blocked |= bit(signo);
  if ((d.flags & QRV_SA_RESETHAND) != 0) d = SignalDisposition{};
  set_blocked(cur, blocked);
  return true;
}

// The interrupted call (its frame's a0 is -EINTR) is made to run again.
void restart_call(tThread* cur, TrapFrame* f) {
  f->x[10] = cur->sig.restart_a0;
  f->sepc -= 4;  // back onto the ecall (there is no compressed ecall)
}

// pid 0 or the caller's own: the caller's process, else nullptr.
tProcess* own_process(uint64_t pid) {
  tProcess* proc = sched_current()->proc;
  return pid == 0 || pid == proc->pid ? proc : nullptr;
}

}  // namespace

int64_t signal_send(tProcess* proc, const qrv_siginfo& info) {
  const int signo = info.signo;
  tThread* waiter = signo >= 1 && signo <= QRV_SIGMAX ? find_waiter(proc, signo) : nullptr;
  const int64_t r = screen(proc, signo, waiter != nullptr);
  if (r <= 0) return r;
  tThread* t = waiter != nullptr ? nullptr : pick_thread(proc, signo, nullptr);
  if (t != nullptr && proc->sig.actions[signo - 1].handler == QRV_SIG_DFL) {
    take_default(proc, signo);
    return 0;
  }
  const int64_t q = sigqueue_add(proc->sig.queue, 0, info, (proc->sig.pending & bit(signo)) != 0);
  if (q < 0) return q;
  proc->sig.pending |= bit(signo);  // with no taker, until a thread unblocks it
  if (waiter != nullptr) {
    (void)thread_unblock(waiter, 0);  // it looks again, and takes it
  } else if (t != nullptr) {
    wake_for_signal(t);
  }
  return 0;
}

int64_t signal_send_thread(tThread* t, const qrv_siginfo& info) {
  tProcess* proc = t->proc;
  const int signo = info.signo;
  const bool waited = signo >= 1 && signo <= QRV_SIGMAX && waits_for(t, signo);
  const int64_t r = screen(proc, signo, waited);
  if (r <= 0) return r;
  const bool blocked = (t->sig.blocked & bit(signo)) != 0;
  if (!waited && !blocked && proc->sig.actions[signo - 1].handler == QRV_SIG_DFL) {
    take_default(proc, signo);
    return 0;
  }
  const int64_t q = sigqueue_add(proc->sig.queue, t->tid, info, (t->sig.pending & bit(signo)) != 0);
  if (q < 0) return q;
  t->sig.pending |= bit(signo);
  if (waited) {
    (void)thread_unblock(t, 0);
  } else if (!blocked) {
    wake_for_signal(t);
  }
  return 0;
}

qrv_siginfo signal_report(int signo, int32_t code, uint64_t value) {
  qrv_siginfo info = {};
  info.signo = signo;
  info.code = code;
  tThread* cur = sched_current();
  info.pid = cur->proc != nullptr ? static_cast<int32_t>(cur->proc->pid) : 0;
  info.value.sival_ptr = reinterpret_cast<void*>(static_cast<uintptr_t>(value));
  return info;
}

qrv_siginfo signal_take(tThread* t, int signo) {
  tProcess* proc = t->proc;
  qrv_siginfo info;
  if ((t->sig.pending & bit(signo)) != 0) {
    if (!sigqueue_take(proc->sig.queue, t->tid, signo, &info)) t->sig.pending &= ~bit(signo);
  } else {
    if (!sigqueue_take(proc->sig.queue, 0, signo, &info)) proc->sig.pending &= ~bit(signo);
  }
  return info;
}

void signal_set_blocked(tThread* t, uint64_t mask) { set_blocked(t, mask); }

void signal_mark_restartable(tThread* t, uint64_t a0) {
  // A call with a TimerTimeout would start again without it: EINTR instead.
  t->sig.restart = t->timeout.flags == 0;
  t->sig.restart_a0 = a0;
  t->sig.check = true;  // signal_deliver decides at this call's return, and clears it
}

int64_t signal_eintr(tThread* cur) {
  signal_mark_restartable(cur, cur->frame->x[10]);
  return -QRV_EINTR;
}

void signal_thread_exit(tThread* t) {
  tProcess* proc = t->proc;
  sigqueue_drop_thread(proc->sig.queue, t->tid);  // its tid may come back
  if (proc->exiting) return;
  for (uint64_t left = proc->sig.pending; left != 0; left &= left - 1) {
    if (tThread* other = pick_thread(proc, static_cast<int>(bit_ctz(left)) + 1, t)) wake_for_signal(other);
  }
}

void signal_deliver(TrapFrame* frame) {
  tThread* cur = sched_current();
  tProcess* proc = cur->proc;
  cur->sig.check = false;
  // A restartable call that a signal ended starts again unless the first
  // handler run for it lacks SA_RESTART (POSIX 2.4.3); nor if none runs.
  bool restart = cur->sig.restart && frame->x[10] == static_cast<uint64_t>(-QRV_EINTR);
  cur->sig.restart = false;
  process_stop_point();
  while (!proc->exiting) {
    const uint64_t ready = (cur->sig.pending | proc->sig.pending) & ~cur->sig.blocked;
    if (ready == 0) break;
    const int signo = static_cast<int>(bit_ctz(ready)) + 1;
    const qrv_siginfo info = signal_take(cur, signo);
    SignalDisposition& d = proc->sig.actions[signo - 1];
    if (!is_handler(d.handler)) {  // its handler went while it was blocked, or it was blocked
      if (d.handler == QRV_SIG_DFL && default_of(signo) != DefaultAction::kIgnore) {
        take_default(proc, signo);  // terminate: does not return
        process_stop_point();
      }
      continue;
    }
    if (restart) {
      if ((d.flags & QRV_SA_RESTART) != 0) restart_call(cur, frame);
      restart = false;  // the context this handler saves decides
    }
    // Each further signal nests: its frame saves the previous one's entry.
    if (!push_frame(cur, frame, info, d)) {
      kprintf("user: %s (pid %u, tid %u) killed: bad stack for signal %d at sp 0x%lx\n", proc->name, proc->pid,
              cur->tid, signo, frame->x[2]);
      process_terminate(proc, QRV_SIGSEGV);
    }
  }
  if (restart) restart_call(cur, frame);
  if (cur->sig.restore) {  // SignalSuspend ended with no handler to run
    cur->sig.restore = false;
    set_blocked(cur, cur->sig.restore_mask);
  }
}

int64_t ker_signal_kill(TrapFrame& f) {
  if (f.arg(0) != 0) return -QRV_EINVAL;  // only the local node
  const int64_t signo = static_cast<int64_t>(f.arg(3));
  if (signo < 0 || signo > QRV_SIGMAX) return -QRV_EINVAL;
  const int64_t code = static_cast<int64_t>(f.arg(4));
  if (code != QRV_SI_USER && code != QRV_SI_QUEUE) return -QRV_EINVAL;  // the others are the kernel's
  const qrv_siginfo info = signal_report(static_cast<int>(signo), static_cast<int32_t>(code), f.arg(5));
  tThread* cur = sched_current();
  const int64_t pid = static_cast<int64_t>(f.arg(1));
  // pids are positive int32: a wider number must not alias one by narrowing.
  tProcess* target = pid == 0                      ? cur->proc
                     : pid > 0 && pid <= INT32_MAX ? process_find(static_cast<uint32_t>(pid))
                                                   : nullptr;
  if (target == nullptr) return -QRV_ESRCH;
  const int64_t tid = static_cast<int64_t>(f.arg(2));
  if (tid == 0) return signal_send(target, info);
  if (tid < 0 || tid > kMaxThreadsPerProcess) return -QRV_ESRCH;
  tThread* t = target->threads[tid - 1];
  if (t == nullptr || t->exited) return -QRV_ESRCH;
  return signal_send_thread(t, info);
}

int64_t ker_signal_action(TrapFrame& f) {
  tProcess* proc = own_process(f.arg(0));
  if (proc == nullptr) return -QRV_ESRCH;
  const uint64_t stub = f.arg(1);
  const int64_t signo = static_cast<int64_t>(f.arg(2));
  if (signo < 1 || signo > QRV_SIGMAX) return -QRV_EINVAL;
  const int sig = static_cast<int>(signo);
  qrv_sigaction act = {};
  if (f.arg(3) != 0) {
    if (!copy_from_user(&act, f.arg(3), sizeof act)) return -QRV_EFAULT;
    if (sig == QRV_SIGKILL || sig == QRV_SIGSTOP) return -QRV_EINVAL;
    if ((act.flags & ~kKnownFlags) != 0) return -QRV_EINVAL;
    if (is_handler(act.handler) && (!is_user_code(act.handler) || !is_user_code(stub))) return -QRV_EINVAL;
  }
  SignalDisposition& d = proc->sig.actions[sig - 1];
  if (f.arg(4) != 0) {
    const qrv_sigaction old = {d.handler, d.flags, d.mask};
    if (!copy_to_user(f.arg(4), &old, sizeof old)) return -QRV_EFAULT;
  }
  if (f.arg(3) != 0) {
    d = SignalDisposition{act.handler, act.flags, act.mask & ~kUnblockable};
    if (is_handler(act.handler)) proc->sig.stub = stub;
    if (ignored(d, sig)) discard_pending(proc, sig);
  }
  return 0;
}

int64_t ker_signal_procmask(TrapFrame& f) {
  tThread* cur = sched_current();
  if (own_process(f.arg(0)) == nullptr) return -QRV_ESRCH;
  const int64_t tid = static_cast<int64_t>(f.arg(1));
  tThread* t = cur;
  if (tid != 0) {
    if (tid < 0 || tid > kMaxThreadsPerProcess) return -QRV_ESRCH;
    t = cur->proc->threads[tid - 1];
    if (t == nullptr || t->exited) return -QRV_ESRCH;
  }
  const uint64_t old = t->sig.blocked;
  if (f.arg(2) == QRV_SIG_PENDING) {  // sigpending: the blocked ones pending for t or its process
    const uint64_t pending = (t->sig.pending | t->proc->sig.pending) & old;
    return f.arg(4) == 0 || copy_to_user(f.arg(4), &pending, sizeof pending) ? 0 : -QRV_EFAULT;
  }
  uint64_t next = old;
  if (f.arg(3) != 0) {
    uint64_t set;
    if (!copy_from_user(&set, f.arg(3), sizeof set)) return -QRV_EFAULT;
    switch (f.arg(2)) {
      case QRV_SIG_BLOCK: next = old | set; break;
      case QRV_SIG_UNBLOCK: next = old & ~set; break;
      case QRV_SIG_SETMASK: next = set; break;
      default: return -QRV_EINVAL;
    }
  }
  if (f.arg(4) != 0 && !copy_to_user(f.arg(4), &old, sizeof old)) return -QRV_EFAULT;
  if (next != old) set_blocked(t, next);
  return 0;
}

int64_t ker_signal_altstack(TrapFrame& f) {
  tThread* cur = sched_current();
  const qrv_stack old = alt_stack_of(cur->sig, f.x[2]);  // the caller's sp
  qrv_stack ss = {};
  if (f.arg(0) != 0) {  // read before *oss is written: they may be one
    if (!copy_from_user(&ss, f.arg(0), sizeof ss)) return -QRV_EFAULT;
    if (ss.reserved != 0 || (ss.flags & ~QRV_SS_DISABLE) != 0) return -QRV_EINVAL;
    if (old.flags == QRV_SS_ONSTACK) return -QRV_EPERM;  // POSIX: not while running on it
    if (ss.flags == 0) {
      if (ss.size < QRV_MINSIGSTKSZ) return -QRV_ENOMEM;
      if (ss.sp < kUserBase || ss.sp > kUserTop || ss.size > kUserTop - ss.sp) return -QRV_EINVAL;
    }
  }
  if (f.arg(1) != 0 && !copy_to_user(f.arg(1), &old, sizeof old)) return -QRV_EFAULT;
  if (f.arg(0) != 0) {
    cur->sig.alt_sp = ss.flags == 0 ? ss.sp : 0;
    cur->sig.alt_size = ss.flags == 0 ? ss.size : 0;
  }
  return 0;
}

int64_t ker_signal_return(TrapFrame& f) {
  qrv_sigcontext ctx;
  if (!copy_from_user(&ctx, f.arg(0), sizeof ctx)) return -QRV_EFAULT;
  if (ctx.reserved != 0 || ctx.signo < 1 || ctx.signo > QRV_SIGMAX || !is_user_code(ctx.regs[0])) {
    return -QRV_EINVAL;
  }
  for (int i = 1; i < 32; ++i) f.x[i] = ctx.regs[i];
  f.sepc = ctx.regs[0];
  // sstatus stays the kernel's: back to U-mode, interrupts on there.
  f.sstatus = (f.sstatus & ~csr::kSstatusSpp) | csr::kSstatusSpie;
  tThread* cur = sched_current();
  set_blocked(cur, ctx.mask);
  return static_cast<int64_t>(ctx.regs[10]);  // the dispatcher stores it in a0
}
