// Page-table pages from pa: the PtAllocator the kernel hands the Sv39
// engine. Table pages are reached at PA + virt_offset (the direct map on the
// board, kKernelVirtBase; a host buffer's offset in tests).
#pragma once

#include <cstdint>

#include "kernel/kext/pa.h"
#include "kernel/mm/page_table.h"

struct PaTableSource {
  PhysAllocator* pa = nullptr;
  uint64_t virt_offset = 0;
  uint64_t live_tables = 0;  // allocated and not yet freed (leak checks)
};

// The allocator reads *src on every call; src must outlive it.
PtAllocator pa_table_allocator(PaTableSource* src);
