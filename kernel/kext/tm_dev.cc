// Device slots of syscall_tm_priv: what a user-space driver needs of the
// kernel, granted through taskman. PROC_IO_PRIV marks a process as a driver
// (taskman decides who: ThreadCtl(_NTO_TCTL_IO) from a root process);
// MAP_PHYS maps device registers into such a process; CONSOLE_INFO tells a
// console driver which UART the device tree gave the kernel's console;
// CLOCK_SET sets the wall clock (the kernel read it from the RTC at boot);
// SYSTEM_INFO tells how many harts there are.
#include "kernel/abi/errno.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/init/payload.h"
#include "kernel/kext/tm_slots.h"
#include "kernel/mm/aspace.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/process.h"

namespace {

bool overlaps(uint64_t lo, uint64_t hi, uint64_t base, uint64_t size) { return size != 0 && lo < base + size && base < hi; }

// Whether [lo, hi) is device memory a driver may have: no RAM (the kernel,
// every process's pages, the boot image and the device tree live there), no
// reserved region, and not the interrupt controller, which the kernel owns
// (drivers reach their interrupt through InterruptAttachEvent).
bool device_range(const BootInfo& info, uint64_t lo, uint64_t hi) {
  for (uint32_t i = 0; i < info.memory_count; ++i) {
    if (overlaps(lo, hi, info.memory[i].base, info.memory[i].size)) return false;
  }
  for (uint32_t i = 0; i < info.reserved_count; ++i) {
    if (overlaps(lo, hi, info.reserved[i].base, info.reserved[i].size)) return false;
  }
  if (info.has_plic && overlaps(lo, hi, info.plic.base, info.plic.size)) return false;
  return !(info.has_initrd && overlaps(lo, hi, info.initrd_start, info.initrd_end - info.initrd_start));
}

}  // namespace

int64_t tm_map_phys(tProcess*, uint64_t arg) {
  qrv_tm_map_phys req;
  if (!copy_from_user(&req, arg, sizeof req)) return -QRV_EFAULT;
  constexpr uint32_t kRw = QRV_TM_PROT_READ | QRV_TM_PROT_WRITE;
  if ((req.prot & ~kRw) != 0 || (req.prot & QRV_TM_PROT_READ) == 0) return -QRV_EINVAL;
  if (req.len == 0 || req.va % kPageSize != 0 || req.len % kPageSize != 0 || req.paddr % kPageSize != 0) {
    return -QRV_EINVAL;
  }
  if (req.va < kUserBase || req.va >= kUserTop || req.len > kUserTop - req.va) return -QRV_EINVAL;
  if (req.paddr + req.len < req.paddr || req.paddr + req.len > (uint64_t{1} << 56)) return -QRV_EINVAL;  // Sv39 PAs are 56 bits
  if (req.va < kTaskmanTop && req.va + req.len > kTaskmanBase) return -QRV_EINVAL;  // taskman's slot
  tProcess* target = req.pid > 0 ? process_find(static_cast<uint32_t>(req.pid)) : nullptr;
  if (target == nullptr || target->as == nullptr || (target->flags & QRV_FLG_PROC_TM_PRIV) != 0) return -QRV_ESRCH;
  if ((target->flags & QRV_FLG_PROC_IO_PRIV) == 0) return -QRV_EPERM;
  if (!device_range(kernel_boot_info(), req.paddr, req.paddr + req.len)) return -QRV_EACCES;
  const uint32_t prot = kProtRead | ((req.prot & QRV_TM_PROT_WRITE) ? kProtWrite : 0);
  return tm_errno_of(mm_map_device(target->as, VirtAddr(req.va), PhysAddr(req.paddr), req.len, prot));
}

int64_t tm_proc_io_priv(tProcess*, uint64_t arg) {
  tProcess* target = arg > 0 && arg <= UINT32_MAX ? process_find(static_cast<uint32_t>(arg)) : nullptr;
  if (target == nullptr || target->exiting || (target->flags & QRV_FLG_PROC_TM_PRIV) != 0) return -QRV_ESRCH;
  target->flags |= QRV_FLG_PROC_IO_PRIV;
  return 0;
}

int64_t tm_console_info(tProcess*, uint64_t arg) {
  const BootInfo& info = kernel_boot_info();
  if (!info.has_uart) return -QRV_ENODEV;
  qrv_tm_console_info out = {};
  out.base = info.uart.base;
  out.size = info.uart.size;
  out.irq = info.uart.irq;
  out.clock_hz = info.uart.clock_hz;
  out.reg_shift = info.uart.reg_shift;
  out.reg_io_width = info.uart.reg_io_width;
  static_assert(sizeof out.compatible == kBootCompatibleSize, "the same string");
  __builtin_memcpy(out.compatible, info.uart.compatible, sizeof out.compatible);
  out.compatible[sizeof out.compatible - 1] = 0;
  return copy_to_user(arg, &out, sizeof out) ? 0 : -QRV_EFAULT;
}

int64_t tm_clock_set(tProcess*, uint64_t arg) {
  qrv_tm_clock_set req;
  if (!copy_from_user(&req, arg, sizeof req)) return -QRV_EFAULT;
  if (req.realtime_ns > uint64_t{INT64_MAX} || req.reserved != 0) return -QRV_EINVAL;
  clock_set_realtime(req.realtime_ns);
  return 0;
}

int64_t tm_system_info(tProcess*, uint64_t arg) {
  qrv_tm_system_info out = {};
  out.harts_online = cpu_count();
  out.harts_configured = kernel_boot_info().hart_count;
  return copy_to_user(arg, &out, sizeof out) ? 0 : -QRV_EFAULT;
}
