// Machine power-off. QEMU's virt board has a SiFive test finisher ("sifive,test1"
// in the device tree): writing 0x5555 exits QEMU with status 0, and
// (code << 16) | 0x3333 exits with `code`. OpenSBI's SRST shutdown always
// exits 0, so it is used only when the device tree names no finisher; where
// the firmware cannot power off either, the machine is reset.
#include "kernel/arch/arch.h"
#include "kernel/arch/riscv/backtrace.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/sbi.h"

namespace {
constexpr uint32_t kFinisherPass = 0x5555;
constexpr uint32_t kFinisherFail = 0x3333;
uint64_t g_finisher_pa = 0;
}  // namespace

void arch_set_finisher(uint64_t pa) { g_finisher_pa = pa; }

void arch_halt() {
  asm volatile("csrw sie, zero");
  for (;;) {
    asm volatile("wfi");
  }
}

void arch_shutdown(bool success) {
  if (g_finisher_pa != 0) {
    volatile uint32_t* finisher = kva_ptr<volatile uint32_t>(g_finisher_pa);
    *finisher = success ? kFinisherPass : ((1u << 16) | kFinisherFail);
  }
  const SbiResetReason reason = success ? SbiResetReason::kNone : SbiResetReason::kSystemFailure;
  sbi_system_shutdown(reason);
  // No power-off device (sifive_u has only a reset GPIO): reset instead, which
  // QEMU's -no-reboot turns into an exit (status 0: the console says how it went).
  sbi_system_reboot(reason);
  arch_halt();
}

__attribute__((noinline)) void arch_backtrace_here() {
  // Our own frame record: [fp-8] = where we were called from, [fp-16] = the caller's fp.
  const uint64_t* frame = static_cast<const uint64_t*>(__builtin_frame_address(0));
  backtrace_print(frame[-1], frame[-2], 0);
  asm volatile("");  // no tail call: this frame must stay on the stack during the walk
}
