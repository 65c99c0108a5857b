// A payload whose unexpected kernel fault happens on a secondary hart while the
// boot hart waits: the report and the failing power-off must not depend on the
// boot hart (//kernel:fault_secondary_qemu_test).
#include "kernel/arch/riscv/percpu.h"
#include "kernel/arch/riscv/smp.h"
#include "kernel/console/console.h"
#include "kernel/init/payload.h"

namespace {
__attribute__((noinline)) void fault_on_this_hart(void*) {
  uint64_t addr = 0x18;
  asm("" : "+r"(addr));  // hide the constant from the compiler's bounds checks
  *reinterpret_cast<volatile uint64_t*>(addr) = 1;
}
}  // namespace

void kernel_payload(const BootInfo&) {
  Cpu* other = cpu_at(1);
  if (other == nullptr || cpu_count() < 2 || !smp_call(other, fault_on_this_hart, nullptr)) {
    kprintf("fault_secondary: no second hart to fault on\n");
  }
  for (;;) {
    asm volatile("wfi");  // the secondary's panic powers the machine off
  }
}
