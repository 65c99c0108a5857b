// Secondary harts: stack, HSM start, wait for online, idle loop.
#include "kernel/arch/riscv/smp.h"

#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/sbi.h"
#include "kernel/arch/riscv/trap.h"
#include "kernel/console/console.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/kstack.h"
#include "kernel/mm/mm_init.h"

extern "C" char secondary_entry[];
// Indexed by hart id; read by a hart that lands in _start by mistake (entry.S).
extern "C" Cpu* secondary_cpu_table[64];
Cpu* cpu_claim_next();

namespace {
constexpr uint64_t kStackPages = 4;
// 10 s at 10 MHz: a loaded host can stall a vCPU thread for a long time.
constexpr uint64_t kOnlineTimeoutTicks = 100'000'000;

struct PendingCall {
  void (*fn)(void*);
  void* arg;
};
PendingCall g_calls[kMaxHarts];
uint64_t g_kernel_satp = 0;

uint64_t now_ticks() {
  uint64_t t;
  asm volatile("rdtime %0" : "=r"(t));
  return t;
}

// Takes the call posted for this hart, if any.
bool take_call(uint32_t index, PendingCall* out) {
  PendingCall& slot = g_calls[index];
  void (*fn)(void*) = __atomic_load_n(&slot.fn, __ATOMIC_ACQUIRE);
  if (fn == nullptr) {
    return false;
  }
  out->fn = fn;
  out->arg = slot.arg;
  __atomic_store_n(&slot.fn, nullptr, __ATOMIC_RELEASE);
  return true;
}

}  // namespace

uint64_t smp_kernel_satp() { return g_kernel_satp; }

bool smp_poll_calls() {
  PendingCall call;
  if (!take_call(this_cpu()->index, &call)) {
    return false;
  }
  call.fn(call.arg);
  return true;
}

extern "C" [[noreturn]] void secondary_main(Cpu* cpu) {
  trap_init();
  cpu_allow_user_counters();
  // Let a software interrupt end wfi; sstatus.SIE stays off, so it is polled.
  asm volatile("csrs sie, %0" ::"r"(csr::kSipSsip));
  // Kernel mappings may have narrowed while this hart started: start clean.
  asm volatile("sfence.vma zero, zero\n fence.i" ::: "memory");
  mm_hart_online(cpu->hart_id);
  sched_init_hart();
  __atomic_store_n(&cpu->online, 1u, __ATOMIC_RELEASE);
  sched_secondary_idle();
}

void smp_send_ipi(Cpu* cpu) {
  __atomic_store_n(&cpu->ipi_requested, 1u, __ATOMIC_RELEASE);  // before the SSIP: hart_park.h
  sbi_send_ipi(cpu->hart_id);
}

bool smp_call(Cpu* cpu, void (*fn)(void*), void* arg) {
  PendingCall& slot = g_calls[cpu->index];
  if (__atomic_load_n(&slot.fn, __ATOMIC_ACQUIRE) != nullptr) {
    return false;
  }
  slot.arg = arg;
  __atomic_store_n(&slot.fn, fn, __ATOMIC_RELEASE);
  smp_send_ipi(cpu);
  return true;
}

uint32_t smp_init(const BootInfo& info, uint64_t kernel_satp) {
  g_kernel_satp = kernel_satp;
  asm volatile("csrs sie, %0" ::"r"(csr::kSipSsip));  // the boot hart takes IPIs too
  const uint32_t boot_hart = this_cpu()->hart_id;
  for (uint32_t i = 0; i < info.hart_count; ++i) {
    const uint32_t hart = static_cast<uint32_t>(info.hart_ids[i]);
    if (hart == boot_hart) {
      continue;
    }
    Cpu* cpu = cpu_claim_next();
    if (cpu == nullptr) {
      kprintf("smp: hart %u ignored: QRV runs at most %u harts\n", hart, kMaxHarts);
      continue;
    }
    Result<KernelStack> stack = kstack_alloc(kStackPages);
    if (!stack.ok()) {
      kprintf("smp: no stack for hart %u\n", hart);
      continue;
    }
    cpu->hart_id = hart;
    cpu->stack_lo = stack.value().lo();
    cpu->stack_hi = stack.value().top();
    cpu->kstack_top = cpu->stack_hi;
    cpu->satp = kernel_satp;
    // The new hart reads *cpu as soon as it runs: publish it first (RVWMO).
    asm volatile("fence rw, rw" ::: "memory");
    if (hart < 64) {
      __atomic_store_n(&secondary_cpu_table[hart], cpu, __ATOMIC_RELEASE);
    }
    SbiRet r = sbi_call(kSbiExtHsm, /*hart_start=*/0, hart, kpa(reinterpret_cast<uint64_t>(secondary_entry)),
                        reinterpret_cast<uint64_t>(cpu));
    if (r.error != 0) {
      kprintf("smp: hart %u did not start (SBI error %ld)\n", hart, r.error);
      continue;
    }
    const uint64_t start = now_ticks();
    while (__atomic_load_n(&cpu->online, __ATOMIC_ACQUIRE) == 0 &&
           now_ticks() - start < kOnlineTimeoutTicks) {
    }
    if (!cpu->online) {
      kprintf("smp: hart %u did not come online\n", hart);
    }
  }
  uint32_t online = 0;
  for (uint32_t i = 0; i < cpu_count(); ++i) {
    online += cpu_at(i)->online;
  }
  kprintf("smp: %u of %u harts online\n", online, info.hart_count);
  return online;
}
