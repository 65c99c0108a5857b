// Boot-time memory setup on the board: pa over the device tree's RAM minus
// everything reserved, the final kernel page table, the kernel heap.
#pragma once

#include "kernel/arch/riscv/cpu_pte.h"
#include "kernel/kext/pa.h"
#include "kernel/lib/boot_info.h"

// Panics (with the reason) if memory cannot be set up: nothing can run then.
void mm_init(const BootInfo& info);

// The kernel's page table (the template every address space shares).
PageTable& kernel_page_table();

// Process address spaces (mm_mcreate and friends) over that template.
struct MmSpaces;
MmSpaces& mm_spaces();

// Adds a hart to those whose TLBs and instruction caches are kept coherent.
void mm_hart_online(uint32_t hart_id);

// What mm_init reserved besides the device tree's reservations.
struct MmBootReservations {
  PaRegion image;     // the kernel image
  PaRegion metadata;  // pa's pa_quantum array
  uint64_t free_at_init;      // pa's free bytes right after pa_init
  uint64_t reserved_at_init;  // and its reserved bytes (these never change)
};
const MmBootReservations& mm_boot_reservations();
