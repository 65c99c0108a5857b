// mm_bench: host figures (ns per operation) for pa and the Sv39 engine over
// simulated physical memory. Prints, asserts nothing; see README for results.
#include <chrono>
#include <cstdio>
#include <vector>

#include "kernel/arch/host/sim_phys_mem.h"
#include "kernel/arch/host/tlb_recorder.h"
#include "kernel/arch/riscv/cpu_pte.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/kheap.h"

namespace {

template <typename F>
double ns_per_op(uint64_t iterations, F&& body) {
  const auto start = std::chrono::steady_clock::now();
  for (uint64_t i = 0; i < iterations; ++i) {
    body(i);
  }
  const auto end = std::chrono::steady_clock::now();
  return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count()) /
         static_cast<double>(iterations);
}

void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "mm_bench: %s failed\n", what);
    std::exit(1);
  }
}

}  // namespace

int main() {
  SimPhysMem mem(256ull << 20);
  PhysAllocator& pa = mem.pa();
  constexpr uint64_t kIters = 1000000;
  std::printf("mm_bench (host, %s)\n", sizeof(void*) == 8 ? "x86-64" : "?");

  const double q1 = ns_per_op(kIters, [&](uint64_t) {
    Result<PhysAddr> a = pa.alloc(kPageSize, 0, nullptr);
    pa.free(a.value(), kPageSize);
  });
  std::printf("pa alloc+free 1 quantum:              %8.1f ns/op\n", q1);

  // Fragment: allocate everything one quantum at a time, free every other.
  std::vector<PhysAddr> held;
  for (;;) {
    Result<PhysAddr> a = pa.alloc(kPageSize, 0, nullptr);
    if (!a.ok()) break;
    held.push_back(a.value());
  }
  for (size_t i = 0; i < held.size(); i += 2) {
    pa.free(held[i], kPageSize);
  }
  const double qf = ns_per_op(kIters, [&](uint64_t) {
    Result<PhysAddr> a = pa.alloc(kPageSize, 0, nullptr);
    pa.free(a.value(), kPageSize);
  });
  std::printf("pa alloc+free 1 quantum, fragmented:  %8.1f ns/op (%zu free runs of 1)\n", qf,
              held.size() / 2);
  for (size_t i = 1; i < held.size(); i += 2) {
    pa.free(held[i], kPageSize);
  }
  must(pa.check().ok, "pa_check");

  const double m2 = ns_per_op(kIters / 10, [&](uint64_t) {
    Result<PhysAddr> a = pa.alloc(kMegaPageSize, kMegaPageSize, nullptr);
    pa.free(a.value(), kMegaPageSize);
  });
  std::printf("pa alloc+free 2 MiB run (aligned):    %8.1f ns/op\n", m2);

  TlbRecorder tlb;
  const TlbHooks hooks = tlb.hooks();
  Result<PageTable> ptr = cpu_pgdir_create(mem.pt_allocator(), &hooks, 1);
  must(ptr.ok(), "cpu_pgdir_create");
  PageTable pt = ptr.value();
  const double cold4k = ns_per_op(kIters / 10, [&](uint64_t i) {
    const VirtAddr va(0x40000000ull + (i % 512) * kPageSize);
    must(cpu_pte_map(pt, va, PhysAddr(0x90000000ull), kPageSize, kProtRead | kProtWrite, 0) ==
             Status::kOk, "map");
    must(cpu_pte_unmap(pt, va, kPageSize) == Status::kOk, "unmap");
  });
  std::printf("map+unmap 4 KiB (tables made+freed):  %8.1f ns/op\n", cold4k);
  must(cpu_pte_map(pt, VirtAddr(0x40000000ull), PhysAddr(0x90000000ull), kPageSize, kProtRead, 0) ==
           Status::kOk, "anchor map");
  const double warm4k = ns_per_op(kIters, [&](uint64_t i) {
    const VirtAddr va(0x40001000ull + (i % 511) * kPageSize);
    must(cpu_pte_map(pt, va, PhysAddr(0x90000000ull), kPageSize, kProtRead | kProtWrite, 0) ==
             Status::kOk, "map");
    must(cpu_pte_unmap(pt, va, kPageSize) == Status::kOk, "unmap");
  });
  std::printf("map+unmap 4 KiB (tables present):     %8.1f ns/op\n", warm4k);
  // An anchor leaf keeps the 1 GiB region's level-1 table alive.
  must(cpu_pte_map(pt, VirtAddr(0x80000000ull), PhysAddr(0x200000000ull), kMegaPageSize, kProtRead,
                   kMapLargest) == Status::kOk, "anchor 2M");
  const double leaf2m = ns_per_op(kIters, [&](uint64_t i) {
    const VirtAddr va(0x80200000ull + (i % 511) * kMegaPageSize);
    must(cpu_pte_map(pt, va, PhysAddr(0x200000000ull), kMegaPageSize, kProtRead | kProtWrite,
                     kMapLargest) == Status::kOk, "map 2M");
    must(cpu_pte_unmap(pt, va, kMegaPageSize) == Status::kOk, "unmap 2M");
  });
  std::printf("map+unmap 2 MiB leaf (table present): %8.1f ns/op\n", leaf2m);
  cpu_pgdir_destroy(pt);

  KernelHeap heap;
  must(heap.init(PageSource{&pa, mem.virt_offset()}) == Status::kOk, "heap init");
  const double km = ns_per_op(kIters, [&](uint64_t) {
    void* p = heap.alloc(64);
    heap.free(p, 64);
  });
  std::printf("kmalloc+kfree 64 bytes:               %8.1f ns/op%s\n", km,
#ifndef NDEBUG
              " (debug: poison fill+check)"
#else
              ""
#endif
  );
  heap.reap();
  must(pa.free_size() == pa.managed_size(), "no leaks");
  return 0;
}
