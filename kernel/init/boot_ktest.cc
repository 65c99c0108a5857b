// In-kernel tests of what boot established: the device tree agrees with the
// board's facts, the kernel runs linked high on the final page table, the
// direct map reaches RAM, and the stack is where the linker put it.
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/board.h"
#include "kernel/dev/uart_kind.h"
#include "kernel/init/payload.h"
#include "kernel/mm/mm_init.h"
#include "testing/ktest/ktest.h"

KTEST(boot, device_tree_matches_board_facts) {
  const BootInfo& info = kernel_boot_info();
  KEXPECT(info.memory_count >= 1);
  KEXPECT_EQ(info.memory[0].base, kBoard.ram_base);
  KEXPECT(info.has_uart);
  KEXPECT_EQ(info.uart.base, kBoard.uart_base);
  UartKind kind = UartKind::kNs16550a;
  KEXPECT(uart_kind_for(info.uart.compatible, &kind));
  KEXPECT(kind == kBoard.uart_kind);
  KEXPECT(info.has_plic);
  KEXPECT_EQ(info.plic.base, kBoard.irq_base);
  KEXPECT(info.hart_count >= 1 && info.hart_count <= kBoard.max_harts);
  KEXPECT_EQ(info.timebase_hz, kBoard.timebase_hz);
}

KTEST(boot, kernel_is_linked_in_the_high_half_and_loaded_at_the_board_address) {
  uint64_t start = reinterpret_cast<uint64_t>(__kernel_start);
  KEXPECT_EQ(start, kva(kBoard.kernel_load));
  // satp: Sv39 mode, on the final kernel page table (not entry.S's early one).
  uint64_t satp = QRV_CSR_READ(satp);
  KEXPECT_EQ(satp >> 60, 8u);
  uint64_t root_pa = (satp & ((1ull << 44) - 1)) << 12;
  KEXPECT_EQ(root_pa, kernel_page_table().root.value());
}

KTEST(boot, direct_map_reaches_ram_outside_the_image) {
  // The device tree lies in RAM the firmware chose, outside the image: its
  // magic (big-endian 0xd00dfeed) must read back through the direct map.
  const BootInfo& info = kernel_boot_info();
  const volatile uint8_t* fdt = kva_ptr<const volatile uint8_t>(info.fdt_base);
  KEXPECT_EQ(fdt[0], 0xd0u);
  KEXPECT_EQ(fdt[1], 0x0du);
  KEXPECT_EQ(fdt[2], 0xfeu);
  KEXPECT_EQ(fdt[3], 0xedu);
}

KTEST(boot, running_on_the_boot_stack_in_supervisor_mode) {
  uint64_t sp = reinterpret_cast<uint64_t>(__builtin_frame_address(0));
  KEXPECT(sp > reinterpret_cast<uint64_t>(boot_stack_bottom));
  KEXPECT(sp <= reinterpret_cast<uint64_t>(boot_stack_top));
  uint64_t sstatus = QRV_CSR_READ(sstatus);
  KEXPECT((sstatus & csr::kSstatusSie) == 0);  // interrupts stay off until the scheduler
}
