// The kernel's view of the Sv39 address space (see ARCHITECTURE.md):
//
//   0x0000_0000_0000_0000 .. 0x0000_003f_ffff_ffff  user (L2 slots 0..255)
//   0xffff_ffc0_0000_0000 ..                        kernel direct map: VA = KERNEL_VIRT_BASE + PA
//   0xffff_ffc0_8020_0000                           kernel image (qemu_virt), inside the direct map
//
// Before entry.S jumps to the high half the kernel runs at its physical
// address; anything stored then must go through kva().
#pragma once

#include <cstdint>

#include "kernel/mm/addr.h"

// The seed's name for the direct-map base (kernel/mm/addr.h holds the value).
inline constexpr uint64_t KERNEL_VIRT_BASE = kKernelVirtBase;

// Physical address -> kernel direct-map virtual address.
inline constexpr uint64_t kva(uint64_t pa) { return pa + KERNEL_VIRT_BASE; }

template <typename T>
inline T* kva_ptr(uint64_t pa) {
  return reinterpret_cast<T*>(kva(pa));
}

// Kernel direct-map virtual address -> physical address.
inline constexpr uint64_t kpa(uint64_t va) { return va - KERNEL_VIRT_BASE; }

// Linker-script symbols (kernel.ld).
extern "C" char __kernel_start[], __text_end[], __rodata_end[], __kernel_end[];
extern "C" char __bss_start[], __bss_end[];
extern "C" char boot_stack_guard[], boot_stack_bottom[], boot_stack_top[];
