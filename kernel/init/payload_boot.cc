// The normal kernel's payload. There is no user space to start yet (taskman
// and init come with the process work), so the kernel says so and powers the
// machine off cleanly: `bazel run //:qemu` ends by itself.
#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/init/payload.h"

void kernel_payload(const BootInfo& info) {
  // time counts from machine reset (firmware included); under QEMU -icount
  // it is virtual time, 1 instruction = 1 ns at shift 0.
  uint64_t ticks;
  asm volatile("rdtime %0" : "=r"(ticks));
  kprintf("qrv: boot complete in %lu us; no user space to start yet, powering off\n",
          ticks * 1000000 / info.timebase_hz);
  arch_shutdown(true);
}
