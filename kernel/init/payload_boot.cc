// The normal kernel's payload. There is no user space to start yet (taskman
// and init come with the process work), so the kernel says so and powers the
// machine off cleanly: `bazel run //:qemu` ends by itself.
#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/init/payload.h"

void kernel_payload(const BootInfo&) {
  kprintf("qrv: boot complete; no user space to start yet, powering off\n");
  arch_shutdown(true);
}
