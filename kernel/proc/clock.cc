// Timers and ticks. One global TimerQueue holds sleeping threads; any hart
// whose timer fires expires it. A hart programs its timer for the earlier of
// the next sleeper's deadline and, while a user thread runs, the next tick.
#include "kernel/proc/clock.h"

#include "kernel/abi/signals.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/sbi.h"
#include "kernel/arch/riscv/trap.h"
#include "kernel/ipc/pulse.h"
#include "kernel/lib/panic.h"
#include "kernel/proc/process.h"
#include "kernel/proc/timeout.h"
#include "kernel/proc/sched.h"
#include "kernel/sched/sched_decisions.h"
#include "kernel/sched/timebase.h"
#include "kernel/sched/timer_queue.h"

namespace {
constexpr uint64_t kSbiExtTime = 0x54494d45;
constexpr uint64_t kSieStie = 1u << 5;

constinit TimerQueue g_sleepers;
Timebase g_timebase;

uint64_t now_ticks() {
  uint64_t t;
  asm volatile("rdtime %0" : "=r"(t));
  return t;
}
}  // namespace

void clock_init(uint64_t timebase_hz) {
  Result<Timebase> tb = Timebase::make(timebase_hz);
  g_timebase = tb.ok() ? tb.value() : Timebase::make(10'000'000).value();
}

uint64_t clock_now_ns() { return g_timebase.ticks_to_ns(now_ticks()); }

namespace {
int64_t g_realtime_offset_ns = 0;  // realtime - monotonic; read without the BKL
}  // namespace

void clock_set_realtime(uint64_t epoch_ns) {
  const int64_t offset = static_cast<int64_t>(epoch_ns) - static_cast<int64_t>(clock_now_ns());
  __atomic_store_n(&g_realtime_offset_ns, offset, __ATOMIC_RELAXED);
}

uint64_t clock_realtime_ns() {
  const int64_t t = static_cast<int64_t>(clock_now_ns()) + __atomic_load_n(&g_realtime_offset_ns, __ATOMIC_RELAXED);
  return t > 0 ? static_cast<uint64_t>(t) : 0;
}

uint64_t clock_read(uint64_t id) { return id == QRV_CLOCK_REALTIME ? clock_realtime_ns() : clock_now_ns(); }

uint64_t clock_deadline_of(uint64_t id, uint64_t abs_ns) {
  if (id != QRV_CLOCK_REALTIME) return abs_ns;
  const int64_t t = static_cast<int64_t>(abs_ns) - __atomic_load_n(&g_realtime_offset_ns, __ATOMIC_RELAXED);
  return t > 0 ? static_cast<uint64_t>(t) : 0;
}

namespace {
// Sstc (stimecmp, CSR 0x14d) lets S-mode set its own timer with one CSR
// write instead of an SBI call into M-mode; the firmware must have enabled
// it (menvcfg.STCE), so each hart probes: a read that traps means no.
bool g_sstc = false;

extern "C" char sstc_probe_resume[];

[[gnu::noinline]] bool sstc_usable() {
  ExpectedTrap expect{.cause = csr::kIllegalInsn,
                      .resume_pc = reinterpret_cast<uint64_t>(sstc_probe_resume),
                      .hit = false,
                      .stval = 0,
                      .sepc = 0};
  trap_expect(&expect);
  asm volatile(
      "csrr t0, 0x14d\n"
      ".globl sstc_probe_resume\n"
      "sstc_probe_resume:" ::: "t0", "memory");
  trap_expect(nullptr);
  return !expect.hit;
}

void set_timer(uint64_t ticks) {
  if (g_sstc) {
    asm volatile("csrw 0x14d, %0" ::"r"(ticks));  // also clears a pending timer interrupt
  } else {
    sbi_call(kSbiExtTime, /*set_timer=*/0, ticks);
  }
}
}  // namespace

void clock_init_hart() {
  const bool sstc = sstc_usable();
  if (this_cpu()->index == 0) g_sstc = sstc;  // the boot hart decides; the others must agree
  if (sstc != g_sstc) kpanic("clock: hart %u disagrees about Sstc", this_cpu()->index);
  asm volatile("csrs sie, %0" ::"r"(kSieStie));
}

void clock_program_hart() {
  uint64_t deadline = ~uint64_t{0};
  if (std::optional<uint64_t> next = g_sleepers.next_deadline()) {
    deadline = *next;
  }
  const tThread* cur = this_cpu()->current;
  if (cur->proc != nullptr) {
    const uint64_t tick = clock_now_ns() + kTickNs;
    deadline = tick < deadline ? tick : deadline;
  }
  const uint64_t ticks = deadline == ~uint64_t{0} ? ~uint64_t{0} : g_timebase.ns_to_ticks_ceil(deadline);
  set_timer(ticks);
}

void clock_interrupt() {
  const uint64_t now = clock_now_ns();
  g_sleepers.expire(now, [](TimerNode& node, uint64_t overruns) {
    KTimer& k = static_cast<KTimer&>(node);
    if (k.kind == KTimerKind::kSleep) {
      sched_make_ready(static_cast<SleepTimer&>(k).thread);
      return;
    }
    if (k.kind == KTimerKind::kTimeout) {
      timeout_fire(static_cast<SleepTimer&>(k).thread);
      return;
    }
    ProcTimer& pt = static_cast<ProcTimer&>(k);
    pt.overruns += overruns;
    if (!pt.proc->exiting) {
      (void)event_send(pt.proc, pt.event, kKernelPulsePriority, QRV_SI_TIMER, 0);  // a full queue drops this expiry
    }
  });
  tThread* cur = this_cpu()->current;
  if (cur->proc != nullptr && cur->state_ == STATE_RUNNING) {
    sched_tick(cur);
  }
  clock_program_hart();
}

void clock_sleep_until(uint64_t deadline_ns) {
  tThread* cur = sched_current();
  cur->unblock_status = 0;  // -EINTR if a signal ends the sleep (thread_unblock)
  if (deadline_ns <= clock_now_ns()) {
    return;
  }
  cur->sleep.thread = cur;
  cur->state_ = STATE_NANOSLEEP;
  (void)g_sleepers.arm(cur->sleep, deadline_ns);
  clock_program_hart();
  sched_block();
}

void clock_cancel_sleep(tThread* t) { g_sleepers.cancel(t->sleep); }

Status clock_arm(KTimer& timer, uint64_t deadline_ns, uint64_t interval_ns) {
  g_sleepers.cancel(timer);
  const Status st = g_sleepers.arm(timer, deadline_ns, interval_ns);
  clock_program_hart();
  return st;
}

void clock_disarm(KTimer& timer) { g_sleepers.cancel(timer); }

size_t clock_armed_count() { return g_sleepers.size(); }
