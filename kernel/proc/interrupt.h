// Interrupts for user-space drivers (QNX's InterruptAttachEvent,
// InterruptMask, InterruptUnmask, InterruptDetach). A process with I/O
// privilege (QRV_FLG_PROC_IO_PRIV) attaches an interrupt source with an
// event. When the source fires, the kernel masks it and sends the event (a
// pulse to the driver's channel, or a signal); the driver services its
// device in user space and unmasks the source. Nothing of the driver runs in
// the kernel. One attachment per source (no sharing: EBUSY). A dying
// process's attachments go with it. Under the big kernel lock.
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/trap.h"

struct tProcess;

// InterruptAttachEvent(intr, const sigevent*, flags) -> id (> 0).
// Errors: EPERM (no I/O privilege), EFAULT, EINVAL (no such source, bad
// event or flags), EBUSY (attached already), EAGAIN (table full).
int64_t ker_interrupt_attach_event(TrapFrame& f);
// InterruptMask / InterruptUnmask(intr, id) -> the mask count after it; the
// source is live while the count is 0. A fired interrupt counts one.
// Errors: EINVAL (not an attachment of the caller's, or intr not its source).
int64_t ker_interrupt_mask(TrapFrame& f);
int64_t ker_interrupt_unmask(TrapFrame& f);
// InterruptDetach(id) -> 0. Errors: EINVAL.
int64_t ker_interrupt_detach(TrapFrame& f);

// Detaches everything `proc` attached (its teardown).
void interrupt_process_teardown(tProcess* proc);

// Live attachments (leak accounting).
uint32_t interrupt_attachments();
