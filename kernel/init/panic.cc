// kpanic on the board: one line naming the problem, a backtrace, and a
// power-off that reports failure (QEMU exits non-zero).
#include "kernel/lib/panic.h"

#include <cstdarg>

#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/lib/format.h"

namespace {
void put(char c, void*) { console_putc(c); }
}  // namespace

void kpanic(const char* fmt, ...) {
  kprintf("\nkernel panic: ");
  va_list ap;
  va_start(ap, fmt);
  kvformat(put, nullptr, fmt, ap);
  va_end(ap);
  kprintf("\n");
  arch_backtrace_here();
  arch_shutdown(false);
}
