// Console output. One boot hart for now; the big kernel lock serialises
// printing once other harts run. Once enabled, each line starts with the time
// since reset ("[    0.012345] "), so slow boot phases show in the log.
#include "kernel/console/console.h"

#include <cstdarg>

#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/sbi.h"
#include "kernel/dev/sifive_uart.h"
#include "kernel/dev/uart16550.h"
#include "kernel/dev/uart_kind.h"
#include "kernel/lib/format.h"
#include "kernel/lib/log_stamp.h"

namespace {
// The driver the device tree's compatible string chose (no virtual calls).
UartKind g_kind = UartKind::kNs16550a;
Uart16550 g_uart;
SifiveUart g_sifive;
bool g_uart_ready = false;
uint64_t g_stamp_hz = 0;  // 0: no timestamps
bool g_line_start = true;

void put_raw(char c) {
  if (g_uart_ready) {
    if (g_kind == UartKind::kSifiveUart0) {
      g_sifive.putc(c);
    } else {
      g_uart.putc(c);
    }
  } else {
    sbi_console_putchar(c);
  }
}

void put_for_format(char c, void*) { console_putc(c); }
}  // namespace

bool console_init(const UartInfo& uart) {
  if (!uart_kind_for(uart.compatible, &g_kind)) {
    return false;
  }
  if (g_kind == UartKind::kSifiveUart0) {
    g_sifive.init(kva(uart.base));
  } else {
    g_uart.init(kva(uart.base), uart.reg_shift, uart.reg_io_width);
  }
  g_uart_ready = true;
  return true;
}

void console_enable_timestamps(uint64_t timebase_hz) { g_stamp_hz = timebase_hz; }

void console_putc(char c) {
  if (g_line_start && g_stamp_hz != 0 && c != '\n') {
    uint64_t ticks;
    asm volatile("rdtime %0" : "=r"(ticks));
    char stamp[kLogStampMax];
    log_stamp_format(ticks, g_stamp_hz, stamp);
    for (const char* p = stamp; *p != '\0'; ++p) {
      put_raw(*p);
    }
  }
  g_line_start = c == '\n';
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
