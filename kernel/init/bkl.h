// The big kernel lock: one fair ticket lock serialising kernel work across
// harts (QRV's SMP model until finer locks pay for themselves). Kernel calls
// and traps from user mode take it; a thread switch hands it to the next
// thread, which drops it on its way back to user mode or into idle.
#pragma once

#include "kernel/lib/ticket_lock.h"

extern constinit TicketLock g_bkl;  // bkl.cc; use bkl()

inline TicketLock& bkl() { return g_bkl; }
