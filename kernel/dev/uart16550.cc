// 16550 console: 8 data bits, no parity, 1 stop bit, FIFOs on, interrupts off.
// The baud divisor is left as firmware set it (QEMU ignores it).
#include "kernel/dev/uart16550.h"

namespace {
// Register offsets (in units of the register stride).
constexpr uint32_t kThr = 0;  // transmit holding (write)
constexpr uint32_t kIer = 1;  // interrupt enable
constexpr uint32_t kFcr = 2;  // FIFO control (write)
constexpr uint32_t kLcr = 3;  // line control
constexpr uint32_t kLsr = 5;  // line status

constexpr uint8_t kLcr8N1 = 0x03;
constexpr uint8_t kFcrEnableClear = 0x07;
constexpr uint8_t kLsrThrEmpty = 0x20;
}  // namespace

void Uart16550::init(uint64_t base, uint32_t reg_shift, uint32_t reg_io_width) {
  base_ = base;
  shift_ = reg_shift;
  width_ = reg_io_width == 4 ? 4 : 1;
  write(kIer, 0);
  write(kLcr, kLcr8N1);
  write(kFcr, kFcrEnableClear);
}

uint8_t Uart16550::read(uint32_t reg) const {
  uint64_t addr = base_ + (uint64_t{reg} << shift_);
  if (width_ == 4) {
    return static_cast<uint8_t>(*reinterpret_cast<volatile uint32_t*>(addr));
  }
  return *reinterpret_cast<volatile uint8_t*>(addr);
}

void Uart16550::write(uint32_t reg, uint8_t value) const {
  uint64_t addr = base_ + (uint64_t{reg} << shift_);
  if (width_ == 4) {
    *reinterpret_cast<volatile uint32_t*>(addr) = value;
  } else {
    *reinterpret_cast<volatile uint8_t*>(addr) = value;
  }
}

void Uart16550::putc(char c) {
  while ((read(kLsr) & kLsrThrEmpty) == 0) {
  }
  write(kThr, static_cast<uint8_t>(c));
}
