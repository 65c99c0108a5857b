// The irq table and the claim/complete loop.
#include "kernel/proc/irq.h"

#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/percpu.h"

namespace {
constexpr uint32_t kMaxIrqs = 1024;  // PLIC spec limit
constexpr uint64_t kSieSeie = 1u << 9;

struct Slot {
  IrqHandler handler;
  void* ctx;
};
Slot g_slots[kMaxIrqs];
Plic g_plic;
uint32_t g_ndev = 0;

// Each hart's S-mode PLIC context, from the device tree (BootInfo's plic.s_context).
uint64_t g_context_hart[kBootMaxHarts];
uint32_t g_context[kBootMaxHarts];
uint32_t g_context_count = 0;

uint32_t s_context(uint32_t hart_id) {
  for (uint32_t i = 0; i < g_context_count; ++i) {
    if (g_context_hart[i] == hart_id) return g_context[i];
  }
  return Plic::s_context(hart_id);
}
}  // namespace

Plic& irq_plic() { return g_plic; }

void irq_init(const BootInfo& info) {
  if (!info.has_plic) return;
  g_ndev = info.plic.ndev != 0 && info.plic.ndev < kMaxIrqs ? info.plic.ndev : kMaxIrqs - 1;
  g_plic.init(kva(info.plic.base), g_ndev);
  for (uint32_t i = 0; i < info.hart_count; ++i) {
    g_context_hart[i] = info.hart_ids[i];
    g_context[i] = info.plic.s_context[i];
  }
  g_context_count = info.hart_count;
}

void irq_init_hart() {
  if (!g_plic.ready()) return;
  g_plic.set_threshold(s_context(this_cpu()->hart_id), 0);
  asm volatile("csrs sie, %0" ::"r"(kSieSeie));
}

bool irq_attach(uint32_t irq, IrqHandler handler, void* ctx) {
  if (!g_plic.ready() || irq == 0 || irq > g_ndev || g_slots[irq].handler != nullptr) return false;
  g_slots[irq] = Slot{handler, ctx};
  g_plic.set_priority(irq, 1);
  g_plic.set_enabled(s_context(this_cpu()->hart_id), irq, true);
  return true;
}

void irq_detach(uint32_t irq) {
  if (!g_plic.ready() || irq == 0 || irq > g_ndev) return;
  for (uint32_t i = 0; i < cpu_count(); ++i) {
    g_plic.set_enabled(s_context(cpu_at(i)->hart_id), irq, false);
  }
  g_plic.set_priority(irq, 0);
  g_slots[irq] = Slot{nullptr, nullptr};
}

void irq_mask(uint32_t irq) {
  if (g_plic.ready() && irq != 0 && irq <= g_ndev) g_plic.set_priority(irq, 0);
}

void irq_unmask(uint32_t irq) {
  if (g_plic.ready() && irq != 0 && irq <= g_ndev && g_slots[irq].handler != nullptr) g_plic.set_priority(irq, 1);
}

void irq_dispatch() {
  if (!g_plic.ready()) return;
  const uint32_t ctx = s_context(this_cpu()->hart_id);
  while (const uint32_t irq = g_plic.claim(ctx)) {
    if (irq <= g_ndev && g_slots[irq].handler != nullptr) {
      g_slots[irq].handler(irq, g_slots[irq].ctx);
    }
    g_plic.complete(ctx, irq);
  }
}
