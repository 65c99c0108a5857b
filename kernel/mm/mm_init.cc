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
#include "kernel/arch/riscv/percpu.h"
#include "kernel/mm/aspace.h"
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
MmSpaces g_spaces;

// Harts that may cache translations (bit = hart id): SMP bring-up adds each
// hart as it comes online; every narrowing change is fenced on the others.
uint64_t g_online_harts = 0;

uint64_t other_harts() {
  const uint64_t all = __atomic_load_n(&g_online_harts, __ATOMIC_ACQUIRE);
  return all & ~(uint64_t{1} << this_cpu()->hart_id);
}

// The other harts that may hold translations of `asid`. Every address-space
// switch flushes the whole TLB (sched.cc), so for a process's space those
// are the harts running it now (Cpu::asid; stable under the BKL, which every
// page-table change holds). The kernel's own table (asid 0) is everyone's.
uint64_t harts_running(uint16_t asid) {
  const uint64_t others = other_harts();
  if (asid == 0) return others;
  uint64_t mask = 0;
  for (uint32_t i = 0; i < kMaxHarts; ++i) {
    const Cpu* c = cpu_at(i);
    if (((others >> c->hart_id) & 1) != 0 && __atomic_load_n(&c->asid, __ATOMIC_ACQUIRE) == asid) {
      mask |= uint64_t{1} << c->hart_id;
    }
  }
  return mask;
}

void flush_remote(void*, uint16_t asid, VirtAddr va) {
  const uint64_t others = harts_running(asid);
  if (others == 0) {
    return;
  }
  if (va == kFlushAllVa) {
    sbi_remote_sfence_vma(others, 0, 0, ~uint64_t{0});
  } else {
    sbi_remote_sfence_vma(others, 0, va.value(), kPageSize);
  }
}

// A page became executable: instruction fetch is not coherent with stores
// (unprivileged spec, Zifencei), so every hart must fence.i before running it.
void icache_sync(void*) {
  asm volatile("fence.i" ::: "memory");
  const uint64_t others = other_harts();
  if (others != 0) {
    sbi_remote_fence_i(others, 0);
  }
}

uint64_t pa_of(const char* sym) { return kpa(reinterpret_cast<uint64_t>(sym)); }

bool overlaps(const PaRegion& a, const PaRegion& b) {
  return a.base.value() < b.base.value() + b.size && b.base.value() < a.base.value() + a.size;
}
}  // namespace

PageTable& kernel_page_table() { return g_kernel_pt; }

MmSpaces& mm_spaces() { return g_spaces; }

void mm_hart_online(uint32_t hart_id) {
  if (hart_id < 64) {
    __atomic_fetch_or(&g_online_harts, uint64_t{1} << hart_id, __ATOMIC_RELEASE);
  }
}

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
  Status pst = pa_init(memory, std::span<const PaRegion>(g_reserved, nres),
                      std::span<pa_quantum>(quanta, meta_bytes / sizeof(pa_quantum)));
  if (pst != Status::kOk) {
    kpanic("mm: pa_init: %s", status_name(pst));
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
  // The kernel half's L1 tables exist from the start and are never freed, so
  // every address space can share them (mm_mcreate copies the root slots).
  Status st = mm_kernel_template_prepare(g_kernel_pt);
  if (st != Status::kOk) {
    kpanic("mm: kernel template: %s", status_name(st));
  }
  g_kernel_pt.keep_kernel_tables = true;
  mm_hart_online(this_cpu()->hart_id);

  PaRegion mmio[4];
  uint32_t nmmio = 0;
  if (info.has_uart) mmio[nmmio++] = PaRegion{PhysAddr(info.uart.base), info.uart.size};
  if (info.has_plic) mmio[nmmio++] = PaRegion{PhysAddr(info.plic.base), info.plic.size};
  if (info.has_finisher) mmio[nmmio++] = PaRegion{PhysAddr(info.finisher_base), kPageSize};
  if (info.has_rtc) mmio[nmmio++] = PaRegion{PhysAddr(info.rtc_base), kPageSize};
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
  st = mm_spaces_init(&g_spaces, &g_kernel_pt, &pa_global(), kKernelVirtBase,
                      IcacheHook{icache_sync, nullptr});
  if (st != Status::kOk) {
    kpanic("mm: address spaces: %s", status_name(st));
  }
}
