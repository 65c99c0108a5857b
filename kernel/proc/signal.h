// POSIX signals: sending (SignalKill, timer and event expiries), per-process
// dispositions (SignalAction), per-thread blocked sets (SignalProcmask), and
// delivery on the way back to user mode through the process's sigstub, which
// ends with SignalReturn. All with the big kernel lock held.
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/trap_frame.h"
#include "kernel/proc/thread.h"

// Sends signo (0 only checks) to proc as a whole. SIGKILL, and a signal whose
// action is to terminate, ends the process at once (the caller too, without
// returning, if it belongs to proc) unless every thread blocks the signal;
// ignored signals are dropped; a handled one is made pending and one thread
// that does not block it is made to take it: if that thread is blocked in an
// interruptible call, the call ends with EINTR. Stop signals left at their
// default answer -ENOTSUP (job control is taskman's). Returns 0 or -errno.
int64_t signal_send(tProcess* proc, int signo);

// The same for one thread, which alone may take it.
int64_t signal_send_thread(tThread* t, int signo);

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
// process; tid 0 the whole process, else one of its threads.
int64_t ker_signal_kill(TrapFrame& f);
// SignalAction(pid, sigstub, signo, const qrv_sigaction* act, qrv_sigaction* oact).
int64_t ker_signal_action(TrapFrame& f);
// SignalProcmask(pid, tid, how, const uint64_t* set, uint64_t* oldset).
int64_t ker_signal_procmask(TrapFrame& f);
// SignalReturn(const qrv_sigcontext* context): resumes the context a handler
// interrupted; "returns" the context's a0.
int64_t ker_signal_return(TrapFrame& f);
