// What address spaces keep in their page tables beyond the hardware's bits,
// shared by aspace.cc and aspace_copy.cc (private to kernel/mm): the
// software PTE bits and how a table page is reached.
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/cpu_pte.h"
#include "kernel/mm/page_table.h"

namespace aspace_pte {

// RSW bit 8, ignored by hardware (privileged spec 4.4.1): the page behind
// this leaf came from pa through mm_map_anon and is freed with the mapping.
inline constexpr uint64_t kPteOwned = 1ull << 8;
// RSW bit 9: device memory (mm_map_device). Message transfers go through the
// direct map, which covers RAM only: they refuse such pages.
inline constexpr uint64_t kPteDevice = 1ull << 9;
inline constexpr uint32_t kFirstKernelSlot = sv39::kEntries / 2;  // root slot of 0xffff_ffc0_0000_0000

inline uint64_t* table_at(const PageTable& pt, PhysAddr table) {
  return static_cast<uint64_t*>(pt.alloc->phys_to_virt(pt.alloc->ctx, table));
}

}  // namespace aspace_pte
