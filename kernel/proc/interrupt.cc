// The user-interrupt table and its kernel calls (interrupt.h). Masking is
// the source's PLIC priority (0: never raised), so it holds on every hart
// at once; the pending bit keeps a request that arrives while masked, and
// the unmask raises it.
#include "kernel/proc/interrupt.h"

#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/ipc/pulse.h"
#include "kernel/proc/irq.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {

constexpr uint32_t kMaxAttachments = 32;
constexpr uint32_t kKnownFlags = QRV_NTO_INTR_FLAGS_TRK_MSK;  // counts are always tracked

struct Attachment {
  tProcess* proc = nullptr;  // nullptr: free
  uint32_t irq = 0;
  uint32_t masks = 0;        // InterruptMask calls and fired interrupts not yet unmasked
  uint8_t priority = 0;      // of the attaching thread: the pulse's when the event says -1
  qrv_sigevent event = {};
};

Attachment g_attach[kMaxAttachments];

// The interrupt fired: mask it until the driver has serviced the device,
// and tell the driver. If the event cannot be sent (the driver's pulse
// queue is full), the source stays masked: a level-triggered source left
// live would fire again at once, forever.
void fire(uint32_t irq, void* ctx) {
  auto* a = static_cast<Attachment*>(ctx);
  if (a->masks++ == 0) irq_mask(irq);
  (void)event_send(a->proc, a->event, a->priority, QRV_SI_KERNEL, 0);
}

Attachment* lookup(const tProcess* proc, int64_t id) {
  if (id < 1 || id > kMaxAttachments) return nullptr;
  Attachment* a = &g_attach[id - 1];
  return a->proc == proc ? a : nullptr;
}

void release(Attachment* a) {
  irq_detach(a->irq);
  *a = Attachment{};
}

int64_t change_mask(TrapFrame& f, bool mask) {
  Attachment* a = lookup(sched_current()->proc, static_cast<int64_t>(f.arg(1)));
  if (a == nullptr || f.arg(0) != a->irq) return -QRV_EINVAL;
  if (mask) {
    if (a->masks++ == 0) irq_mask(a->irq);
  } else if (a->masks > 0 && --a->masks == 0) {
    irq_unmask(a->irq);
  }
  return a->masks;
}

}  // namespace

int64_t ker_interrupt_attach_event(TrapFrame& f) {
  tThread* cur = sched_current();
  if ((cur->proc->flags & QRV_FLG_PROC_IO_PRIV) == 0) return -QRV_EPERM;
  qrv_sigevent ev;
  if (f.arg(1) == 0 || !copy_from_user(&ev, f.arg(1), sizeof ev)) return -QRV_EFAULT;
  if ((f.arg(2) & ~uint64_t{kKnownFlags}) != 0 || event_validate(ev, /*unblock_ok=*/false) != 0) return -QRV_EINVAL;
  const uint64_t irq = f.arg(0);
  Attachment* slot = nullptr;
  for (Attachment& a : g_attach) {
    if (a.proc != nullptr && a.irq == irq) return -QRV_EBUSY;
    if (a.proc == nullptr && slot == nullptr) slot = &a;
  }
  if (slot == nullptr) return -QRV_EAGAIN;
  if (irq == 0 || irq > UINT32_MAX) return -QRV_EINVAL;
  *slot = Attachment{cur->proc, static_cast<uint32_t>(irq), 0, cur->priority_, ev};
  if (!irq_attach(slot->irq, fire, slot)) {  // no such source, or the kernel's own
    *slot = Attachment{};
    return -QRV_EINVAL;
  }
  return slot - g_attach + 1;
}

int64_t ker_interrupt_mask(TrapFrame& f) { return change_mask(f, true); }
int64_t ker_interrupt_unmask(TrapFrame& f) { return change_mask(f, false); }

int64_t ker_interrupt_detach(TrapFrame& f) {
  Attachment* a = lookup(sched_current()->proc, static_cast<int64_t>(f.arg(0)));
  if (a == nullptr) return -QRV_EINVAL;
  release(a);
  return 0;
}

void interrupt_process_teardown(tProcess* proc) {
  for (Attachment& a : g_attach) {
    if (a.proc == proc) release(&a);
  }
}

uint32_t interrupt_attachments() {
  uint32_t n = 0;
  for (const Attachment& a : g_attach) n += a.proc != nullptr;
  return n;
}
