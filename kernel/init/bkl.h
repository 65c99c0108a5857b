// The big kernel lock: one fair ticket lock serialising kernel work across
// harts (QRV's SMP model until finer locks pay for themselves). Trap entry
// from user mode takes it and trap return drops it.
#pragma once

#include "kernel/lib/ticket_lock.h"

TicketLock& bkl();
