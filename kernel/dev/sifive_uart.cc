// SiFive UART console: transmit and receive enabled, one stop bit, interrupts
// off; the baud divisor (div) is left as firmware set it.
//
//   0x00 txdata  [31] full   [7:0] byte to send
//   0x04 rxdata  [31] empty  [7:0] byte received
//   0x08 txctrl  [0] txen  [1] nstop  [18:16] txcnt
//   0x0c rxctrl  [0] rxen  [18:16] rxcnt
//   0x10 ie      0x14 ip      0x18 div
#include "kernel/dev/sifive_uart.h"

namespace {
constexpr uint32_t kTxdata = 0x00;
constexpr uint32_t kTxctrl = 0x08;
constexpr uint32_t kRxctrl = 0x0c;
constexpr uint32_t kIe = 0x10;

constexpr uint32_t kTxFull = 1u << 31;
constexpr uint32_t kEnable = 1u << 0;
}  // namespace

void SifiveUart::init(uint64_t base) {
  base_ = base;
  *reg(kIe) = 0;
  *reg(kTxctrl) = kEnable;  // nstop = 0: one stop bit
  *reg(kRxctrl) = kEnable;
}

void SifiveUart::putc(char c) {
  while ((*reg(kTxdata) & kTxFull) != 0) {
  }
  *reg(kTxdata) = static_cast<uint8_t>(c);
}
