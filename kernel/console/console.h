// The kernel console: formatted output to the board's UART, or to the SBI
// legacy console before the device tree has named a UART.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/lib/boot_info.h"

// Switches output from the SBI fallback to the UART the device tree names,
// with the driver its compatible string needs; false (output stays on SBI)
// when QRV has no driver for it.
bool console_init(const UartInfo& uart);

// From now on every line begins with the time since reset at `timebase_hz`
// (kernel/lib/log_stamp.h); 0 turns the stamps off.
void console_enable_timestamps(uint64_t timebase_hz);

void console_write(const char* s, size_t n);
void console_putc(char c);

int kprintf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
