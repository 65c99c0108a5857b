// PLIC register access; out-of-range irqs and contexts are ignored (callers
// come from the device tree, which is checked, but a bad one must not write
// outside the device).
#include "kernel/dev/plic.h"

namespace {
constexpr uint32_t kMaxContexts = 15872;  // PLIC spec limit
}  // namespace

void Plic::init(uint64_t base, uint32_t ndev) {
  base_ = base;
  ndev_ = ndev;
}

void Plic::set_priority(uint32_t irq, uint32_t priority) {
  if (irq == 0 || irq > ndev_) return;
  *reg(4ull * irq) = priority;
}

void Plic::set_enabled(uint32_t context, uint32_t irq, bool on) {
  if (irq == 0 || irq > ndev_ || context >= kMaxContexts) return;
  volatile uint32_t* word = reg(0x2000 + 0x80ull * context + 4ull * (irq / 32));
  const uint32_t bit = 1u << (irq % 32);
  *word = on ? (*word | bit) : (*word & ~bit);
}

void Plic::set_threshold(uint32_t context, uint32_t threshold) {
  if (context >= kMaxContexts) return;
  *reg(0x200000 + 0x1000ull * context) = threshold;
}

uint32_t Plic::claim(uint32_t context) {
  if (context >= kMaxContexts) return 0;
  return *reg(0x200004 + 0x1000ull * context);
}

void Plic::complete(uint32_t context, uint32_t irq) {
  if (context >= kMaxContexts) return;
  *reg(0x200004 + 0x1000ull * context) = irq;
}
