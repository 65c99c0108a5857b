// Whole-kernel checks for tests: the consistency of the queues and lists
// that tie threads, channels, connections and timers together, and leak
// accounting (live objects, heap bytes and free memory against a baseline).
// Both run with the big kernel lock held.
#pragma once

#include "kernel/abi/types.h"

// nullptr if every invariant holds, else the first broken one: pa_check,
// the ready queue, each channel's send queue, receivers, reply list, server
// list and connections, the pulse counts, the timer queue against the
// timers the threads and processes say are armed, and that no page table
// but taskman's has its root slot (L2[3]), except a child's while its loader
// runs (the taskman view, gone once the loading ends), and that no two
// address spaces share an ASID.
const char* kernel_check();

// The kernel's live objects and memory now, after the heap and the
// address-space cache gave back their empty slabs (caches are not leaks).
qrv_kernel_counts leak_baseline();

// Compares the kernel with `base`; prints each difference, tagged with
// `what`, and returns whether there was none.
bool leak_check(const qrv_kernel_counts& base, const char* what);
