// RISC-V Platform-Level Interrupt Controller (PLIC spec v1.0.0): routes
// device interrupts to each hart's S-mode external interrupt. Register map:
//   base + 4*irq                       priority (0 = never delivered)
//   base + 0x2000 + 0x80*ctx           enable bits, one per irq
//   base + 0x200000 + 0x1000*ctx       priority threshold
//   base + 0x200004 + 0x1000*ctx       claim (read) / complete (write)
// The device tree's interrupts-extended says which context is each hart's
// S-mode one (BootInfo::plic.s_context). On QEMU's virt board it is 2*h + 1
// (the M-mode one, 2*h, stays the firmware's), the default s_context() gives;
// on sifive_u, whose hart 0 has only an M-mode context, it is 2*h.
#pragma once

#include <cstdint>

class Plic {
 public:
  // `base` is a kernel virtual address; `ndev` the number of sources.
  void init(uint64_t base, uint32_t ndev);
  bool ready() const { return base_ != 0; }

  static uint32_t s_context(uint32_t hart_id) { return 2 * hart_id + 1; }

  void set_priority(uint32_t irq, uint32_t priority);
  void set_enabled(uint32_t context, uint32_t irq, bool on);
  void set_threshold(uint32_t context, uint32_t threshold);
  // The highest-priority pending irq for `context`, now in service; 0 if none.
  uint32_t claim(uint32_t context);
  void complete(uint32_t context, uint32_t irq);

 private:
  volatile uint32_t* reg(uint64_t offset) const {
    return reinterpret_cast<volatile uint32_t*>(base_ + offset);
  }

  uint64_t base_ = 0;
  uint32_t ndev_ = 0;
};
