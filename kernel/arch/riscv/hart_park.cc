// The big kernel lock's kick: a software interrupt, sent through SBI.
#include "kernel/arch/riscv/hart_park.h"

#include "kernel/arch/riscv/sbi.h"

void HartPark::kick(uint32_t index) {
  const Cpu* cpu = cpu_at(index);
  if (cpu == nullptr) return;
  sbi_send_ipi(cpu->hart_id);
}
