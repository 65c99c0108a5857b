// Kernel stacks with a guard page: `pages` pages of stack above one page that
// is cut out of the direct map, so an overflow faults instead of silently
// corrupting whatever pa handed out below. Freeing maps the guard back
// before the memory returns to pa.
#pragma once

#include <cstdint>

#include "kernel/lib/result.h"
#include "kernel/mm/addr.h"

struct KernelStack {
  PhysAddr base;    // the guard page; the stack is the pages above it
  uint64_t pages;   // stack pages (guard not counted)
  uint64_t lo() const { return base.value() + kPageSize + kKernelVirtBase; }  // lowest stack byte (VA)
  uint64_t top() const { return lo() + pages * kPageSize; }                     // initial sp (VA)
};

Result<KernelStack> kstack_alloc(uint64_t pages);
void kstack_free(const KernelStack& stack);
