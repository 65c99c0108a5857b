// The page-table engine's interface to the rest of the kernel: protections,
// map flags, where table pages come from (PtAllocator) and how stale
// translations are shot down (TlbHooks). The arch engine (cpu_pte) is
// written against these only, so it runs on the host over simulated memory.
#pragma once

#include <cstdint>

#include "kernel/lib/result.h"
#include "kernel/mm/addr.h"

// Protection bits (arch-neutral). Write implies read on every mapping.
inline constexpr uint32_t kProtRead = 1u << 0;
inline constexpr uint32_t kProtWrite = 1u << 1;
inline constexpr uint32_t kProtExec = 1u << 2;
inline constexpr uint32_t kProtUser = 1u << 3;  // user-accessible; otherwise kernel + global

// Map flags.
inline constexpr uint32_t kMapLargest = 1u << 0;  // use 1 GiB / 2 MiB leaves where they fit

// Table pages: alloc_table returns a page-aligned physical page (its contents
// need not be zeroed: the engine clears it); phys_to_virt gives a pointer
// the engine can read and write it through. All three are required.
struct PtAllocator {
  Result<PhysAddr> (*alloc_table)(void* ctx);
  void (*free_table)(void* ctx, PhysAddr table);
  void* (*phys_to_virt)(void* ctx, PhysAddr table);
  void* ctx;
};

// Passed as `va` to mean "every address" (needed after a non-leaf change).
inline constexpr VirtAddr kFlushAllVa = VirtAddr(~uint64_t{0});

// TLB shootdown points. flush_local runs after every leaf change on this
// hart; flush_remote after every change that removes or narrows a valid
// translation, for the other harts that may run `asid`. Both required.
struct TlbHooks {
  void (*flush_local)(void* ctx, VirtAddr va);
  void (*flush_remote)(void* ctx, uint16_t asid, VirtAddr va);
  void* ctx;
};
