// Device interrupts in the kernel: handlers attached by irq number, run from
// the PLIC when a hart takes (or, idle, polls) its external interrupt. Runs
// under the big kernel lock. User-space drivers build on this with events
// (kernel/proc/interrupt.h).
#pragma once

#include <cstdint>

#include "kernel/dev/plic.h"
#include "kernel/lib/boot_info.h"

using IrqHandler = void (*)(uint32_t irq, void* ctx);

// Sets up the PLIC the device tree names (no-op without one).
void irq_init(const BootInfo& info);
// Lets this hart take external interrupts (each hart, once).
void irq_init_hart();

// Routes `irq` to `handler` on the calling hart. Returns false for an irq the
// PLIC does not have or one already attached.
bool irq_attach(uint32_t irq, IrqHandler handler, void* ctx);
void irq_detach(uint32_t irq);

// Masks (priority 0: the PLIC raises it on no hart) and unmasks an attached
// source; a request that arrives while masked stays pending.
void irq_mask(uint32_t irq);
void irq_unmask(uint32_t irq);

// Claims and handles every interrupt pending for this hart.
void irq_dispatch();

Plic& irq_plic();
