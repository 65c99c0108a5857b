// SiFive UART ("sifive,uart0": FU540/FU740, QEMU sifive_u) driver, polled
// transmit (the console). Registers per the FU540-C000 manual, chapter 13.
#pragma once

#include <cstdint>

class SifiveUart {
 public:
  // `base` is a kernel virtual address.
  void init(uint64_t base);
  void putc(char c);

 private:
  volatile uint32_t* reg(uint32_t offset) const {
    return reinterpret_cast<volatile uint32_t*>(base_ + offset);
  }

  uint64_t base_ = 0;
};
