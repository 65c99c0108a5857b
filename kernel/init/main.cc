// kmain: the boot hart's first C++ code, entered from entry.S on the early
// page table with a0 = hart id and a1 = device tree PA. Order matters: trap
// vector first (so any fault is reported), then the device tree, then the
// console it names, then the banner, memory, the other harts, the payload.
#include "kernel/arch/arch.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/arch/riscv/smp.h"
#include "kernel/arch/riscv/trap.h"
#include "kernel/board.h"
#include "kernel/console/console.h"
#include "kernel/dev/goldfish_rtc.h"
#include "kernel/init/banner.h"
#include "kernel/init/payload.h"
#include "kernel/lib/boot_info.h"
#include "kernel/lib/log_stamp.h"
#include "kernel/lib/panic.h"
#include "kernel/mm/mm_init.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/irq.h"

namespace {
// The device tree is untrusted input: never read more than this.
constexpr size_t kMaxDeviceTreeSize = 2u << 20;

BootInfo g_boot_info;
}  // namespace

const BootInfo& kernel_boot_info() { return g_boot_info; }

extern "C" [[noreturn]] void kmain(uint64_t hart_id, uint64_t dtb_pa) {
  cpu_init_boot(static_cast<uint32_t>(hart_id));
  trap_init();
  BootInfo& info = g_boot_info;
  BootInfoStatus st =
      boot_info_from_fdt(kva_ptr<const void>(dtb_pa), kMaxDeviceTreeSize, dtb_pa, info);
  if (st != BootInfoStatus::kOk) {
    kpanic("device tree at 0x%lx: %s (%s)", dtb_pa, boot_info_status_name(st),
           fdt_error_name(info.fdt_error));
  }
  info.boot_hart = hart_id;
  if (info.has_uart && !console_init(info.uart)) {
    kprintf("console: no driver for \"%s\" at 0x%lx; staying on the SBI console\n",
            info.uart.compatible, info.uart.base);
  }
  if (log_stamps_wanted(info.bootargs)) {
    console_enable_timestamps(info.timebase_hz);
  }
  if (info.has_finisher) {
    arch_set_finisher(info.finisher_base);
  }
  print_banner(info);
  mm_init(info);
  clock_init(info.timebase_hz);
  if (info.has_rtc) {
    clock_set_realtime(goldfish_rtc_read_ns(kva(info.rtc_base)));
    kprintf("clock: realtime from the RTC at 0x%lx: %lu s since the Epoch\n", info.rtc_base,
            clock_realtime_ns() / 1'000'000'000);
  }
  irq_init(info);
  sched_init_hart();
  smp_init(info, QRV_CSR_READ(satp));
  kernel_payload(info);
}
