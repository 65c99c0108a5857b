// Memory benchmark payload: pa alloc+free of one quantum and of a 2 MiB run,
// map+unmap of a 4 KiB and a 2 MiB page in the kernel page table, and
// kmalloc+kfree of 64 bytes. `bazel run //kernel/mm:mm_qemu_bench`.
#include "kernel/arch/arch.h"
#include "kernel/init/payload.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/kheap.h"
#include "kernel/mm/mm_init.h"
#include "testing/bench/bench.h"

void kernel_payload(const BootInfo& info) {
  const uint64_t hz = info.timebase_hz;
  constexpr uint64_t kIters = 2000;
  bench_run("pa alloc+free 4 KiB", kIters, hz, [] {
    Result<PhysAddr> p = pa_alloc(kPageSize, kPageSize, nullptr);
    pa_free(p.value(), kPageSize);
  });
  bench_run("pa alloc+free 2 MiB (aligned)", kIters, hz, [] {
    Result<PhysAddr> p = pa_alloc(kMegaPageSize, kMegaPageSize, nullptr);
    pa_free(p.value(), kMegaPageSize);
  });
  PageTable& pt = kernel_page_table();
  const VirtAddr va(0xffffffd000000000ull);
  Result<PhysAddr> page = pa_alloc(kMegaPageSize, kMegaPageSize, nullptr);
  bench_run("map+unmap 4 KiB", kIters, hz, [&] {
    (void)cpu_pte_map(pt, va, page.value(), kPageSize, kProtRead | kProtWrite, 0);
    (void)cpu_pte_unmap(pt, va, kPageSize);
  });
  bench_run("map+unmap 2 MiB leaf", kIters, hz, [&] {
    (void)cpu_pte_map(pt, va, page.value(), kMegaPageSize, kProtRead | kProtWrite, kMapLargest);
    (void)cpu_pte_unmap(pt, va, kMegaPageSize);
  });
  pa_free(page.value(), kMegaPageSize);
  bench_run("kmalloc+kfree 64 B", kIters, hz, [] { kfree(kmalloc(64), 64); });
  arch_shutdown(pa_check().ok);
}
