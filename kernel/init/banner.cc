// Prints the banner and memory map. The lines are part of the boot tests'
// expectations (//kernel:boot_qemu_test): change both together.
#include "kernel/init/banner.h"

#include "kernel/arch/riscv/memlayout.h"
#include "kernel/board.h"
#include "kernel/console/console.h"

namespace {
void print_range(const char* what, uint64_t base, uint64_t size, const char* note) {
  uint64_t kib = size >> 10;
  if (kib >= 1024 && kib % 1024 == 0) {
    kprintf("  %-9s 0x%016lx-0x%016lx %6lu MiB %s\n", what, base, base + size - 1, kib >> 10, note);
  } else {
    kprintf("  %-9s 0x%016lx-0x%016lx %6lu KiB %s\n", what, base, base + size - 1, kib, note);
  }
}
}  // namespace

void print_banner(const BootInfo& info) {
  kprintf("\nQRV microkernel (riscv64 Sv39) on board %s\n", kBoard.name);
  kprintf("boot hart %lu of %u, timebase %lu Hz\n", info.boot_hart, info.hart_count,
          info.timebase_hz);
  for (uint32_t i = 0; i < info.skipped_hart_count; ++i) {
    kprintf("hart %lu skipped: no MMU for the kernel (a monitor core)\n", info.skipped_hart_ids[i]);
  }
  kprintf("memory map:\n");
  for (uint32_t i = 0; i < info.memory_count; ++i) {
    print_range("memory", info.memory[i].base, info.memory[i].size, "");
  }
  for (uint32_t i = 0; i < info.reserved_count; ++i) {
    print_range("reserved", info.reserved[i].base, info.reserved[i].size, "");
  }
  uint64_t kstart = kpa(reinterpret_cast<uint64_t>(__kernel_start));
  uint64_t kend = kpa(reinterpret_cast<uint64_t>(__kernel_end));
  print_range("kernel", kstart, kend - kstart, "(image)");
  print_range("fdt", info.fdt_base, info.fdt_size, "(device tree)");
  if (info.has_uart) {
    kprintf("console: %s at 0x%lx\n", info.uart.compatible, info.uart.base);
  }
}
