// mm_init: the order is forced. pa needs its metadata array, which is placed
// right after the kernel image and reserved with it; the kernel page table's
// pages come from pa; the heap comes last. Until the satp write the early
// table (entry.S) is live, and it maps the same direct-map addresses.
#include "kernel/mm/mm_init.h"

#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/sbi.h"
#include "kernel/console/console.h"
#include "kernel/kext/pa.h"
#include "kernel/lib/panic.h"
#include "kernel/mm/kernel_map.h"
#include "kernel/mm/kheap.h"
#include "kernel/mm/pa_table_source.h"

namespace {
constexpr uint32_t kMaxRegions = kBootMaxMemoryRegions + kBootMaxReservedRegions + 2;

PaRegion g_memory[kBootMaxMemoryRegions];
PaRegion g_reserved[kMaxRegions];
PaTableSource g_table_source;
PtAllocator g_table_alloc;
TlbHooks g_tlb;
PageTable g_kernel_pt;
MmBootReservations g_boot_res;

// Other harts that may cache kernel translations. None run yet: SMP bring-up
// registers them here, and every narrowing change is then fenced on them.
uint64_t g_remote_hart_mask = 0;

void flush_remote(void*, uint16_t, VirtAddr va) {
  if (g_remote_hart_mask == 0) {
    return;
  }
  if (va == kFlushAllVa) {
    sbi_remote_sfence_vma(g_remote_hart_mask, 0, 0, ~uint64_t{0});
  } else {
    sbi_remote_sfence_vma(g_remote_hart_mask, 0, va.value(), kPageSize);
  }
}

uint64_t pa_of(const char* sym) { return kpa(reinterpret_cast<uint64_t>(sym)); }

bool overlaps(const PaRegion& a, const PaRegion& b) {
  return a.base.value() < b.base.value() + b.size && b.base.value() < a.base.value() + a.size;
}
}  // namespace

PageTable& kernel_page_table() { return g_kernel_pt; }

const MmBootReservations& mm_boot_reservations() { return g_boot_res; }

void mm_init(const BootInfo& info) {
  for (uint32_t i = 0; i < info.memory_count; ++i) {
    g_memory[i] = PaRegion{PhysAddr(info.memory[i].base), info.memory[i].size};
  }
  const std::span<const PaRegion> memory(g_memory, info.memory_count);
  uint32_t nres = 0;
  for (uint32_t i = 0; i < info.reserved_count; ++i) {
    g_reserved[nres++] = PaRegion{PhysAddr(info.reserved[i].base), info.reserved[i].size};
  }

  const uint64_t image_lo = pa_of(__kernel_start);
  const uint64_t image_hi = pa_of(__kernel_end);
  g_boot_res.image = PaRegion{PhysAddr(image_lo), image_hi - image_lo};
  g_reserved[nres++] = g_boot_res.image;

  // pa's metadata goes right after the image; it must not land on anything
  // the device tree reserved (the firmware, the device tree, an initrd).
  const uint64_t meta_bytes = align_up(PhysAllocator::metadata_bytes(memory), kPageSize);
  g_boot_res.metadata = PaRegion{PhysAddr(image_hi), meta_bytes};
  for (uint32_t i = 0; i + 1 < nres; ++i) {
    if (overlaps(g_boot_res.metadata, g_reserved[i])) {
      kpanic("mm: pa metadata [0x%lx, +0x%lx) overlaps reserved [0x%lx, +0x%lx)", image_hi,
             meta_bytes, g_reserved[i].base.value(), g_reserved[i].size);
    }
  }
  g_reserved[nres++] = g_boot_res.metadata;

  auto* quanta = kva_ptr<pa_quantum>(image_hi);
  Status st = pa_init(memory, std::span<const PaRegion>(g_reserved, nres),
                      std::span<pa_quantum>(quanta, meta_bytes / sizeof(pa_quantum)));
  if (st != Status::kOk) {
    kpanic("mm: pa_init: %s", status_name(st));
  }
  g_boot_res.free_at_init = mem_free_size();
  g_boot_res.reserved_at_init = mem_reserved_size();
  kprintf("pa: %lu KiB free, %lu KiB reserved, of %lu KiB managed\n", mem_free_size() >> 10,
          mem_reserved_size() >> 10, pa_global().managed_size() >> 10);

  g_table_source = PaTableSource{&pa_global(), kKernelVirtBase, 0};
  g_table_alloc = pa_table_allocator(&g_table_source);
  g_tlb = TlbHooks{cpu_tlb_flush_local, flush_remote, nullptr};
  Result<PageTable> pt = cpu_pgdir_create(&g_table_alloc, &g_tlb, 0);
  if (!pt.ok()) {
    kpanic("mm: kernel page table: %s", status_name(pt.status()));
  }
  g_kernel_pt = pt.value();

  PaRegion mmio[3];
  uint32_t nmmio = 0;
  if (info.has_uart) mmio[nmmio++] = PaRegion{PhysAddr(info.uart.base), info.uart.size};
  if (info.has_plic) mmio[nmmio++] = PaRegion{PhysAddr(info.plic.base), info.plic.size};
  if (info.has_finisher) mmio[nmmio++] = PaRegion{PhysAddr(info.finisher_base), kPageSize};
  const KernelLayout layout{
      .text = PhysAddr(image_lo),
      .text_end = PhysAddr(pa_of(__text_end)),
      .rodata_end = PhysAddr(pa_of(__rodata_end)),
      .image_end = PhysAddr(align_up(image_hi, kPageSize)),
      .stack_guard = PhysAddr(pa_of(boot_stack_guard)),
      .ram = memory,
      .mmio = std::span<const PaRegion>(mmio, nmmio),
  };
  st = kernel_map_build(g_kernel_pt, layout);
  if (st != Status::kOk) {
    kpanic("mm: kernel page table: %s", status_name(st));
  }
  // Sv39 mode (8) and the root's PPN (privileged spec 4.1.11).
  const uint64_t satp = (8ull << 60) | (g_kernel_pt.root.value() >> 12);
  asm volatile("sfence.vma zero, zero\n csrw satp, %0\n sfence.vma zero, zero" ::"r"(satp)
               : "memory");
  kprintf("mm: kernel page table 0x%lx: text RX, rodata R, data RW, %lu table pages\n",
          g_kernel_pt.root.value(), g_table_source.live_tables);

  st = kheap_init(PageSource{&pa_global(), kKernelVirtBase});
  if (st != Status::kOk) {
    kpanic("mm: kernel heap: %s", status_name(st));
  }
}
