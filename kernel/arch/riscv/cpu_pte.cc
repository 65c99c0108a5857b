// The Sv39 engine: range operations recurse over the three levels, visiting
// only the entries that overlap the range. Large leaves straddling a range
// edge are split first, so the recursive passes themselves never allocate
// and cannot fail halfway.
#include "kernel/arch/riscv/cpu_pte.h"

#include "kernel/lib/panic.h"

namespace {

using sv39::kA;
using sv39::kD;
using sv39::kFlagsMask;
using sv39::kG;
using sv39::kR;
using sv39::kRootLevel;
using sv39::kU;
using sv39::kV;
using sv39::kW;
using sv39::kX;
using sv39::leaf;
using sv39::level_size;
using sv39::make_pte;
using sv39::pte_pa;
using sv39::valid;

constexpr uint32_t kProtAll = kProtRead | kProtWrite | kProtExec | kProtUser;

uint64_t* table_at(const PageTable& pt, uint64_t pa) {
  return static_cast<uint64_t*>(pt.alloc->phys_to_virt(pt.alloc->ctx, PhysAddr(pa)));
}

Result<PhysAddr> new_table(const PageTable& pt) {
  Result<PhysAddr> t = pt.alloc->alloc_table(pt.alloc->ctx);
  if (t.ok()) {
    uint64_t* p = table_at(pt, t.value().value());
    for (uint32_t i = 0; i < sv39::kEntries; ++i) {
      p[i] = 0;
    }
  }
  return t;
}

void free_table(const PageTable& pt, uint64_t pa) {
  pt.alloc->free_table(pt.alloc->ctx, PhysAddr(pa));
}

// A root entry of the kernel half whose table is shared (never given up).
bool kept(const PageTable& pt, uint32_t level, uint64_t va) {
  return pt.keep_kernel_tables && level == kRootLevel && (va >> 38) != 0;
}

// A leaf appeared where nothing was valid: this hart may have cached the
// invalid entry (the spec allows it), so fence locally.
void flush_new(const PageTable& pt, uint64_t va) { pt.tlb->flush_local(pt.tlb->ctx, VirtAddr(va)); }

// A valid translation changed or went away: every hart must forget it.
void flush_changed(const PageTable& pt, VirtAddr va) {
  pt.tlb->flush_local(pt.tlb->ctx, va);
  pt.tlb->flush_remote(pt.tlb->ctx, pt.asid, va);
}

// Calls f(entry, first, last, entry_base) for each entry of table `t` at
// `level` that overlaps [va, last]; stops at the first non-kOk status.
template <typename F>
Status for_entries(uint64_t* t, uint32_t level, uint64_t va, uint64_t last, F&& f) {
  const uint64_t span = level_size(level);
  uint64_t cur = va;
  for (;;) {
    const uint64_t base = align_down(cur, span);
    const uint64_t entry_last = base + (span - 1);
    const uint64_t chunk_last = entry_last < last ? entry_last : last;
    QRV_TRY(f(t[sv39::index(cur, level)], cur, chunk_last, base));
    if (chunk_last == last) {
      return Status::kOk;
    }
    cur = chunk_last + 1;
  }
}

bool covers_entry(uint32_t level, uint64_t first, uint64_t last, uint64_t base) {
  return first == base && last - first == level_size(level) - 1;
}

Status check_range(uint64_t va, uint64_t len) {
  if (len == 0 || !is_aligned(va, kPageSize) || !is_aligned(len, kPageSize)) {
    return Status::kInvalidArgument;
  }
  const uint64_t last = va + (len - 1);
  if (last < va || !sv39::canonical(va) || !sv39::canonical(last) || (va >> 38) != (last >> 38)) {
    return Status::kOutOfRange;  // wraps, non-canonical, or crosses the Sv39 hole
  }
  return Status::kOk;
}

Status find_mapped(const PageTable& pt, uint64_t* t, uint32_t level, uint64_t va,
                   uint64_t last) {
  return for_entries(t, level, va, last, [&](uint64_t& e, uint64_t first, uint64_t l, uint64_t) {
    if (!valid(e)) {
      return Status::kOk;
    }
    if (leaf(e)) {
      return Status::kAlreadyMapped;
    }
    return find_mapped(pt, table_at(pt, pte_pa(e)), level - 1, first, l);
  });
}

Status find_hole(const PageTable& pt, uint64_t* t, uint32_t level, uint64_t va, uint64_t last) {
  return for_entries(t, level, va, last, [&](uint64_t& e, uint64_t first, uint64_t l, uint64_t) {
    if (!valid(e)) {
      return Status::kNotMapped;
    }
    if (leaf(e)) {
      return Status::kOk;
    }
    return find_hole(pt, table_at(pt, pte_pa(e)), level - 1, first, l);
  });
}

Status map_level(PageTable& pt, uint64_t* t, uint32_t level, uint64_t va, uint64_t last,
                 uint64_t delta, uint64_t bits, bool largest) {
  return for_entries(t, level, va, last,
                     [&](uint64_t& e, uint64_t first, uint64_t l, uint64_t base) -> Status {
                       const uint64_t pa = first + delta;
                       // An existing (empty) table is filled, never replaced.
                       if (level == 0 || (largest && !valid(e) &&
                                          covers_entry(level, first, l, base) &&
                                          is_aligned(pa, level_size(level)))) {
                         e = make_pte(pa, bits);
                         flush_new(pt, first);
                         return Status::kOk;
                       }
                       if (!valid(e)) {
                         Result<PhysAddr> nt = new_table(pt);
                         QRV_TRY(nt);
                         // Non-leaf: V only; A, D and U are reserved there (4.4.1).
                         e = make_pte(nt.value().value(), kV);
                       }
                       return map_level(pt, table_at(pt, pte_pa(e)), level - 1, first, l,
                                        delta, bits, largest);
                     });
}

bool table_empty(const uint64_t* t) {
  for (uint32_t i = 0; i < sv39::kEntries; ++i) {
    if (t[i] != 0) {
      return false;
    }
  }
  return true;
}

Status unmap_level(PageTable& pt, uint64_t* t, uint32_t level, uint64_t va, uint64_t last) {
  return for_entries(t, level, va, last,
                     [&](uint64_t& e, uint64_t first, uint64_t l, uint64_t base) -> Status {
                       if (!valid(e)) {
                         return Status::kOk;
                       }
                       if (leaf(e)) {
                         if (!covers_entry(level, first, l, base)) {
                           kpanic("cpu_pte_unmap: leaf at %#lx straddles the range",
                                  static_cast<unsigned long>(base));
                         }
                         e = 0;
                         flush_changed(pt, VirtAddr(first));
                         return Status::kOk;
                       }
                       const uint64_t child_pa = pte_pa(e);
                       uint64_t* child = table_at(pt, child_pa);
                       QRV_TRY(unmap_level(pt, child, level - 1, first, l));
                       if (table_empty(child) && !kept(pt, level, first)) {
                         e = 0;
                         // A non-leaf entry changed: only the rs1 = x0 fence covers it
                         // (4.2.1), and only then may the table page be reused.
                         flush_changed(pt, kFlushAllVa);
                         free_table(pt, child_pa);
                       }
                       return Status::kOk;
                     });
}

Status protect_level(PageTable& pt, uint64_t* t, uint32_t level, uint64_t va, uint64_t last,
                     uint64_t bits) {
  return for_entries(t, level, va, last,
                     [&](uint64_t& e, uint64_t first, uint64_t l, uint64_t base) -> Status {
                       if (leaf(e)) {
                         if (!covers_entry(level, first, l, base)) {
                           kpanic("cpu_pte_protect: leaf at %#lx straddles the range",
                                  static_cast<unsigned long>(base));
                         }
                         e = make_pte(pte_pa(e), bits | (e & sv39::kRsw));
                         flush_changed(pt, VirtAddr(first));
                         return Status::kOk;
                       }
                       return protect_level(pt, table_at(pt, pte_pa(e)), level - 1, first, l,
                                            bits);
                     });
}

// Splits the leaf *e (at `level` >= 1) into a new table one level down.
Status split_leaf(PageTable& pt, uint64_t* e, uint32_t level) {
  Result<PhysAddr> nt = new_table(pt);
  QRV_TRY(nt);
  uint64_t* child = table_at(pt, nt.value().value());
  const uint64_t base = pte_pa(*e);
  const uint64_t bits = *e & kFlagsMask;
  for (uint32_t i = 0; i < sv39::kEntries; ++i) {
    child[i] = make_pte(base + uint64_t{i} * level_size(level - 1), bits);
  }
  *e = make_pte(nt.value().value(), kV);
  flush_changed(pt, kFlushAllVa);
  return Status::kOk;
}

// Splits until no leaf straddles `addr` (a range edge). Non-canonical
// addresses (the end of a half) have no leaf and need nothing.
Status split_at(PageTable& pt, uint64_t addr) {
  for (;;) {
    uint32_t level = 0;
    uint64_t* e = sv39_walk(pt, VirtAddr(addr), &level);
    if (e == nullptr || level == 0 || is_aligned(addr, level_size(level))) {
      return Status::kOk;
    }
    QRV_TRY(split_leaf(pt, e, level));
  }
}

// The base physical address if the table at `level` maps one aligned
// contiguous range with identical bits in all 512 entries.
bool uniform(const uint64_t* t, uint32_t level) {
  const uint64_t first = t[0];
  if (!valid(first) || !leaf(first) || !is_aligned(pte_pa(first), level_size(level + 1))) {
    return false;
  }
  for (uint32_t i = 1; i < sv39::kEntries; ++i) {
    if (t[i] != make_pte(pte_pa(first) + uint64_t{i} * level_size(level), first & kFlagsMask)) {
      return false;
    }
  }
  return true;
}

Status merge_level(PageTable& pt, uint64_t* t, uint32_t level, uint64_t va, uint64_t last,
                   uint32_t* merged) {
  return for_entries(t, level, va, last,
                     [&](uint64_t& e, uint64_t first, uint64_t l, uint64_t base) -> Status {
                       if (!valid(e) || leaf(e)) {
                         return Status::kOk;
                       }
                       const uint64_t child_pa = pte_pa(e);
                       uint64_t* child = table_at(pt, child_pa);
                       if (level >= 2) {
                         QRV_TRY(merge_level(pt, child, level - 1, first, l, merged));
                       }
                       if (covers_entry(level, first, l, base) && !kept(pt, level, first) &&
                           uniform(child, level - 1)) {
                         e = make_pte(pte_pa(child[0]), child[0] & kFlagsMask);
                         flush_changed(pt, kFlushAllVa);
                         free_table(pt, child_pa);
                         ++*merged;
                       }
                       return Status::kOk;
                     });
}

void free_tables(PageTable& pt, uint64_t* t, uint32_t level) {
  for (uint32_t i = 0; i < sv39::kEntries; ++i) {
    if (valid(t[i]) && !leaf(t[i]) && level > 0) {
      free_tables(pt, table_at(pt, pte_pa(t[i])), level - 1);
      free_table(pt, pte_pa(t[i]));
      t[i] = 0;
    }
  }
}

}  // namespace

uint64_t prot_to_pte_bits(uint32_t prot) {
  if ((prot & (kProtRead | kProtWrite | kProtExec)) == 0) {
    return 0;
  }
  uint64_t bits = kV | kA;
  if (prot & (kProtRead | kProtWrite)) {
    bits |= kR;
  }
  if (prot & kProtWrite) {
    bits |= kW | kD;
  }
  if (prot & kProtExec) {
    bits |= kX;
  }
  bits |= (prot & kProtUser) ? kU : kG;
  return bits;
}

Result<PageTable> cpu_pgdir_create(const PtAllocator* alloc, const TlbHooks* tlb,
                                   uint16_t asid) {
  if (alloc == nullptr || tlb == nullptr || alloc->alloc_table == nullptr ||
      alloc->free_table == nullptr || alloc->phys_to_virt == nullptr ||
      tlb->flush_local == nullptr || tlb->flush_remote == nullptr) {
    return Status::kInvalidArgument;
  }
  PageTable pt;
  pt.alloc = alloc;
  pt.tlb = tlb;
  pt.asid = asid;
  Result<PhysAddr> root = new_table(pt);
  QRV_TRY(root);
  pt.root = root.value();
  return pt;
}

void cpu_pgdir_destroy(PageTable& pt) {
  if (pt.root.is_null()) {
    return;
  }
  free_tables(pt, table_at(pt, pt.root.value()), kRootLevel);
  flush_changed(pt, kFlushAllVa);
  free_table(pt, pt.root.value());
  pt.root = PhysAddr();
}

uint64_t* sv39_walk(const PageTable& pt, VirtAddr va, uint32_t* level) {
  if (!sv39::canonical(va.value())) {
    return nullptr;
  }
  uint64_t* t = table_at(pt, pt.root.value());
  for (uint32_t l = kRootLevel;; --l) {
    uint64_t* e = &t[sv39::index(va.value(), l)];
    if (!valid(*e)) {
      return nullptr;
    }
    if (leaf(*e)) {
      *level = l;
      return e;
    }
    if (l == 0) {
      kpanic("sv39_walk: level-0 entry %#lx for %#lx is not a leaf",
             static_cast<unsigned long>(*e), static_cast<unsigned long>(va.value()));
    }
    t = table_at(pt, pte_pa(*e));
  }
}

Result<Translation> cpu_pte_lookup(const PageTable& pt, VirtAddr va) {
  uint32_t level = 0;
  const uint64_t* e = sv39_walk(pt, va, &level);
  if (e == nullptr) {
    return Status::kNotMapped;
  }
  Translation tr;
  tr.pte = *e;
  tr.level = level;
  tr.pa = PhysAddr(pte_pa(*e) + (va.value() & (level_size(level) - 1)));
  return tr;
}

Status cpu_pte_map(PageTable& pt, VirtAddr va, PhysAddr pa, uint64_t len, uint32_t prot,
                   uint32_t flags) {
  QRV_TRY(check_range(va.value(), len));
  const uint64_t bits = prot_to_pte_bits(prot);
  if (bits == 0 || (prot & ~kProtAll) != 0 || !pa.aligned(kPageSize)) {
    return Status::kInvalidArgument;
  }
  if (pa.value() >= sv39::kMaxPhys || len > sv39::kMaxPhys - pa.value()) {
    return Status::kOutOfRange;
  }
  uint64_t* root = table_at(pt, pt.root.value());
  const uint64_t last = va.value() + (len - 1);
  QRV_TRY(find_mapped(pt, root, kRootLevel, va.value(), last));
  const Status s = map_level(pt, root, kRootLevel, va.value(), last, pa.value() - va.value(),
                             bits, (flags & kMapLargest) != 0);
  if (s != Status::kOk) {
    // Everything in the range is ours (it was empty), so unmapping it needs
    // no split and cannot fail: the call is all or nothing.
    QRV_TRY(unmap_level(pt, root, kRootLevel, va.value(), last));
  }
  return s;
}

Status cpu_pte_unmap(PageTable& pt, VirtAddr va, uint64_t len) {
  QRV_TRY(check_range(va.value(), len));
  const uint64_t last = va.value() + (len - 1);
  QRV_TRY(split_at(pt, va.value()));
  QRV_TRY(split_at(pt, last + 1));
  return unmap_level(pt, table_at(pt, pt.root.value()), kRootLevel, va.value(), last);
}

Status cpu_pte_protect(PageTable& pt, VirtAddr va, uint64_t len, uint32_t prot) {
  QRV_TRY(check_range(va.value(), len));
  const uint64_t bits = prot_to_pte_bits(prot);
  if (bits == 0 || (prot & ~kProtAll) != 0) {
    return Status::kInvalidArgument;
  }
  const uint64_t last = va.value() + (len - 1);
  uint64_t* root = table_at(pt, pt.root.value());
  QRV_TRY(find_hole(pt, root, kRootLevel, va.value(), last));
  QRV_TRY(split_at(pt, va.value()));
  QRV_TRY(split_at(pt, last + 1));
  return protect_level(pt, root, kRootLevel, va.value(), last, bits);
}

Status cpu_pte_split(PageTable& pt, VirtAddr va) {
  uint32_t level = 0;
  uint64_t* e = sv39_walk(pt, va, &level);
  if (e == nullptr) {
    return Status::kNotMapped;
  }
  if (level == 0) {
    return Status::kInvalidArgument;
  }
  return split_leaf(pt, e, level);
}

Result<uint32_t> cpu_pte_merge(PageTable& pt, VirtAddr va, uint64_t len) {
  QRV_TRY(check_range(va.value(), len));
  uint32_t merged = 0;
  QRV_TRY(merge_level(pt, table_at(pt, pt.root.value()), kRootLevel, va.value(),
                      va.value() + (len - 1), &merged));
  return merged;
}

#if defined(__riscv)
void cpu_tlb_flush_local(void*, VirtAddr va) {
  if (va == kFlushAllVa) {
    asm volatile("sfence.vma zero, zero" ::: "memory");
  } else {
    asm volatile("sfence.vma %0, zero" ::"r"(va.value()) : "memory");
  }
}
#endif
