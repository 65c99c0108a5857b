// Kernel stacks on the kernel page table: allocate, unmap the guard page;
// on free, restore the guard's direct-map entry (RW, like all RAM), merge the
// split leaf back where possible, then free. Common-size stacks go through
// a small cache first (kstack.h).
#include "kernel/mm/kstack.h"

#include "kernel/kext/pa.h"
#include "kernel/lib/panic.h"
#include "kernel/mm/mm_init.h"

namespace {
KernelStack g_cache[kStackCacheSize];
uint32_t g_cached = 0;

Result<KernelStack> make(uint64_t pages) {
  Result<PhysAddr> mem = pa_alloc((pages + 1) * kPageSize, kPageSize, nullptr);
  if (!mem.ok()) {
    return mem.status();
  }
  const Status st = cpu_pte_unmap(kernel_page_table(), direct_map(mem.value()), kPageSize);
  if (st != Status::kOk) {
    pa_free(mem.value(), (pages + 1) * kPageSize);
    return st;
  }
  return KernelStack{mem.value(), pages};
}

void release(const KernelStack& stack) {
  const Status st = cpu_pte_map(kernel_page_table(), direct_map(stack.base), stack.base, kPageSize,
                                kProtRead | kProtWrite, 0);
  if (st != Status::kOk) {
    // The page would stay unreachable through the direct map: never hand it out.
    kpanic("kstack_free: cannot restore guard page 0x%lx: %s", stack.base.value(), status_name(st));
  }
  // Cutting the guard out split a large leaf; put it back together if the
  // region is uniform again, so the split's table page returns to pa.
  const VirtAddr region(align_down(direct_map(stack.base).value(), kMegaPageSize));
  (void)cpu_pte_merge(kernel_page_table(), region, kMegaPageSize);
  pa_free(stack.base, (stack.pages + 1) * kPageSize);
}
}  // namespace

Result<KernelStack> kstack_alloc(uint64_t pages) {
  if (pages == kStackCachePages && g_cached != 0) return g_cache[--g_cached];
  return make(pages);
}

void kstack_free(const KernelStack& stack) {
  if (stack.pages == kStackCachePages && g_cached < kStackCacheSize) {
    g_cache[g_cached++] = stack;
    return;
  }
  release(stack);
}

void kstack_cache_reap() {
  while (g_cached != 0) release(g_cache[--g_cached]);
}
