// Kernel objects for execution: tProcess (the kernel-owned part of a process:
// address space, threads, flags) and tThread (a schedulable thread: its
// SchedEntity, kernel stack, saved kernel context and user frame). Outside
// //kernel they are opaque: the bodies compile only with KERNEL_INTERNAL,
// which kernel_library() defines.
#pragma once

#include <cstdint>

struct tProcess;
struct tThread;

#if defined(KERNEL_INTERNAL)
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/fpu.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/ipc/ipc_state.h"
#include "kernel/mm/aspace.h"
#include "kernel/mm/kstack.h"
#include "kernel/proc/signal_state.h"
#include "kernel/sched/sched_entity.h"
#include "kernel/sched/timer_queue.h"

struct tThread;
struct tProcess;
struct Pulse;

// Entries of the kernel's timer queue: `kind` tells the expiry which one it
// holds: a sleeping thread, a
// process timer (TimerCreate), or a thread's kernel timeout (TimerTimeout).
enum class KTimerKind : uint8_t { kSleep, kProcess, kTimeout };

struct KTimer : TimerNode {
  KTimerKind kind = KTimerKind::kSleep;
};

struct SleepTimer : KTimer {
  tThread* thread = nullptr;
};

// TimerTimeout: the states it covers (QRV_NTO_TIMEOUT_* bits), its deadline,
// and the timer armed while the thread blocks in one of them.
struct ThreadTimeout {
  uint32_t flags = 0;
  bool fired = false;  // expired while the thread was in a state not covered
  uint64_t deadline = 0;
  SleepTimer timer;    // kind kTimeout
};

inline constexpr uint32_t kMaxTimersPerProcess = 16;

// A TimerCreate timer and the event its expiry sends.
struct ProcTimer : KTimer {
  tProcess* proc = nullptr;
  bool used = false;
  qrv_sigevent event = {};
  uint64_t overruns = 0;
};

inline constexpr uint32_t kMaxThreadsPerProcess = 128;

// Process flags (seed names).
inline constexpr uint32_t QRV_FLG_PROC_TM_PRIV = 1u << 0;   // may call syscall_tm_priv
inline constexpr uint32_t QRV_FLG_PROC_LOADING = 1u << 1;   // its loader still runs
inline constexpr uint32_t QRV_FLG_PROC_NOZOMBIE = 1u << 2;  // no zombie for waitpid
inline constexpr uint32_t QRV_FLG_PROC_IO_PRIV = 1u << 3;   // interrupts, device memory (__KER_TM_PROC_IO_PRIV)

struct tThread : SchedEntity, MsgQueueEntry, ListNode<ServingTag> {
  uint32_t tid = 0;            // 1.. within its process; 0 for idle threads
  tProcess* proc = nullptr;    // nullptr for idle threads
  KernelStack kstack = {};
  KContext ctx = {};           // saved while not running
  TrapFrame* frame = nullptr;  // user registers, at the top of kstack
  uint64_t exit_value = 0;     // ThreadDestroy's status, for ThreadJoin
  bool exited = false;         // DEAD, waiting to be joined
  bool joined = false;         // its value was collected; thread_reap frees it
  tThread* joiner = nullptr;   // the thread blocked in ThreadJoin on this one
  tThread* join_target = nullptr;  // while in STATE_JOIN: whom it waits for
  uint64_t* join_result = nullptr; // where the joined value goes (kernel copy)
  SleepTimer sleep;                // armed while in STATE_NANOSLEEP
  uint64_t wait_addr = 0;          // the sync word waited on (STATE_MUTEX/CONDVAR)
  uint64_t wait_seq = 0;           // arrival order among its waiters
  int64_t unblock_status = 0;      // JOIN/NANOSLEEP ended early: -ETIMEDOUT or -EINTR
  ThreadTimeout timeout;           // TimerTimeout for its next blocking call
  ThreadIpc ipc;                   // message passing (kernel/ipc)
  FpState fp;                      // its FP registers while another thread's are loaded
  const void* fp_cpu = nullptr;    // the hart whose registers got fp last (kernel/arch/riscv/fpu.h)
  ThreadSignals sig;               // blocked and pending signals (kernel/proc/signal.cc)
};

struct tProcess {
  tAddress* as = nullptr;
  const char* name = nullptr;  // name_buf for taskman's children
  uint32_t pid = 0;
  uint32_t flags = 0;
  tThread* threads[kMaxThreadsPerProcess] = {};  // by tid - 1
  uint32_t live_threads = 0;  // not yet DEAD
  bool exiting = false;       // ThreadDestroy(-1) or a fault: threads die on kernel entry
  bool finished = false;      // every thread gone and the address space destroyed
  int64_t exit_status = 0;
  int term_signal = 0;        // the signal that ended it, or 0
  bool faulted = false;
  uint64_t fault_cause = 0;
  uint64_t fault_addr = 0;
  ProcTimer timers[kMaxTimersPerProcess];  // by timer id
  ProcessIpc ipc;                          // channels and connections (kernel/ipc)
  ProcessSignals sig;                      // dispositions, pending signals (kernel/proc/signal.cc)
  // A child of taskman (PROC_CREATE): where its notices go, the notices
  // themselves (allocated with it, so they cannot be lost), its name.
  int32_t tm_chid = 0;         // taskman's channel; 0 for the kernel's own test programs
  Pulse* tm_loaded = nullptr;  // QRV_PULSE_CODE_PROCLOADED, until queued
  Pulse* tm_death = nullptr;   // QRV_PULSE_CODE_PROCDEATH, until queued
  Pulse* tm_jobctl = nullptr;  // QRV_PULSE_CODE_PROCJOBCTL, until queued (PROC_QUERY re-arms it)
  bool jobctl_queued = false;  // one is on taskman's queue: later changes coalesce into it
  int32_t load_error = 0;      // LOADER_DONE's errno
  // Job control: a stop signal's default action stops every thread at its
  // next return to user mode (signal_deliver) until a SIGCONT.
  bool stopped = false;
  uint8_t stop_signal = 0;
  uint8_t stops = 0;  // counters for taskman (mod 256)
  uint8_t continues = 0;
  // Its process group is orphaned (taskman says, PROC_SET_SESSION): the
  // terminal stop signals' default action does not stop it (POSIX 2.4.3).
  bool orphaned_pgrp = false;
  char name_buf[32] = {};
};
#endif  // KERNEL_INTERNAL
