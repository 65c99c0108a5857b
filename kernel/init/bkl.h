// The big kernel lock: one fair ticket lock serialising kernel work across
// harts (QRV's SMP model until finer locks pay for themselves). Kernel calls
// and traps from user mode take it; a thread switch hands it to the next
// thread, which drops it on its way back to user mode or into idle. A hart
// that waits long parks in wfi until its turn (hart_park.h).
#pragma once

#include "kernel/arch/riscv/hart_park.h"
#include "kernel/lib/ticket_lock.h"

using BigKernelLock = BasicTicketLock<HartPark>;

extern constinit BigKernelLock g_bkl;  // bkl.cc; use bkl()

inline BigKernelLock& bkl() { return g_bkl; }
