// Scheduling glue on the board: the global ready queue (big kernel lock),
// each hart's current and idle thread, and the switch between threads,
// including their address spaces. All of it runs with the BKL held.
#pragma once

#include "kernel/arch/riscv/percpu.h"
#include "kernel/proc/thread.h"

// Sets up this hart's idle thread (call on each hart before it schedules).
void sched_init_hart();

// Makes t runnable and wakes an idle hart to run it; with none idle, the
// hart running the lowest priority below t's (this one first) switches to it
// at its next return to user mode: a readied thread never waits for a tick
// behind a lower priority.
void sched_make_ready(tThread* t);

// Makes t runnable without waking another hart, for a waker that usually
// blocks soon after (a server replying, then receiving): this hart will run
// t when the waker blocks, or at its return to user if t outranks it. If the waker instead comes back to user mode a
// second time (or takes a tick) with t still waiting, an idle hart is woken
// then (sched_user_return, called with the BKL on every return to user).
void sched_make_ready_lazy(tThread* t);

// What is left to do on every return to user mode (BKL held): a preemption
// deferred from inside a kernel call (sched_inherit), and the lazy kick.
void sched_return_work();
inline void sched_user_return() {
  const Cpu* cpu = this_cpu();
  if (cpu->return_work != 0) sched_return_work();
}

// Makes every idle hart look at its ready queue and stop conditions (a
// process finished: its waiter may be idle on any hart).
void sched_kick_idle_harts();

// The calling thread gives the hart to the highest ready thread (itself
// again if nothing better is ready and it is still RUNNING). Returns when
// the caller runs again.
void sched_yield();

// The caller has left RUNNING (blocked or dead): switch to the next ready
// thread, or idle. Returns when the caller is made ready and runs again
// (never, for a dead thread).
void sched_block();

// The caller has left RUNNING and `next` (blocked, not queued) is to run
// instead: this hart switches to it straight away, unless a higher priority
// is ready (then next is queued). Returns when the caller runs again.
void sched_handoff(tThread* next);

// This hart's idle loop: runs ready threads until `stop()` (checked with the
// BKL held) is true, then returns holding nothing. Secondary harts pass a
// never-true predicate.
void sched_idle_until(bool (*stop)(void* ctx), void* ctx);

inline tThread* sched_current() { return this_cpu()->current; }

// A scheduler tick for the running user thread t: round-robin slicing, and
// preemption by a higher-priority ready thread.
void sched_tick(tThread* t);

// Changes t's priority (1..255) and policy: a queued thread moves as POSIX
// says; the caller gives way on its return to user mode if a higher
// priority is then ready.
void sched_set(tThread* t, uint8_t priority, SchedPolicy policy);

// Changes only t's running priority (message-passing priority inheritance);
// its own priority (SchedSet's) stays in t->ipc.real_priority. The caller
// gives way on its return to user mode if a higher priority is then ready:
// never in the middle of a kernel call, whose objects (a channel being
// destroyed, a thread's message copies) would change under it.
void sched_inherit(tThread* t, uint8_t priority);

// Takes a READY thread off the ready queue (it is being destroyed).
void sched_unready(tThread* t);

// Lazy FP state (kernel/arch/riscv/fpu.h). fpu_first_use handles a user
// trap: true if it was the thread's first FP instruction (FS Off), now
// enabled to run again. fpu_forget: t is going away; no hart may think it
// holds t's values.
bool fpu_first_use(TrapFrame* frame);
void fpu_forget(const tThread* t);

// Consistency (kernel/proc/kcheck.cc): every entity on the ready queue is a
// READY user thread on the list of its priority. nullptr, or what is broken.
const char* sched_check();

// Sends an IPI to the hart running t, so it enters the kernel soon.
void sched_kick_thread(tThread* t);
