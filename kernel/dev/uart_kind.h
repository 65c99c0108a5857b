// Which console driver a UART's device-tree `compatible` string needs. The
// device tree decides at run time; the board's uart_kind is only what early
// boot and the boot test expect.
#pragma once

#include "kernel/board.h"

// The driver for `compatible`; false when QRV has none (the console then stays
// on the SBI fallback).
bool uart_kind_for(const char* compatible, UartKind* kind);

const char* uart_kind_name(UartKind kind);
