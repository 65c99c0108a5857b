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

// Stacks of the common size (kStackCachePages) are kept, guard and all, in
// a small cache when freed and handed out again first: cutting a guard out
// of the direct map splits a large leaf and shoots down every hart's TLB,
// the bulk of creating a thread otherwise. Under the big kernel lock.
inline constexpr uint64_t kStackCachePages = 4;
inline constexpr uint32_t kStackCacheSize = 32;

Result<KernelStack> kstack_alloc(uint64_t pages);
void kstack_free(const KernelStack& stack);

// Gives every cached stack back to pa (before leak accounting: a cache is
// not a leak).
void kstack_cache_reap();
