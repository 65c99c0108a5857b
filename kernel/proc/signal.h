// POSIX signals: sending (SignalKill, timer and event expiries), per-process
// dispositions (SignalAction), per-thread blocked sets (SignalProcmask), and
// delivery on the way back to user mode through the process's sigstub, which
// ends with SignalReturn. All with the big kernel lock held.
#pragma once

#include <cstdint>

#include "kernel/abi/types.h"
#include "kernel/arch/riscv/trap_frame.h"
#include "kernel/proc/thread.h"

// Sends info.signo (0 only checks), with its report, to proc as a whole. SIGKILL, and a signal whose
// action is to terminate, ends the process at once (the caller too, without
// returning, if it belongs to proc) unless every thread blocks the signal;
// ignored signals are dropped; a handled one is made pending and one thread
// that does not block it is made to take it: if that thread is blocked in an
// interruptible call, the call ends with EINTR. A thread waiting for it in
// SignalWaitinfo takes it first (even one ignored by default). A realtime
// signal finding QRV_SIGQUEUE_MAX queued answers -EAGAIN. Returns 0 or
// -errno.
int64_t signal_send(tProcess* proc, const qrv_siginfo& info);

// The same for one thread, which alone may take it.
int64_t signal_send_thread(tThread* t, const qrv_siginfo& info);

// The report of a signal the current thread sends: code, value, its pid.
qrv_siginfo signal_report(int signo, int32_t code, uint64_t value);

// Takes one pending instance of signo from t (its own first, else its
// process's) and returns its report.
qrv_siginfo signal_take(tThread* t, int signo);

// Sets t's blocked set (never SIGKILL or SIGSTOP), moving or waking as
// SignalProcmask does.
void signal_set_blocked(tThread* t, uint64_t mask);

// t's blocking call ends with EINTR for a signal and could start again with
// the same arguments (a0 is its first): if the handler has SA_RESTART, the
// return to user mode runs it again (not with a TimerTimeout set).
void signal_mark_restartable(tThread* t, uint64_t a0);

// The current thread's restartable call ends now, before it blocks: -EINTR.
int64_t signal_eintr(tThread* cur);

// The calling thread is exiting: signals sent to its process that it was to
// take go to another thread.
void signal_thread_exit(tThread* t);

// True if the current thread has a signal to take: a kernel call about to
// block for a long time returns EINTR instead.
inline bool signal_interrupts(const tThread* t) {  // inline: on every blocking path
  return t->sig.check && ((t->sig.pending | t->proc->sig.pending) & ~t->sig.blocked) != 0;
}

// The end of every return to user mode, when the current thread's sig.check
// is set: takes its deliverable signals. A handled one saves the interrupted
// user context (a qrv_sigcontext) below the user sp and redirects `frame` to
// the process's sigstub; a bad user stack ends the process with SIGSEGV.
void signal_deliver(TrapFrame* frame);

// Kernel calls:
// SignalKill(nd, pid, tid, signo, code, value): nd 0; pid 0 is the caller's
// process; tid 0 the whole process, else one of its threads; code
// QRV_SI_USER or QRV_SI_QUEUE, and the value, go in the report.
int64_t ker_signal_kill(TrapFrame& f);
// SignalAction(pid, sigstub, signo, const qrv_sigaction* act, qrv_sigaction* oact).
int64_t ker_signal_action(TrapFrame& f);
// SignalProcmask(pid, tid, how, const uint64_t* set, uint64_t* oldset).
int64_t ker_signal_procmask(TrapFrame& f);
// how QRV_SIG_PENDING: *oldset gets the blocked signals pending for tid.
// SignalAltstack(const qrv_stack* ss, qrv_stack* oss): the calling thread's
// alternate stack for SA_ONSTACK handlers (sigaltstack). *oss gets the old
// one (SS_ONSTACK if the caller runs on it, SS_DISABLE if none); ss sets a
// new one: -EPERM while on the old, -ENOMEM below QRV_MINSIGSTKSZ, -EINVAL
// for unknown flags or a stack outside the user half.
int64_t ker_signal_altstack(TrapFrame& f);
// SignalReturn(const qrv_sigcontext* context): resumes the context a handler
// interrupted; "returns" the context's a0.
int64_t ker_signal_return(TrapFrame& f);
// SignalSuspend(const uint64_t* set): blocks set instead of the thread's mask
// until a signal's handler is to run; -EINTR, and the old mask is back when
// the handler returns (sigwait.cc).
int64_t ker_signal_suspend(TrapFrame& f);
// SignalWaitinfo(const uint64_t* set, qrv_siginfo* info): takes a signal of
// set that is pending (the lowest), or waits for one: its number, and its
// report in *info if given. -EINTR for a handled signal outside set,
// -ETIMEDOUT past a TimerTimeout (QRV_NTO_TIMEOUT_SIGWAITINFO).
int64_t ker_signal_waitinfo(TrapFrame& f);
