// The kernel-call table: one slot per number of kernel/abi/kercalls.h, built
// from the same X-macro so the two cannot drift. Calls whose kernel side does
// not exist yet answer -ENOSYS. Every pointer argument goes through
// copy_from_user / copy_to_user: a bad one is -EFAULT, never a kernel fault.
#include <array>

#include "kernel/abi/errno.h"
#include "kernel/abi/kercalls.h"
#include "kernel/abi/signals.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/arch/riscv/trap.h"
#include "kernel/mm/aspace.h"
#include "kernel/console/console.h"
#include "kernel/init/bkl.h"
#include "kernel/ipc/ipc_calls.h"
#include "kernel/ipc/pulse.h"
#include "kernel/kext/ker_tm_priv.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/counts.h"
#include "kernel/proc/interrupt.h"
#include "kernel/proc/kcheck.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/signal.h"
#include "kernel/proc/sync.h"
#include "kernel/proc/timeout.h"

namespace {
using KerCallFn = int64_t (*)(TrapFrame& f);

// A table slot: the handler, and whether it touches shared kernel state (and
// so runs under the big kernel lock). Lock-free calls read only the caller's
// own registers and memory, or the clock.
struct KerCall {
  KerCallFn fn;
  bool locked;
};


int64_t ker_nosys(TrapFrame&) { return -QRV_ENOSYS; }

// A QRV_SCHED_* number as a policy; false for any other number.
bool policy_of(int64_t number, SchedPolicy* policy) {
  switch (number) {
    case QRV_SCHED_FIFO: *policy = SchedPolicy::kFifo; return true;
    case QRV_SCHED_RR: *policy = SchedPolicy::kRoundRobin; return true;
    case QRV_SCHED_OTHER: *policy = SchedPolicy::kOther; return true;
    default: return false;
  }
}

// DebugConsoleWrite(const char* s, size_t n): n bytes to the console.
int64_t ker_debug_console_write(TrapFrame& f) {
  uint64_t user = f.arg(0);
  const uint64_t n = f.arg(1);
  if (n > (1u << 20)) return -QRV_EINVAL;
  char buf[128];
  for (uint64_t done = 0; done < n;) {
    const uint64_t chunk = n - done < sizeof buf ? n - done : sizeof buf;
    if (!copy_from_user(buf, user + done, chunk)) return -QRV_EFAULT;
    console_write(buf, chunk);
    done += chunk;
  }
  return static_cast<int64_t>(n);
}

// ThreadCreate(pid, func, arg, const qrv_thread_attr*): a new thread in the
// caller's process (pid 0 or its own) on the stack the attributes give, with
// their policy; it starts at func (an instruction address: even) with a0 =
// arg and a1 = its tid.
int64_t ker_thread_create(TrapFrame& f) {
  tThread* cur = sched_current();
  const int64_t pid = static_cast<int64_t>(f.arg(0));
  if (pid != 0 && pid != cur->proc->pid) return -QRV_ESRCH;
  qrv_thread_attr attr;
  if (f.arg(3) == 0 || !copy_from_user(&attr, f.arg(3), sizeof attr)) return -QRV_EFAULT;
  const uint64_t top = attr.stack_base + attr.stack_size;
  if (attr.stack_size < 256 || top < attr.stack_base || attr.stack_base < kUserBase || top > kUserTop ||
      top % 16 != 0 || f.arg(1) < kUserBase || f.arg(1) >= kUserTop || f.arg(1) % 2 != 0) {
    return -QRV_EINVAL;
  }
  SchedPolicy policy;
  if (attr.priority < 0 || attr.priority > 255 || !policy_of(attr.policy, &policy) || attr.flags != 0 ||
      attr.reserved != 0) {
    return -QRV_EINVAL;
  }
  const uint8_t prio = attr.priority != 0 ? static_cast<uint8_t>(attr.priority) : cur->priority_;
  Result<tThread*> t = thread_create(cur->proc, f.arg(1), top, f.arg(2), prio);
  if (!t.ok()) return t.status() == Status::kBusy ? -QRV_EAGAIN : -QRV_ENOMEM;
  t.value()->policy_ = policy;  // queued by priority alone: safe to set now
  t.value()->sig.blocked = cur->sig.blocked;  // POSIX: a new thread inherits the mask
  return t.value()->tid;
}

// ThreadDestroy(tid, priority, status): tid -1 ends the whole process, 0 or
// the caller's own tid ends the caller. Destroying another thread is EINVAL.
int64_t ker_thread_destroy(TrapFrame& f) {
  const int64_t tid = static_cast<int64_t>(f.arg(0));
  if (tid == -1) process_exit(static_cast<int64_t>(f.arg(2)));
  if (tid == 0 || tid == sched_current()->tid) thread_exit(f.arg(2));
  return -QRV_EINVAL;
}

// ThreadJoin(tid, void** status): waits for the thread, stores its value.
// The status pointer is tried before the join, which consumes the thread.
int64_t ker_thread_join(TrapFrame& f) {
  uint64_t value = 0;
  const int64_t tid = static_cast<int64_t>(f.arg(0));
  if (tid <= 0 || tid > kMaxThreadsPerProcess) return -QRV_ESRCH;  // checked before narrowing
  if (f.arg(1) != 0 && !copy_to_user(f.arg(1), &value, sizeof value)) return -QRV_EFAULT;
  const int64_t r = thread_join(static_cast<uint32_t>(tid), &value);
  if (r == 0 && f.arg(1) != 0 && !copy_to_user(f.arg(1), &value, sizeof value)) return -QRV_EFAULT;
  return r;
}

// ClockTime(id, const uint64_t* new, uint64_t* old): reads the clock in ns.
int64_t ker_clock_time(TrapFrame& f) {
  const uint64_t id = f.arg(0);
  if (id != QRV_CLOCK_REALTIME && id != QRV_CLOCK_MONOTONIC) return -QRV_EINVAL;
  if (f.arg(1) != 0) return -QRV_EPERM;  // clock_settime goes through taskman (root only)
  const uint64_t ns = clock_read(id);
  if (f.arg(2) != 0 && !copy_to_user(f.arg(2), &ns, sizeof ns)) return -QRV_EFAULT;
  return 0;
}

// ClockNanosleep(clock, flags, const timespec* req, timespec* rem): sleeps
// for *req (relative; flags must be 0). A signal ends the sleep early with
// EINTR and *rem, if given, gets the time left; otherwise *rem is zero.
int64_t ker_clock_nanosleep(TrapFrame& f) {
  const uint64_t id = f.arg(0);
  if (id != QRV_CLOCK_REALTIME && id != QRV_CLOCK_MONOTONIC) return -QRV_EINVAL;
  if (f.arg(1) != 0) return -QRV_EINVAL;
  qrv_timespec req;
  if (!copy_from_user(&req, f.arg(2), sizeof req)) return -QRV_EFAULT;
  if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= 1'000'000'000) return -QRV_EINVAL;
  constexpr uint64_t kMaxSeconds = 1ull << 32;  // ~136 years: no overflow in ns below
  const uint64_t secs = static_cast<uint64_t>(req.tv_sec) < kMaxSeconds ? static_cast<uint64_t>(req.tv_sec)
                                                                         : kMaxSeconds;
  const uint64_t deadline = clock_now_ns() + secs * 1'000'000'000 + static_cast<uint64_t>(req.tv_nsec);
  tThread* cur = sched_current();
  if (signal_interrupts(cur)) {
    cur->unblock_status = -QRV_EINTR;  // a signal is on its way in: no sleep at all
  } else {
    clock_sleep_until(deadline);
  }
  thread_check_exiting();
  const bool interrupted = cur->unblock_status == -QRV_EINTR;
  if (f.arg(3) != 0) {
    const uint64_t now = clock_now_ns();
    const uint64_t left = interrupted && deadline > now ? deadline - now : 0;
    const qrv_timespec rem = {static_cast<int64_t>(left / 1'000'000'000), static_cast<int64_t>(left % 1'000'000'000)};
    if (!copy_to_user(f.arg(3), &rem, sizeof rem)) return -QRV_EFAULT;
  }
  return interrupted ? -QRV_EINTR : 0;
}

int64_t ker_sync_mutex_lock(TrapFrame& f) { return sync_mutex_lock(f.arg(0)); }
int64_t ker_sync_mutex_unlock(TrapFrame& f) { return sync_mutex_unlock(f.arg(0)); }
int64_t ker_sync_condvar_wait(TrapFrame& f) { return sync_condvar_wait(f.arg(0), f.arg(1)); }
int64_t ker_sync_condvar_signal(TrapFrame& f) { return sync_condvar_signal(f.arg(0), f.arg(1) != 0); }

// The thread a Sched* call names: pid 0 or the caller's, tid 0 = the caller.
tThread* sched_target(TrapFrame& f) {
  tThread* cur = sched_current();
  const int64_t pid = static_cast<int64_t>(f.arg(0));
  const int64_t tid = static_cast<int64_t>(f.arg(1));
  if (pid != 0 && pid != cur->proc->pid) return nullptr;
  if (tid == 0) return cur;
  if (tid < 0 || tid > kMaxThreadsPerProcess) return nullptr;
  tThread* t = cur->proc->threads[tid - 1];
  return t != nullptr && !t->exited ? t : nullptr;
}

int32_t policy_number(SchedPolicy p) {
  switch (p) {
    case SchedPolicy::kFifo: return QRV_SCHED_FIFO;
    case SchedPolicy::kRoundRobin: return QRV_SCHED_RR;
    case SchedPolicy::kOther: return QRV_SCHED_OTHER;
  }
  return QRV_SCHED_OTHER;
}

// SchedGet(pid, tid, sched_param*): the thread's policy, and its priority.
int64_t ker_sched_get(TrapFrame& f) {
  const tThread* t = sched_target(f);
  if (t == nullptr) return -QRV_ESRCH;
  if (f.arg(2) != 0) {
    const qrv_sched_param p = {t->priority_, 0};
    if (!copy_to_user(f.arg(2), &p, sizeof p)) return -QRV_EFAULT;
  }
  return policy_number(t->policy_);
}

// SchedSet(pid, tid, policy, const sched_param*): priority 1..255.
int64_t ker_sched_set(TrapFrame& f) {
  tThread* t = sched_target(f);
  if (t == nullptr) return -QRV_ESRCH;
  SchedPolicy policy;
  if (!policy_of(static_cast<int64_t>(f.arg(2)), &policy)) return -QRV_EINVAL;
  qrv_sched_param p;
  if (!copy_from_user(&p, f.arg(3), sizeof p)) return -QRV_EFAULT;
  if (p.sched_priority < 1 || p.sched_priority > 255) return -QRV_EINVAL;
  sched_set(t, static_cast<uint8_t>(p.sched_priority), policy);
  return 0;
}

// TimerCreate(clock, const sigevent*): a process timer whose expiry sends
// its event: a signal, a pulse on one of the process's connections, or
// nothing (SIGEV_NONE: overruns only).
int64_t ker_timer_create(TrapFrame& f) {
  const uint64_t id = f.arg(0);
  if (id != QRV_CLOCK_REALTIME && id != QRV_CLOCK_MONOTONIC) return -QRV_EINVAL;
  qrv_sigevent ev;
  if (!copy_from_user(&ev, f.arg(1), sizeof ev)) return -QRV_EFAULT;
  const int64_t bad = event_validate(ev, /*unblock_ok=*/false);
  if (bad != 0) return bad;
  tProcess* proc = sched_current()->proc;
  for (uint32_t i = 0; i < kMaxTimersPerProcess; ++i) {
    ProcTimer& t = proc->timers[i];
    if (t.used) continue;
    t.kind = KTimerKind::kProcess;
    t.proc = proc;
    t.used = true;
    t.event = ev;
    t.overruns = 0;
    return i;
  }
  return -QRV_EAGAIN;
}

ProcTimer* timer_of(TrapFrame& f) {
  const int64_t id = static_cast<int64_t>(f.arg(0));
  if (id < 0 || id >= kMaxTimersPerProcess) return nullptr;
  ProcTimer& t = sched_current()->proc->timers[id];
  return t.used ? &t : nullptr;
}

// TimerSettime(id, flags, const _itimer* new, _itimer* old): arms (nsec != 0,
// relative to now) or disarms (nsec == 0); *old gets what was left.
int64_t ker_timer_settime(TrapFrame& f) {
  ProcTimer* t = timer_of(f);
  if (t == nullptr) return -QRV_EINVAL;
  if (f.arg(1) != 0) return -QRV_EINVAL;
  _itimer next;
  if (!copy_from_user(&next, f.arg(2), sizeof next)) return -QRV_EFAULT;
  const uint64_t now = clock_now_ns();
  if (f.arg(3) != 0) {
    const _itimer old = {t->armed() && t->deadline() > now ? t->deadline() - now : 0, t->interval()};
    if (!copy_to_user(f.arg(3), &old, sizeof old)) return -QRV_EFAULT;
  }
  if (next.nsec == 0) {
    clock_disarm(*t);
    return 0;
  }
  constexpr uint64_t kMaxDelay = 1ull << 62;  // keeps now + delay from wrapping
  if (next.nsec > kMaxDelay || next.interval_nsec > kMaxDelay) return -QRV_EINVAL;
  const uint64_t interval =
      next.interval_nsec != 0 && next.interval_nsec < kTimerMinIntervalNs ? kTimerMinIntervalNs : next.interval_nsec;
  return clock_arm(*t, now + next.nsec, interval) == Status::kOk ? 0 : -QRV_EINVAL;
}

// TimerDestroy(id).
int64_t ker_timer_destroy(TrapFrame& f) {
  ProcTimer* t = timer_of(f);
  if (t == nullptr) return -QRV_EINVAL;
  clock_disarm(*t);
  t->used = false;
  return 0;
}

// SchedYield(): the hart goes to the next ready thread of the caller's
// priority or higher; the caller goes behind its equals.
int64_t ker_sched_yield(TrapFrame&) {
  sched_yield();
  return 0;
}

// TimerTimeout(clock, flags, const sigevent*, const uint64_t* ntime, uint64_t* otime).
// flags is a C int: the psABI sign-extends it into a0..a7, so TIMER_ABSTIME
// (bit 31) arrives with the upper half set; only the low 32 bits are flags.
int64_t ker_timer_timeout(TrapFrame& f) {
  return timer_timeout(f.arg(0), static_cast<uint32_t>(f.arg(1)), f.arg(2), f.arg(3), f.arg(4));
}

// syscall_tm_priv(id, arg): taskman's whitelist (kernel/kext/ker_tm_priv.h).
int64_t ker_tm_priv_call(TrapFrame& f) { return ker_tm_priv(f.arg(0), f.arg(1)); }

// DebugKernelCounts(qrv_kernel_counts*): live kernel objects and memory.
int64_t ker_debug_kernel_counts(TrapFrame& f) {
  const qrv_kernel_counts c = kernel_counts();
  return copy_to_user(f.arg(0), &c, sizeof c) ? 0 : -QRV_EFAULT;
}

// DebugKernelCheck(qrv_kernel_counts*): the same with the kernel's caches
// emptied first (kcheck.h: leak_baseline), and EIO (the reason on the
// console) when kernel_check finds a broken invariant.
int64_t ker_debug_kernel_check(TrapFrame& f) {
  const qrv_kernel_counts c = leak_baseline();  // caches reaped: free memory is comparable
  if (!copy_to_user(f.arg(0), &c, sizeof c)) return -QRV_EFAULT;
  if (const char* bad = kernel_check()) {
    kprintf("kernel_check: %s\n", bad);
    return -QRV_EIO;
  }
  return 0;
}

constexpr KerCall kNoSys = {ker_nosys, false};

constexpr std::array<KerCall, QRV_KER_TABLE_SIZE> make_table() {
  std::array<KerCall, QRV_KER_TABLE_SIZE> t{};
  for (auto& slot : t) slot = kNoSys;
  t[__KER_DEBUG_CONSOLE_WRITE] = {ker_debug_console_write, true};  // one console
  t[__KER_THREAD_CREATE] = {ker_thread_create, true};
  t[__KER_THREAD_DESTROY] = {ker_thread_destroy, true};
  t[__KER_THREAD_JOIN] = {ker_thread_join, true};
  t[__KER_CLOCK_TIME] = {ker_clock_time, false};
  t[__KER_CLOCK_NANOSLEEP] = {ker_clock_nanosleep, true};
  t[__KER_SCHED_YIELD] = {ker_sched_yield, true};
  t[__KER_SCHED_GET] = {ker_sched_get, true};
  t[__KER_SIGNAL_KILL] = {ker_signal_kill, true};
  t[__KER_SIGNAL_ACTION] = {ker_signal_action, true};
  t[__KER_SIGNAL_PROCMASK] = {ker_signal_procmask, true};
  t[__KER_SIGNAL_RETURN] = {ker_signal_return, true};
  t[__KER_SIGNAL_SUSPEND] = {ker_signal_suspend, true};
  t[__KER_SIGNAL_WAITINFO] = {ker_signal_waitinfo, true};
  t[__KER_SIGNAL_ALTSTACK] = {ker_signal_altstack, true};
  t[__KER_TIMER_CREATE] = {ker_timer_create, true};
  t[__KER_TIMER_SETTIME] = {ker_timer_settime, true};
  t[__KER_TIMER_DESTROY] = {ker_timer_destroy, true};
  t[__KER_SCHED_SET] = {ker_sched_set, true};
  t[__KER_SYNC_MUTEX_LOCK] = {ker_sync_mutex_lock, true};
  t[__KER_SYNC_MUTEX_UNLOCK] = {ker_sync_mutex_unlock, true};
  t[__KER_SYNC_CONDVAR_WAIT] = {ker_sync_condvar_wait, true};
  t[__KER_SYNC_CONDVAR_SIGNAL] = {ker_sync_condvar_signal, true};
  t[__KER_TIMER_TIMEOUT] = {ker_timer_timeout, true};
  t[__KER_DEBUG_KERNEL_COUNTS] = {ker_debug_kernel_counts, true};
  t[__KER_DEBUG_KERNEL_CHECK] = {ker_debug_kernel_check, true};
  t[__KER_TM_PRIV] = {ker_tm_priv_call, true};
  t[__KER_CHANNEL_CREATE] = {ker_channel_create, true};
  t[__KER_CHANNEL_DESTROY] = {ker_channel_destroy, true};
  t[__KER_CONNECT_ATTACH] = {ker_connect_attach, true};
  t[__KER_CONNECT_DETACH] = {ker_connect_detach, true};
  t[__KER_CONNECT_SERVER_INFO] = {ker_connect_server_info, true};
  t[__KER_CONNECT_FLAGS] = {ker_connect_flags, true};
  t[__KER_MSG_SENDV] = {ker_msg_sendv, true};
  t[__KER_MSG_RECEIVEV] = {ker_msg_receivev, true};
  t[__KER_MSG_REPLYV] = {ker_msg_replyv, true};
  t[__KER_MSG_ERROR] = {ker_msg_error, true};
  t[__KER_MSG_READV] = {ker_msg_readv, true};
  t[__KER_MSG_WRITEV] = {ker_msg_writev, true};
  t[__KER_MSG_INFO] = {ker_msg_info, true};
  t[__KER_MSG_SEND_PULSE] = {ker_msg_send_pulse, true};
  t[__KER_MSG_DELIVER_EVENT] = {ker_msg_deliver_event, true};
  t[__KER_INTERRUPT_ATTACH_EVENT] = {ker_interrupt_attach_event, true};
  t[__KER_INTERRUPT_MASK] = {ker_interrupt_mask, true};
  t[__KER_INTERRUPT_UNMASK] = {ker_interrupt_unmask, true};
  t[__KER_INTERRUPT_DETACH] = {ker_interrupt_detach, true};
  return t;
}

constexpr std::array<KerCall, QRV_KER_TABLE_SIZE> kKerCalls = make_table();

#define QRV_COUNT_CALL_(name, upper, number, nargs) +1
static_assert(QRV_KER_TABLE_SIZE == 1 + (0 QRV_KER_CALLS(QRV_COUNT_CALL_)),
              "kercalls.h and the dispatch table disagree: numbers must be dense from 1");
#undef QRV_COUNT_CALL_
}  // namespace

extern "C" void syscall_dispatch(TrapFrame* frame) {
  const uint64_t number = frame->x[17];  // a7
  const KerCall call = number < kKerCalls.size() ? kKerCalls[number] : kNoSys;
  tThread* const cur = sched_current();
  if (!call.locked) {
    this_cpu()->unlocked_call = 1;  // a demand-zero fault in a copy must take the BKL (process.cc)
    frame->x[10] = static_cast<uint64_t>(call.fn(*frame));
    this_cpu()->unlocked_call = 0;
    if (cur->timeout.flags != 0) timeout_clear(cur);  // a TimerTimeout lasts one call
    if (this_cpu()->lazy_kick != 0) {
      TicketLockGuard guard(bkl());
      sched_user_return();
    }
    return;
  }
  bkl().lock();
  thread_check_exiting();
  frame->x[10] = static_cast<uint64_t>(call.fn(*frame));
  if (cur->timeout.flags != 0 && number != __KER_TIMER_TIMEOUT) timeout_clear(cur);
  if (cur->sig.check) signal_deliver(frame);
  sched_user_return();
  bkl().unlock();
}
