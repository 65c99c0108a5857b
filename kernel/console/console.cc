// Console output. One boot hart for now; the big kernel lock serialises
// printing once other harts run.
#include "kernel/console/console.h"

#include <cstdarg>

#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/sbi.h"
#include "kernel/dev/uart16550.h"
#include "kernel/lib/format.h"

namespace {
Uart16550 g_uart;
bool g_uart_ready = false;

void put_raw(char c) {
  if (g_uart_ready) {
    g_uart.putc(c);
  } else {
    sbi_console_putchar(c);
  }
}

void put_for_format(char c, void*) { console_putc(c); }
}  // namespace

void console_init(const UartInfo& uart) {
  g_uart.init(kva(uart.base), uart.reg_shift, uart.reg_io_width);
  g_uart_ready = true;
}

void console_putc(char c) {
  if (c == '\n') {
    put_raw('\r');
  }
  put_raw(c);
}

void console_write(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    console_putc(s[i]);
  }
}

int kprintf(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  size_t n = kvformat(put_for_format, nullptr, fmt, ap);
  va_end(ap);
  return static_cast<int>(n);
}
