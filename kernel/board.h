// Facts about the board the kernel was linked for. Each board package under
// //platforms generates the one definition of kBoard from its BUILD file; the
// device tree stays the authority at run time, these are for early boot and
// for checking the device tree against what the board promised.
#pragma once

#include <cstdint>

enum class UartKind : uint8_t { kNs16550a, kSifiveUart0 };
enum class IrqKind : uint8_t { kPlic };

struct BoardFacts {
  const char* name;
  uint64_t ram_base;
  uint64_t ram_size;     // RAM the board's QEMU configuration gives (-m)
  uint64_t kernel_load;  // physical address the firmware jumps to
  uint64_t uart_base;
  UartKind uart_kind;
  uint64_t irq_base;
  IrqKind irq_kind;
  uint32_t max_harts;     // harts the kernel can run on (monitor cores not counted)
  uint64_t timebase_hz;   // the time CSR's frequency
};

extern const BoardFacts kBoard;
