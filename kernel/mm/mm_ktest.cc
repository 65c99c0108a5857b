// In-kernel tests of memory on the real board: pa's accounting matches the
// device tree to the quantum, its invariants hold, the final kernel page
// table enforces section permissions, the guard page and the absence of the
// boot identity map, and new mappings can be made, touched and removed.
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/trap.h"
#include "kernel/init/payload.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/kheap.h"
#include "kernel/mm/kstack.h"
#include "kernel/mm/mm_init.h"
#include "testing/ktest/ktest.h"

namespace {
bool in(uint64_t q, uint64_t base, uint64_t size) { return q >= base && q - base < size; }

// Quanta of RAM covered by any reservation, counted the slow, obvious way.
uint64_t expected_reserved_quanta(const BootInfo& info) {
  const MmBootReservations& res = mm_boot_reservations();
  uint64_t n = 0;
  for (uint32_t m = 0; m < info.memory_count; ++m) {
    const uint64_t lo = align_up(info.memory[m].base, kPageSize);
    const uint64_t hi = align_down(info.memory[m].base + info.memory[m].size, kPageSize);
    for (uint64_t q = lo; q < hi; q += kPageSize) {
      bool reserved = false;
      for (uint32_t r = 0; r < info.reserved_count && !reserved; ++r) {
        const uint64_t rlo = align_down(info.reserved[r].base, kPageSize);
        const uint64_t rhi = align_up(info.reserved[r].base + info.reserved[r].size, kPageSize);
        reserved = in(q, rlo, rhi - rlo);
      }
      reserved = reserved || in(q, res.image.base.value(), align_up(res.image.size, kPageSize)) ||
                 in(q, res.metadata.base.value(), res.metadata.size);
      n += reserved ? 1 : 0;
    }
  }
  return n;
}

// Runs `access` (a 4-byte load or store of `addr`) expecting `cause`.
#define QRV_EXPECT_FAULT(cause_, asm_body, addr_)                               \
  do {                                                                          \
    ExpectedTrap e_{.cause = (cause_), .resume_pc = 0, .hit = false, .stval = 0, .sepc = 0}; \
    uint64_t resume_;                                                           \
    asm volatile("lla %0, 1f" : "=r"(resume_));                                \
    e_.resume_pc = resume_;                                                     \
    uint64_t a_ = (addr_);                                                      \
    uint64_t v_ = 0;                                                            \
    trap_expect(&e_);                                                           \
    asm volatile(".option push\n.option norvc\n" asm_body "\n.option pop\n1:"   \
                 : "+r"(v_)                                                     \
                 : "r"(a_)                                                      \
                 : "memory");                                                   \
    trap_expect(nullptr);                                                       \
    KEXPECT(e_.hit);                                                            \
    KEXPECT_EQ(e_.stval, a_);                                                   \
  } while (0)
}  // namespace

KTEST(mm, pa_accounting_matches_the_device_tree_exactly) {
  const BootInfo& info = kernel_boot_info();
  uint64_t ram = 0;
  for (uint32_t m = 0; m < info.memory_count; ++m) ram += info.memory[m].size;
  KEXPECT_EQ(pa_global().managed_size(), ram);
  const MmBootReservations& res = mm_boot_reservations();
  KEXPECT_EQ(res.reserved_at_init, expected_reserved_quanta(info) * kPageSize);
  KEXPECT_EQ(res.free_at_init + res.reserved_at_init, pa_global().managed_size());
  KEXPECT_EQ(mem_reserved_size(), res.reserved_at_init);
}

KTEST(mm, pa_invariants_hold_after_allocations) {
  PaCheckReport before = pa_check();
  KEXPECT(before.ok);
  const uint64_t free0 = mem_free_size();
  Result<PhysAddr> one = pa_alloc(kPageSize, kPageSize, nullptr);
  Result<PhysAddr> big = pa_alloc(kMegaPageSize, kMegaPageSize, nullptr);
  KEXPECT(one.ok() && big.ok());
  KEXPECT(big.value().aligned(kMegaPageSize));
  KEXPECT_EQ(mem_free_size(), free0 - kPageSize - kMegaPageSize);
  KEXPECT(pa_check().ok);
  // Allocated memory is usable through the direct map.
  auto* p = kva_ptr<volatile uint64_t>(big.value().value() + kMegaPageSize - 8);
  *p = 0x0123456789abcdefull;
  KEXPECT_EQ(*p, 0x0123456789abcdefull);
  pa_free(one.value(), kPageSize);
  pa_free(big.value(), kMegaPageSize);
  KEXPECT_EQ(mem_free_size(), free0);
  KEXPECT(pa_check().ok);
}

KTEST(mm, kernel_text_and_rodata_are_not_writable) {
  QRV_EXPECT_FAULT(csr::kStorePageFault, "sd %0, 0(%1)", reinterpret_cast<uint64_t>(&mm_init));
  static const uint64_t constant = 42;
  QRV_EXPECT_FAULT(csr::kStorePageFault, "sd %0, 0(%1)", reinterpret_cast<uint64_t>(&constant));
  KEXPECT_EQ(constant, 42u);
}

KTEST(mm, boot_stack_guard_page_faults) {
  QRV_EXPECT_FAULT(csr::kLoadPageFault, "ld %0, 0(%1)",
                   reinterpret_cast<uint64_t>(boot_stack_guard) + 64);
}

KTEST(mm, boot_identity_map_is_gone) {
  QRV_EXPECT_FAULT(csr::kLoadPageFault, "ld %0, 0(%1)", kpa(reinterpret_cast<uint64_t>(__kernel_start)));
}

KTEST(mm, map_touch_unmap_a_new_kernel_page) {
  PageTable& pt = kernel_page_table();
  Result<PhysAddr> page = pa_alloc(kPageSize, kPageSize, nullptr);
  KEXPECT(page.ok());
  const VirtAddr va(0xffffffd000000000ull);  // outside the direct map
  KEXPECT_EQ(static_cast<int>(cpu_pte_map(pt, va, page.value(), kPageSize, kProtRead | kProtWrite, 0)),
             static_cast<int>(Status::kOk));
  *reinterpret_cast<volatile uint64_t*>(va.value() + 16) = 0x5152560a;
  KEXPECT_EQ(*kva_ptr<volatile uint64_t>(page.value().value() + 16), 0x5152560au);
  KEXPECT_EQ(static_cast<int>(cpu_pte_unmap(pt, va, kPageSize)), static_cast<int>(Status::kOk));
  QRV_EXPECT_FAULT(csr::kLoadPageFault, "ld %0, 0(%1)", va.value() + 16);
  pa_free(page.value(), kPageSize);
}

KTEST(mm, kernel_heap_allocates_and_frees) {
  const uint64_t free0 = mem_free_size();
  void* small[64];
  for (auto& p : small) {
    p = kmalloc(48);
    KEXPECT(p != nullptr);
  }
  for (auto& p : small) kfree(p, 48);
  void* large = kmalloc(3 * kPageSize);
  KEXPECT(large != nullptr);
  kfree(large, 3 * kPageSize);
  kheap().reap();
  KEXPECT_EQ(mem_free_size(), free0);
}

KTEST(mm, kernel_stacks_have_guard_pages_and_free_cleanly) {
  const uint64_t free0 = mem_free_size();
  Result<KernelStack> s = kstack_alloc(4);
  KEXPECT(s.ok());
  volatile uint64_t* low = reinterpret_cast<volatile uint64_t*>(s.value().lo());
  *low = 1;  // the lowest stack word is usable
  KEXPECT_EQ(s.value().top() - s.value().lo(), 4 * kPageSize);
  QRV_EXPECT_FAULT(csr::kStorePageFault, "sd %0, 0(%1)", s.value().lo() - 8);
  kstack_free(s.value());
  // Cached: the next stack of that size is the same one, guard still cut out.
  Result<KernelStack> again = kstack_alloc(4);
  KEXPECT(again.ok() && again.value().base == s.value().base);
  KEXPECT(!cpu_pte_lookup(kernel_page_table(), direct_map(s.value().base)).ok());
  kstack_free(again.value());
  kstack_cache_reap();
  // The guard page is back in the direct map once freed for good.
  KEXPECT(cpu_pte_lookup(kernel_page_table(), direct_map(s.value().base)).ok());
  KEXPECT_EQ(mem_free_size(), free0);
}
