// NS16550A UART driver, polled transmit (the console). Registers per the
// National Semiconductor PC16550D datasheet; spacing from the device tree.
#pragma once

#include <cstdint>

class Uart16550 {
 public:
  // `base` is a kernel virtual address; registers are (1 << reg_shift) apart
  // and reg_io_width bytes wide (1 or 4).
  void init(uint64_t base, uint32_t reg_shift, uint32_t reg_io_width);
  void putc(char c);

 private:
  uint8_t read(uint32_t reg) const;
  void write(uint32_t reg, uint8_t value) const;

  uint64_t base_ = 0;
  uint32_t shift_ = 0;
  uint32_t width_ = 1;
};
