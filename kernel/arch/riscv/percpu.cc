// The Cpu array. Index 0 is the boot hart; smp_init adds the others.
#include "kernel/arch/riscv/percpu.h"

#include "kernel/arch/riscv/memlayout.h"

Cpu g_cpus[kMaxHarts];
uint32_t g_cpu_count = 0;  // published with release once a record is filled

void cpu_allow_user_counters() {
  // scounteren (privileged spec 4.1.5): CY, TM and IR, so user code can read
  // cycle, time and instret (benchmarks, clock_gettime without a kernel call).
  asm volatile("csrw scounteren, %0" ::"r"(uint64_t{7}));
}



void cpu_init_boot(uint32_t hart_id) {
  Cpu& c = g_cpus[0];
  c.self = &c;
  c.hart_id = hart_id;
  c.index = 0;
  c.stack_lo = reinterpret_cast<uint64_t>(boot_stack_bottom);
  c.stack_hi = reinterpret_cast<uint64_t>(boot_stack_top);
  c.kstack_top = c.stack_hi;
  c.online = 1;
  asm volatile("mv tp, %0\n csrw sscratch, zero" ::"r"(&c) : "memory");
  cpu_allow_user_counters();
  g_cpu_count = 1;
}

// Used by smp.cc: claims the next index.
Cpu* cpu_claim_next() {
  if (g_cpu_count >= kMaxHarts) {
    return nullptr;
  }
  Cpu* c = &g_cpus[g_cpu_count];
  c->self = c;
  c->index = g_cpu_count;
  __atomic_store_n(&g_cpu_count, g_cpu_count + 1, __ATOMIC_RELEASE);
  return c;
}
