// SMP bring-up and cross-hart calls. smp_init starts every other hart of the
// device tree through SBI HSM (hart_start, SBI spec chapter 9) on its own
// kernel stack (from pa, with an unmapped guard page under it); each runs
// trap_init and then its idle loop, which sleeps in wfi with interrupts
// masked and wakes on a software interrupt (SBI IPI extension, chapter 7).
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/percpu.h"
#include "kernel/lib/boot_info.h"

// Starts the other harts and waits (bounded) until each is online. Returns
// how many harts are online, the boot hart included.
uint32_t smp_init(const BootInfo& info, uint64_t kernel_satp);

// Sends a software interrupt to `cpu`, marked in cpu->ipi_requested first
// (the big kernel lock's parked waiters share the SSIP bit: hart_park.h).
void smp_send_ipi(Cpu* cpu);

// Runs fn(arg) once on `cpu` from its idle loop (outside the big kernel
// lock); returns false if that hart already has a call pending. Completion
// is signalled by fn itself.
bool smp_call(Cpu* cpu, void (*fn)(void*), void* arg);

// Runs the call posted for this hart, if any (from its idle loop, without
// the big kernel lock). Returns whether there was one.
bool smp_poll_calls();

// Provided by the scheduler (kernel/proc), called on each secondary hart:
// set up its idle thread, then run threads forever.
void sched_init_hart();
[[noreturn]] void sched_secondary_idle();

// The kernel page table's root, as satp, for harts that come online later.
uint64_t smp_kernel_satp();
