// In-kernel SMP tests: every hart of the device tree is online on its own
// guarded stack, IPIs arrive, and the big kernel lock keeps a plain counter
// exact while all harts hammer it.
#include "kernel/arch/riscv/smp.h"
#include "kernel/init/bkl.h"
#include "kernel/init/payload.h"
#include "kernel/mm/mm_init.h"
#include "testing/ktest/ktest.h"

namespace {
constexpr uint64_t kWaitTicks = 50'000'000;  // 5 s at 10 MHz: only a broken hart waits this long

uint64_t now_ticks() {
  uint64_t t;
  asm volatile("rdtime %0" : "=r"(t));
  return t;
}

template <typename Pred>
bool wait_for(Pred done) {
  const uint64_t start = now_ticks();
  while (!done()) {
    if (now_ticks() - start > kWaitTicks) return false;
  }
  return true;
}

struct CounterJob {
  uint64_t counter;  // protected by the big kernel lock only
  uint32_t iterations;
  uint32_t finished;  // atomic
  uint64_t sp[kMaxHarts];
};

void count_under_bkl(void* arg) {
  auto* job = static_cast<CounterJob*>(arg);
  job->sp[this_cpu()->index] = reinterpret_cast<uint64_t>(__builtin_frame_address(0));
  for (uint32_t i = 0; i < job->iterations; ++i) {
    TicketLockGuard g(bkl());
    // Read, dawdle, write: without mutual exclusion increments get lost.
    const uint64_t v = *static_cast<volatile uint64_t*>(&job->counter);
    for (int d = 0; d < 50; ++d) {
      asm volatile("");
    }
    *static_cast<volatile uint64_t*>(&job->counter) = v + 1;
  }
  __atomic_fetch_add(&job->finished, 1u, __ATOMIC_RELEASE);
}
}  // namespace

KTEST(smp, every_hart_is_online) {
  const BootInfo& info = kernel_boot_info();
  KEXPECT_EQ(cpu_count(), info.hart_count);
  for (uint32_t i = 0; i < cpu_count(); ++i) {
    KEXPECT(__atomic_load_n(&cpu_at(i)->online, __ATOMIC_ACQUIRE) == 1);
  }
}

KTEST(smp, secondary_stacks_have_unmapped_guard_pages) {
  for (uint32_t i = 1; i < cpu_count(); ++i) {
    const Cpu* c = cpu_at(i);
    KEXPECT(!cpu_pte_lookup(kernel_page_table(), VirtAddr(c->stack_lo - kPageSize)).ok());
    KEXPECT(cpu_pte_lookup(kernel_page_table(), VirtAddr(c->stack_lo)).ok());
  }
}

KTEST(smp, ipis_reach_every_other_hart) {
  for (uint32_t i = 1; i < cpu_count(); ++i) {
    Cpu* c = cpu_at(i);
    const uint32_t before = __atomic_load_n(&c->ipis, __ATOMIC_RELAXED);
    smp_send_ipi(c);
    KEXPECT(wait_for([&] { return __atomic_load_n(&c->ipis, __ATOMIC_RELAXED) != before; }));
  }
}

KTEST(smp, big_kernel_lock_serialises_all_harts) {
  static CounterJob job;
  // Few acquisitions: under QEMU a ticket lock's hand-off waits for the host
  // to schedule the next vCPU (4 vCPUs on 2 host cores), so each one is slow.
  job = CounterJob{.counter = 0, .iterations = 300, .finished = 0, .sp = {}};
  const uint32_t others = cpu_count() - 1;
  for (uint32_t i = 1; i < cpu_count(); ++i) {
    KEXPECT(smp_call(cpu_at(i), count_under_bkl, &job));
  }
  count_under_bkl(&job);  // the boot hart joins in
  KEXPECT(wait_for([&] { return __atomic_load_n(&job.finished, __ATOMIC_ACQUIRE) == others + 1; }));
  KEXPECT_EQ(job.counter, uint64_t{job.iterations} * (others + 1));
  for (uint32_t i = 1; i < cpu_count(); ++i) {
    KEXPECT(job.sp[i] >= cpu_at(i)->stack_lo && job.sp[i] <= cpu_at(i)->stack_hi);
  }
}
