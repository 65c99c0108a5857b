// The kernel console: formatted output to the board's UART, or to the SBI
// legacy console before the device tree has named a UART.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/lib/boot_info.h"

// Switches output from the SBI fallback to the UART the device tree names.
void console_init(const UartInfo& uart);

void console_write(const char* s, size_t n);
void console_putc(char c);

int kprintf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
