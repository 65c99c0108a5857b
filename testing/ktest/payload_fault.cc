// A payload that faults on purpose: a kernel load from an unmapped address
// with no trap expected. Its QEMU test checks the whole report path: cause,
// sepc/stval, backtrace, panic line, and a failing exit status.
#include "kernel/init/payload.h"

namespace {
__attribute__((noinline)) uint64_t load_from(uint64_t addr) {
  asm("" : "+r"(addr));  // hide the constant from the compiler's bounds checks
  return *reinterpret_cast<volatile uint64_t*>(addr);
}
}  // namespace

void kernel_payload(const BootInfo&) {
  load_from(0x10);
  __builtin_trap();
}
