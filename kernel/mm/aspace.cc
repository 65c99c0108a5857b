// Address spaces over the Sv39 engine. The kernel half of every root points
// at the template's kept L1 tables; the user half is private. Pages from
// mm_map_anon carry the software PTE bit kPteOwned, so unmap and teardown
// know which pages to give back to pa. Only 4 KiB leaves are ever owned.
#include "kernel/mm/aspace.h"

#include <cstddef>

#include "kernel/mm/aspace_pte.h"

namespace {

using aspace_pte::kFirstKernelSlot;
using aspace_pte::kPteDevice;
using aspace_pte::kPteOwned;
using aspace_pte::table_at;
using sv39::kRootLevel;
using sv39::level_size;
using sv39::pte_pa;

constexpr uint32_t kProtRwx = kProtRead | kProtWrite | kProtExec;

// The per-space PtAllocator: the template's allocator, counted.
const PtAllocator& base_alloc(void* ctx) { return *static_cast<tAddress*>(ctx)->spaces->kernel->alloc; }

Result<PhysAddr> counted_alloc_table(void* ctx) {
  const PtAllocator& base = base_alloc(ctx);
  Result<PhysAddr> t = base.alloc_table(base.ctx);
  if (t.ok()) {
    ++static_cast<tAddress*>(ctx)->table_pages;
  }
  return t;
}

void counted_free_table(void* ctx, PhysAddr table) {
  const PtAllocator& base = base_alloc(ctx);
  base.free_table(base.ctx, table);
  --static_cast<tAddress*>(ctx)->table_pages;
}

void* counted_phys_to_virt(void* ctx, PhysAddr table) {
  const PtAllocator& base = base_alloc(ctx);
  return base.phys_to_virt(base.ctx, table);
}

// What a walk reached for one address: the leaf mapping it, or (pte null)
// the invalid entry at `level` that leaves a hole of level_size(level).
struct Probe {
  uint64_t* pte;
  uint32_t level;
};

// The walk itself, with tables reached through `table` (PhysAddr -> uint64_t*).
template <typename TableAt>
Probe walk(uint64_t* t, uint64_t va, TableAt table) {
  for (uint32_t l = kRootLevel;; --l) {
    uint64_t* e = &t[sv39::index(va, l)];
    if (!sv39::valid(*e)) {
      return {nullptr, l};
    }
    if (sv39::leaf(*e)) {
      return {e, l};
    }
    if (l == 0) {
      return {nullptr, 0};  // reserved encoding; the engine never writes one
    }
    t = table(PhysAddr(pte_pa(*e)));
  }
}

Probe probe(const PageTable& pt, uint64_t va) {
  return walk(table_at(pt, pt.root), va, [&pt](PhysAddr p) { return table_at(pt, p); });
}

// probe() for the transfer path: tables are reached through the direct map
// (virt_offset), as the data pages are, not through the allocator's hook.
Probe probe_direct(const tAddress* as, uint64_t va) {
  const uint64_t offset = as->spaces->virt_offset;
  auto at = [offset](PhysAddr p) { return reinterpret_cast<uint64_t*>(static_cast<uintptr_t>(p.value() + offset)); };
  return walk(at(as->pt.root), va, at);
}

Status check_user_range(uint64_t va, uint64_t len) {
  if (len == 0 || !is_aligned(va, kPageSize) || !is_aligned(len, kPageSize)) {
    return Status::kInvalidArgument;
  }
  if (va < kUserBase || va >= kUserTop || len > kUserTop - va) {
    return Status::kOutOfRange;
  }
  return Status::kOk;
}

bool valid_user_prot(uint32_t prot) {
  return (prot & ~(kProtRwx | kProtUser)) == 0 && (prot & kProtRwx) != 0;
}

// Zeroes one page: the bulk of mapping anonymous memory, so 64 bytes a
// round on the board (a byte loop or plain memset is several times slower).
void zero_page(void* page) {
#if defined(__riscv)
  auto* p = static_cast<uint8_t*>(page);
  for (uint8_t* end = p + kPageSize; p != end; p += 64) {
    asm volatile(
        "sd zero, 0(%0)\n sd zero, 8(%0)\n sd zero, 16(%0)\n sd zero, 24(%0)\n"
        "sd zero, 32(%0)\n sd zero, 40(%0)\n sd zero, 48(%0)\n sd zero, 56(%0)" ::"r"(p)
        : "memory");
  }
#else
  __builtin_memset(page, 0, kPageSize);
#endif
}

// While the taskman view is installed, slot 3 is taskman's, not the child's.
Status check_not_view(const tAddress* as, uint64_t va, uint64_t len) {
  if (as->taskman_view && va < kTaskmanTop && va + len > kTaskmanBase) {
    return Status::kOutOfRange;
  }
  return Status::kOk;
}

Status check_request(const tAddress* as, uint64_t va, uint64_t len, uint32_t prot) {
  if (as == nullptr || !valid_user_prot(prot)) {
    return Status::kInvalidArgument;
  }
  QRV_TRY(check_user_range(va, len));
  return check_not_view(as, va, len);
}

// The demand-zero range is reserved: nothing else is mapped into it.
Status check_not_lazy(const tAddress* as, uint64_t va, uint64_t len) {
  for (const LazyRange& r : as->lazy) {
    if (va < r.hi && va + len > r.lo) return Status::kAlreadyMapped;
  }
  return Status::kOk;
}

void sync_icache_if_exec(const tAddress* as, uint32_t prot) {
  if ((prot & kProtExec) != 0) {
    const IcacheHook& h = as->spaces->icache;
    h.sync(h.ctx);
  }
}

// kAlreadyMapped if any page of [va, end) is mapped.
Status check_unmapped(const tAddress* as, uint64_t va, uint64_t end) {
  for (uint64_t cur = va; cur < end;) {
    const Probe p = probe(as->pt, cur);
    if (p.pte != nullptr) {
      return Status::kAlreadyMapped;
    }
    cur = align_down(cur, level_size(p.level)) + level_size(p.level);
  }
  return Status::kOk;
}

// Splits until no large leaf straddles `addr`.
Status split_edge(tAddress* as, uint64_t addr) {
  for (;;) {
    const Probe p = probe(as->pt, addr);
    if (p.pte == nullptr || p.level == 0 || is_aligned(addr, level_size(p.level))) {
      return Status::kOk;
    }
    QRV_TRY(cpu_pte_split(as->pt, VirtAddr(addr)));
  }
}

// Unmaps every leaf in [va, end), none of which straddles an end, and frees
// the owned pages after the engine's shootdown.
Status remove_leaves(tAddress* as, uint64_t va, uint64_t end) {
  for (uint64_t cur = va; cur < end;) {
    const Probe p = probe(as->pt, cur);
    const uint64_t size = level_size(p.level);
    const uint64_t base = align_down(cur, size);
    if (p.pte != nullptr) {
      const uint64_t pte = *p.pte;
      QRV_TRY(cpu_pte_unmap(as->pt, VirtAddr(base), size));
      as->mapped_pages -= size / kPageSize;
      if ((pte & kPteOwned) != 0) {
        as->spaces->pa->free(PhysAddr(pte_pa(pte)), size);
        as->owned_pages -= size / kPageSize;
      }
    }
    cur = base + size;
  }
  return Status::kOk;
}

// Frees what `e` (an entry at `level` of a user-half table) leads to: owned
// pages and tables below it.
void release_entry(tAddress* as, uint64_t e, uint32_t level) {
  if (!sv39::valid(e)) {
    return;
  }
  if (sv39::leaf(e)) {
    if ((e & kPteOwned) != 0) {
      as->spaces->pa->free(PhysAddr(pte_pa(e)), level_size(level));
    }
    return;
  }
  if (level > 0) {
    const PhysAddr child(pte_pa(e));
    const uint64_t* t = table_at(as->pt, child);
    for (uint32_t i = 0; i < sv39::kEntries; ++i) {
      release_entry(as, t[i], level - 1);
    }
    as->tables.free_table(as->tables.ctx, child);
  }
}

// The kernel pointer for `va` in `as` if its page allows user reads
// (write: user writes); otherwise why not.
XferStatus user_page(tAddress* as, uint64_t va, bool write, uint8_t** out) {
  if (va < kUserBase || va >= kUserTop) {
    return XferStatus::kBadAddress;
  }
  Probe p = probe_direct(as, va);
  if (p.pte == nullptr && mm_fault_lazy(as, va)) p = probe_direct(as, va);  // a demand-zero page, first touched here
  if (p.pte == nullptr) {
    return XferStatus::kNotMapped;
  }
  const uint64_t need = sv39::kU | (write ? sv39::kW : sv39::kR);
  if ((*p.pte & need) != need || (*p.pte & kPteDevice) != 0) {
    return XferStatus::kNoAccess;
  }
  const uint64_t pa = pte_pa(*p.pte) + (va & (level_size(p.level) - 1));
  *out = reinterpret_cast<uint8_t*>(static_cast<uintptr_t>(pa + as->spaces->virt_offset));
  return XferStatus::kOk;
}

// Copies `len` bytes chunk by chunk (no chunk crosses a page on either
// side), adding to r->copied; false, with r's status and side set, at the
// first page that refuses. The source page is checked first.
bool copy_span(tAddress* dst_as, uint64_t dst, tAddress* src_as, uint64_t src, uint64_t len,
               XferResult* r) {
  while (len > 0) {
    uint64_t n = kPageSize - (src & (kPageSize - 1));
    const uint64_t dst_room = kPageSize - (dst & (kPageSize - 1));
    n = n < dst_room ? n : dst_room;
    n = n < len ? n : len;
    uint8_t* from = nullptr;
    uint8_t* to = nullptr;
    XferStatus st = user_page(src_as, src, false, &from);
    if (st != XferStatus::kOk) {
      r->status = st;
      r->side = XferSide::kSource;
      return false;
    }
    st = user_page(dst_as, dst, true, &to);
    if (st != XferStatus::kOk) {
      r->status = st;
      r->side = XferSide::kDestination;
      return false;
    }
    __builtin_memmove(to, from, n);
    r->copied += n;
    src += n;
    dst += n;
    len -= n;
  }
  return true;
}

XferResult null_spaces(const tAddress* dst_as) {
  XferResult r;
  r.status = XferStatus::kInvalidArgument;
  r.side = dst_as == nullptr ? XferSide::kDestination : XferSide::kSource;
  return r;
}

}  // namespace

Status mm_kernel_template_prepare(PageTable& kernel) {
  if (kernel.alloc == nullptr || kernel.tlb == nullptr || kernel.root.is_null()) {
    return Status::kInvalidArgument;
  }
  uint64_t* root = table_at(kernel, kernel.root);
  for (uint32_t i = kFirstKernelSlot; i < sv39::kEntries; ++i) {
    if (sv39::valid(root[i]) && sv39::leaf(root[i])) {
      return Status::kAlreadyMapped;
    }
  }
  uint64_t added[kFirstKernelSlot / 64] = {};
  for (uint32_t i = kFirstKernelSlot; i < sv39::kEntries; ++i) {
    if (sv39::valid(root[i])) {
      continue;
    }
    Result<PhysAddr> t = kernel.alloc->alloc_table(kernel.alloc->ctx);
    if (!t.ok()) {
      for (uint32_t j = kFirstKernelSlot; j < i; ++j) {
        const uint32_t k = j - kFirstKernelSlot;
        if ((added[k / 64] >> (k % 64)) & 1) {
          kernel.alloc->free_table(kernel.alloc->ctx, PhysAddr(pte_pa(root[j])));
          root[j] = 0;
        }
      }
      return t.status();
    }
    uint64_t* table = table_at(kernel, t.value());
    for (uint32_t j = 0; j < sv39::kEntries; ++j) {
      table[j] = 0;
    }
    // Non-leaf: V only (4.4.1).
    root[i] = sv39::make_pte(t.value().value(), sv39::kV);
    const uint32_t k = i - kFirstKernelSlot;
    added[k / 64] |= uint64_t{1} << (k % 64);
  }
  kernel.keep_kernel_tables = true;
  // Entries went from invalid to valid; a hart may have cached the invalid ones.
  kernel.tlb->flush_local(kernel.tlb->ctx, kFlushAllVa);
  return Status::kOk;
}

Status mm_spaces_init(MmSpaces* s, PageTable* kernel, PhysAllocator* pa, uint64_t virt_offset,
                      IcacheHook icache) {
  if (s == nullptr || kernel == nullptr || pa == nullptr || icache.sync == nullptr ||
      kernel->alloc == nullptr || kernel->tlb == nullptr || kernel->root.is_null() ||
      !kernel->keep_kernel_tables) {
    return Status::kInvalidArgument;
  }
  const uint64_t* root = table_at(*kernel, kernel->root);
  for (uint32_t i = kFirstKernelSlot; i < sv39::kEntries; ++i) {
    if (!sv39::valid(root[i]) || sv39::leaf(root[i])) {
      return Status::kInvalidArgument;
    }
  }
  QRV_TRY(s->cache.init("tAddress", PageSource{pa, virt_offset}));
  s->kernel = kernel;
  s->pa = pa;
  s->virt_offset = virt_offset;
  s->icache = icache;
  s->live = 0;
  return Status::kOk;
}

Result<tAddress*> mm_mcreate(MmSpaces* s, uint16_t asid) {
  if (s == nullptr || s->kernel == nullptr) {
    return Status::kInvalidArgument;
  }
  tAddress* as = s->cache.create();
  if (as == nullptr) {
    return Status::kNoMemory;
  }
  as->spaces = s;
  as->tables = PtAllocator{counted_alloc_table, counted_free_table, counted_phys_to_virt, as};
  Result<PageTable> pt = cpu_pgdir_create(&as->tables, s->kernel->tlb, asid);
  if (!pt.ok()) {
    s->cache.destroy(as);
    return pt.status();
  }
  as->pt = pt.value();
  as->pt.keep_kernel_tables = true;
  uint64_t* root = table_at(as->pt, as->pt.root);
  const uint64_t* kroot = table_at(*s->kernel, s->kernel->root);
  for (uint32_t i = kFirstKernelSlot; i < sv39::kEntries; ++i) {
    root[i] = kroot[i];
  }
  ++s->live;
  return as;
}

void mm_mdestroy(tAddress* as) {
  if (as == nullptr) {
    return;
  }
  // Forget the space's translations everywhere before its pages are reused.
  mm_taskman_view_remove(as);  // never free taskman's tables
  const TlbHooks& tlb = *as->pt.tlb;
  tlb.flush_local(tlb.ctx, kFlushAllVa);
  tlb.flush_remote(tlb.ctx, as->pt.asid, kFlushAllVa);
  const uint64_t* root = table_at(as->pt, as->pt.root);
  for (uint32_t i = 0; i < kFirstKernelSlot; ++i) {
    release_entry(as, root[i], kRootLevel);
  }
  as->tables.free_table(as->tables.ctx, as->pt.root);
  MmSpaces* s = as->spaces;
  --s->live;
  s->cache.destroy(as);
}

namespace {
// Zeroed owned pages at [va, va + len), checked by the caller (valid,
// unmapped). All or nothing.
Status map_zeroed(tAddress* as, VirtAddr va, uint64_t len, uint32_t prot) {
  PhysAllocator* pa = as->spaces->pa;
  // More than is free fails at once: nothing is zeroed only to be given back.
  if (len > pa->free_size()) return Status::kNoMemory;
  // Usually the range comes in one physical block: zeroed and mapped in one
  // pass, each leaf still owned on its own (freed page by page later).
  if (Result<PhysAddr> block = pa->alloc(len, kPageSize, nullptr); block.ok()) {
    pa->split(block.value(), len);
    const uint64_t base = block.value().value() + as->spaces->virt_offset;
    for (uint64_t off = 0; off < len; off += kPageSize) zero_page(reinterpret_cast<void*>(static_cast<uintptr_t>(base + off)));
    const Status mapped = cpu_pte_map(as->pt, va, block.value(), len, prot | kProtUser, 0);
    if (mapped != Status::kOk) {
      for (uint64_t off = 0; off < len; off += kPageSize) pa->free(block.value() + off, kPageSize);
      return mapped;
    }
    for (uint64_t off = 0; off < len; off += kPageSize) {
      uint32_t level = 0;
      *sv39_walk(as->pt, va + off, &level) |= kPteOwned;
    }
    as->mapped_pages += len / kPageSize;
    as->owned_pages += len / kPageSize;
    sync_icache_if_exec(as, prot);
    return Status::kOk;
  }
  // Fragmented memory: page by page.
  Status st = Status::kOk;
  uint64_t done = 0;
  for (; done < len; done += kPageSize) {
    Result<PhysAddr> page = pa->alloc(kPageSize, kPageSize, nullptr);
    if (!page.ok()) {
      st = page.status();
      break;
    }
    zero_page(reinterpret_cast<void*>(static_cast<uintptr_t>(page.value().value() + as->spaces->virt_offset)));
    st = cpu_pte_map(as->pt, va + done, page.value(), kPageSize, prot | kProtUser, 0);
    if (st != Status::kOk) {
      pa->free(page.value(), kPageSize);
      break;
    }
    uint32_t level = 0;
    *sv39_walk(as->pt, va + done, &level) |= kPteOwned;
    ++as->mapped_pages;
    ++as->owned_pages;
  }
  if (st != Status::kOk) {
    // Only 4 KiB leaves of ours are in [va, va + done): nothing to split.
    if (done > 0) {
      QRV_TRY(remove_leaves(as, va.value(), va.value() + done));
    }
    return st;
  }
  sync_icache_if_exec(as, prot);
  return Status::kOk;
}
}  // namespace

Status mm_map_anon(tAddress* as, VirtAddr va, uint64_t len, uint32_t prot) {
  QRV_TRY(check_request(as, va.value(), len, prot));
  QRV_TRY(check_not_lazy(as, va.value(), len));
  QRV_TRY(check_unmapped(as, va.value(), va.value() + len));
  return map_zeroed(as, va, len, prot);
}

Status mm_map_phys(tAddress* as, VirtAddr va, PhysAddr pa, uint64_t len, uint32_t prot) {
  QRV_TRY(check_request(as, va.value(), len, prot));
  QRV_TRY(check_not_lazy(as, va.value(), len));
  QRV_TRY(cpu_pte_map(as->pt, va, pa, len, prot | kProtUser, kMapLargest));
  as->mapped_pages += len / kPageSize;
  sync_icache_if_exec(as, prot);
  return Status::kOk;
}

Status mm_map_device(tAddress* as, VirtAddr va, PhysAddr pa, uint64_t len, uint32_t prot) {
  QRV_TRY(check_request(as, va.value(), len, prot));
  if ((prot & kProtExec) != 0) return Status::kInvalidArgument;
  QRV_TRY(check_not_lazy(as, va.value(), len));
  QRV_TRY(cpu_pte_map(as->pt, va, pa, len, prot | kProtUser, 0));  // 4 KiB leaves: each one marked
  for (uint64_t off = 0; off < len; off += kPageSize) {
    uint32_t level = 0;
    *sv39_walk(as->pt, va + off, &level) |= kPteDevice;
  }
  as->mapped_pages += len / kPageSize;
  return Status::kOk;
}

Status mm_unmap(tAddress* as, VirtAddr va, uint64_t len) {
  if (as == nullptr) {
    return Status::kInvalidArgument;
  }
  QRV_TRY(check_user_range(va.value(), len));
  QRV_TRY(check_not_view(as, va.value(), len));
  const uint64_t end = va.value() + len;
  QRV_TRY(split_edge(as, va.value()));
  if (end < kUserTop) {
    QRV_TRY(split_edge(as, end));
  }
  return remove_leaves(as, va.value(), end);
}

Status mm_reserve_lazy(tAddress* as, VirtAddr va, uint64_t len) {
  QRV_TRY(check_request(as, va.value(), len, kProtRead | kProtWrite));
  LazyRange* slot = nullptr;
  for (LazyRange& r : as->lazy) {
    if (r.hi == 0) {
      slot = &r;
      break;
    }
  }
  if (slot == nullptr) return Status::kBusy;
  QRV_TRY(check_not_lazy(as, va.value(), len));
  QRV_TRY(check_unmapped(as, va.value(), va.value() + len));
  *slot = LazyRange{va.value(), va.value() + len};
  return Status::kOk;
}

bool mm_fault_lazy(tAddress* as, uint64_t va) {
  if (as == nullptr) return false;
  bool inside = false;
  for (const LazyRange& r : as->lazy) inside = inside || (va >= r.lo && va < r.hi);
  if (!inside) return false;
  const uint64_t page = align_down(va, kPageSize);
  if (probe(as->pt, page).pte != nullptr) return true;  // another thread (or hart) was first
  return map_zeroed(as, VirtAddr(page), kPageSize, kProtRead | kProtWrite) == Status::kOk;
}

Status mm_protect(tAddress* as, VirtAddr va, uint64_t len, uint32_t prot) {
  QRV_TRY(check_request(as, va.value(), len, prot));
  QRV_TRY(cpu_pte_protect(as->pt, va, len, prot | kProtUser));
  sync_icache_if_exec(as, prot);
  return Status::kOk;
}

Status mm_taskman_view_install(tAddress* child, const tAddress* taskman) {
  if (child == nullptr || taskman == nullptr || child == taskman) return Status::kInvalidArgument;
  uint64_t* root = table_at(child->pt, child->pt.root);
  const uint64_t theirs = table_at(taskman->pt, taskman->pt.root)[kTaskmanRootSlot];
  if (!sv39::valid(theirs) || sv39::leaf(theirs)) return Status::kInvalidArgument;
  if (child->taskman_view || sv39::valid(root[kTaskmanRootSlot])) return Status::kAlreadyMapped;
  root[kTaskmanRootSlot] = theirs;  // a pointer to taskman's L1: nothing copied, nothing owned
  child->taskman_view = true;
  return Status::kOk;  // a new valid entry: no stale translation to forget
}

void mm_taskman_view_remove(tAddress* child) {
  if (child == nullptr || !child->taskman_view) return;
  table_at(child->pt, child->pt.root)[kTaskmanRootSlot] = 0;
  child->taskman_view = false;
  // The loader may have run on any hart: forget slot 3 under this ASID everywhere.
  const TlbHooks& tlb = *child->pt.tlb;
  tlb.flush_local(tlb.ctx, kFlushAllVa);
  tlb.flush_remote(tlb.ctx, child->pt.asid, kFlushAllVa);
}

bool mm_root_slot_present(const tAddress* as, uint32_t slot) {
  if (as == nullptr || slot >= kFirstKernelSlot) return false;
  return sv39::valid(table_at(as->pt, as->pt.root)[slot]);
}

Result<VaddrInfo> mm_vaddrinfo(const tAddress* as, VirtAddr va) {
  if (as == nullptr) {
    return Status::kInvalidArgument;
  }
  if (!sv39::canonical(va.value())) {
    return Status::kOutOfRange;
  }
  const Probe p = probe(as->pt, va.value());
  if (p.pte == nullptr) {
    return Status::kNotMapped;
  }
  const uint64_t pte = *p.pte;
  VaddrInfo info;
  info.leaf_size = level_size(p.level);
  info.pa = PhysAddr(pte_pa(pte) + (va.value() & (info.leaf_size - 1)));
  info.prot = ((pte & sv39::kR) ? kProtRead : 0) | ((pte & sv39::kW) ? kProtWrite : 0) |
              ((pte & sv39::kX) ? kProtExec : 0) | ((pte & sv39::kU) ? kProtUser : 0);
  info.owned = (pte & kPteOwned) != 0;
  info.device = (pte & kPteDevice) != 0;
  return info;
}

XferResult mm_map_xfer(tAddress* dst_as, VirtAddr dst, tAddress* src_as, VirtAddr src,
                       uint64_t len) {
  if (dst_as == nullptr || src_as == nullptr) {
    return null_spaces(dst_as);
  }
  XferResult r;
  copy_span(dst_as, dst.value(), src_as, src.value(), len, &r);
  return r;
}

namespace {
// Where byte `skip` of a part list lies: part *i, offset *off into it (i ==
// parts.size() when the list is shorter than skip).
void seek_parts(std::span<const MmIov> parts, uint64_t skip, size_t* i, uint64_t* off) {
  size_t k = 0;
  while (k < parts.size() && skip >= parts[k].len) {
    skip -= parts[k].len;
    ++k;
  }
  *i = k;
  *off = k < parts.size() ? skip : 0;
}
}  // namespace

XferResult mm_map_xferv(tAddress* dst_as, std::span<const MmIov> dst, tAddress* src_as,
                        std::span<const MmIov> src) {
  return mm_map_xferv_at(dst_as, dst, 0, src_as, src, 0);
}

XferResult mm_map_xferv_at(tAddress* dst_as, std::span<const MmIov> dst, uint64_t dst_skip,
                           tAddress* src_as, std::span<const MmIov> src, uint64_t src_skip) {
  if (dst_as == nullptr || src_as == nullptr) {
    return null_spaces(dst_as);
  }
  XferResult r;
  size_t di = 0;
  size_t si = 0;
  uint64_t doff = 0;  // bytes of dst[di] already filled
  uint64_t soff = 0;  // bytes of src[si] already sent
  seek_parts(dst, dst_skip, &di, &doff);
  seek_parts(src, src_skip, &si, &soff);
  for (;;) {
    while (di < dst.size() && doff == dst[di].len) {
      ++di;
      doff = 0;
    }
    while (si < src.size() && soff == src[si].len) {
      ++si;
      soff = 0;
    }
    if (di == dst.size() || si == src.size()) {
      return r;
    }
    const uint64_t dleft = dst[di].len - doff;
    const uint64_t sleft = src[si].len - soff;
    const uint64_t n = dleft < sleft ? dleft : sleft;
    if (!copy_span(dst_as, dst[di].base.value() + doff, src_as, src[si].base.value() + soff, n,
                   &r)) {
      return r;
    }
    doff += n;
    soff += n;
  }
}
