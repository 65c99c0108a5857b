// mm_mcopy, fork's eager copy of an address space (aspace.h): a walk of the
// source's user-half tables, leaf by leaf. Copy-on-write would share the
// pages until written; until then a fork costs a copy of every page the
// parent has touched (ARCHITECTURE.md gives the figure).
#include "kernel/mm/aspace.h"
#include "kernel/mm/aspace_pte.h"

namespace {

using aspace_pte::kFirstKernelSlot;
using aspace_pte::kPteDevice;
using aspace_pte::kPteOwned;
using aspace_pte::table_at;
using sv39::level_size;
using sv39::pte_pa;

void* direct(const tAddress* as, uint64_t pa) { return reinterpret_cast<void*>(static_cast<uintptr_t>(pa + as->spaces->virt_offset)); }

// One page through the direct map, 64 bytes a round on the board (the
// kernel's memcpy goes a byte at a time).
void copy_page(void* to, const void* from) {
#if defined(__riscv)
  auto* d = static_cast<uint64_t*>(to);
  const auto* s = static_cast<const uint64_t*>(from);
  for (uint64_t* end = d + kPageSize / 8; d != end; d += 8, s += 8) {
    asm volatile(
        "ld t0, 0(%1)\n ld t1, 8(%1)\n ld t2, 16(%1)\n ld t3, 24(%1)\n"
        "ld t4, 32(%1)\n ld t5, 40(%1)\n ld t6, 48(%1)\n ld a6, 56(%1)\n"
        "sd t0, 0(%0)\n sd t1, 8(%0)\n sd t2, 16(%0)\n sd t3, 24(%0)\n"
        "sd t4, 32(%0)\n sd t5, 40(%0)\n sd t6, 48(%0)\n sd a6, 56(%0)" ::"r"(d),
        "r"(s)
        : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a6", "memory");
  }
#else
  __builtin_memcpy(to, from, kPageSize);
#endif
}

uint32_t prot_of(uint64_t pte) {
  return ((pte & sv39::kR) ? kProtRead : 0) | ((pte & sv39::kW) ? kProtWrite : 0) | ((pte & sv39::kX) ? kProtExec : 0);
}

struct Copy {
  tAddress* dst;
  const tAddress* src;
  bool exec = false;  // an executable page was copied: the icache hook runs at the end
};

Status copy_leaf(Copy& c, uint64_t pte, uint32_t level, uint64_t va) {
  if ((pte & kPteDevice) != 0) return Status::kOk;
  const uint64_t size = level_size(level);
  const uint32_t prot = prot_of(pte) | kProtUser;
  if ((pte & kPteOwned) == 0) {  // shared physical pages: shared again
    QRV_TRY(cpu_pte_map(c.dst->pt, VirtAddr(va), PhysAddr(pte_pa(pte)), size, prot, kMapLargest));
    c.dst->mapped_pages += size / kPageSize;
    return Status::kOk;
  }
  PhysAllocator* pa = c.dst->spaces->pa;  // owned leaves are 4 KiB, always
  Result<PhysAddr> page = pa->alloc(kPageSize, kPageSize, nullptr);
  if (!page.ok()) return page.status();
  copy_page(direct(c.dst, page.value().value()), direct(c.src, pte_pa(pte)));
  if (const Status st = cpu_pte_map(c.dst->pt, VirtAddr(va), page.value(), kPageSize, prot, 0); st != Status::kOk) {
    pa->free(page.value(), kPageSize);
    return st;
  }
  uint32_t got = 0;
  *sv39_walk(c.dst->pt, VirtAddr(va), &got) |= kPteOwned;
  ++c.dst->mapped_pages;
  ++c.dst->owned_pages;
  if ((prot & kProtExec) != 0) c.exec = true;
  return Status::kOk;
}

// Every leaf under the first `entries` entries of table `t` (at `level`,
// mapping from `base`).
Status copy_table(Copy& c, const uint64_t* t, uint32_t level, uint64_t base, uint32_t entries = sv39::kEntries) {
  for (uint32_t i = 0; i < entries; ++i) {
    const uint64_t e = t[i];
    if (!sv39::valid(e)) continue;
    const uint64_t va = base + uint64_t{i} * level_size(level);
    if (sv39::leaf(e)) {
      QRV_TRY(copy_leaf(c, e, level, va));
    } else if (level > 0) {
      QRV_TRY(copy_table(c, table_at(c.src->pt, PhysAddr(pte_pa(e))), level - 1, va));
    }
  }
  return Status::kOk;
}

}  // namespace

Status mm_mcopy(tAddress* dst, const tAddress* src) {
  if (dst == nullptr || src == nullptr || dst == src || src->taskman_view) return Status::kInvalidArgument;
  if (dst->mapped_pages != 0 || dst->taskman_view) return Status::kInvalidArgument;
  for (const LazyRange& r : dst->lazy) {
    if (r.hi != 0) return Status::kInvalidArgument;
  }
  // Not enough memory fails at once, before anything is copied.
  if (src->owned_pages * kPageSize > dst->spaces->pa->free_size()) return Status::kNoMemory;
  Copy c = {dst, src};
  QRV_TRY(copy_table(c, table_at(src->pt, src->pt.root), sv39::kRootLevel, 0, kFirstKernelSlot));  // the user half
  for (uint32_t i = 0; i < kLazyRanges; ++i) dst->lazy[i] = src->lazy[i];
  if (c.exec) dst->spaces->icache.sync(dst->spaces->icache.ctx);
  return Status::kOk;
}
