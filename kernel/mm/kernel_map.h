// The kernel's final page table: the direct map of all RAM at
// kKernelVirtBase + PA, with the kernel image inside it mapped by section
// (text RX, rodata R, data/bss RW: no page both writable and executable), a
// guard page left unmapped under the boot stack, and device MMIO mapped RW.
// Nothing is identity-mapped: the low half belongs to user space.
#pragma once

#include <cstdint>
#include <span>

#include "kernel/arch/riscv/cpu_pte.h"
#include "kernel/kext/pa.h"
#include "kernel/lib/result.h"
#include "kernel/mm/addr.h"

struct KernelLayout {
  PhysAddr text;         // first byte of kernel text (the image start)
  PhysAddr text_end;     // end of text = start of rodata (page-aligned)
  PhysAddr rodata_end;   // end of rodata = start of data (page-aligned)
  PhysAddr image_end;    // end of data/bss (page-aligned)
  PhysAddr stack_guard;  // one page left unmapped (null: none)
  std::span<const PaRegion> ram;   // direct-mapped RW (must contain the image)
  std::span<const PaRegion> mmio;  // mapped RW, never executable
};

// Fills the empty table `pt` (kernel mappings: global, not user).
// Errors: kInvalidArgument (unaligned section bounds, image not inside one
// RAM region), and whatever the engine reports (kNoMemory, ...).
Status kernel_map_build(PageTable& pt, const KernelLayout& layout);
