// Job control's kernel half (process.h): a stop signal's default action
// stops a process's threads at their next return to user mode, SIGCONT
// readies them again; each change is noticed to taskman, whose half (the
// waits, SIGCHLD) is in taskman/server.cc.
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {
bool stoppable(const tProcess* proc) { return !proc->exiting && (proc->flags & QRV_FLG_PROC_TM_PRIV) == 0; }
}  // namespace

void process_stop(tProcess* proc, int signo) {
  if (!stoppable(proc) || proc->stopped) return;
  proc->stopped = true;
  proc->stop_signal = static_cast<uint8_t>(signo);
  proc->stops++;
  for (tThread* t : proc->threads) {
    if (t == nullptr || t->exited) continue;
    t->sig.check = true;  // it looks at its next return to user mode
    if (t->state_ == STATE_RUNNING) sched_kick_thread(t);  // another hart's: the IPI brings it there
  }
  process_notice_jobctl(proc);
}

void process_continue(tProcess* proc) {
  if (!proc->stopped || proc->exiting) return;
  proc->stopped = false;
  proc->continues++;
  for (tThread* t : proc->threads) {
    if (t != nullptr && !t->exited && t->state_ == STATE_STOPPED) sched_make_ready(t);
  }
  process_notice_jobctl(proc);
}

void process_stop_point() {
  tThread* cur = sched_current();
  while (cur->proc->stopped && !cur->proc->exiting) {
    cur->state_ = STATE_STOPPED;
    sched_block();  // process_continue readies it; a kill reaps it here
  }
  thread_check_exiting();
}
