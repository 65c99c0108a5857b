// cpu_pte: the Sv39 page-table engine (seed names: cpu_pte_manipulate's map,
// unmap and protect, cpu_pte_split, cpu_pte_merge, sv39_walk,
// prot_to_pte_bits). Tables come from a PtAllocator, fences go through
// TlbHooks (kernel/mm/page_table.h), so the engine also runs on the host.
// Locking: none inside; the caller holds the address space's lock (today the
// big kernel lock).
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/sv39.h"
#include "kernel/lib/result.h"
#include "kernel/mm/addr.h"
#include "kernel/mm/page_table.h"

// One address space's tables. Plain value; the allocator and hooks outlive it.
struct PageTable {
  PhysAddr root;
  uint16_t asid = 0;
  const PtAllocator* alloc = nullptr;
  const TlbHooks* tlb = nullptr;
  // Root entries 256..511 (the kernel half) point at tables shared by every
  // address space (kernel/mm/aspace.h): when set, those tables are never
  // freed when they empty, replaced by a 1 GiB leaf, or merged into one.
  bool keep_kernel_tables = false;
};

// What a walk found for one virtual address.
struct Translation {
  PhysAddr pa;          // translation of the address itself (leaf base + offset)
  uint64_t pte = 0;     // the leaf entry
  uint32_t level = 0;   // 0: 4 KiB, 1: 2 MiB, 2: 1 GiB
};

// PTE permission bits for `prot` (kProt*). A/D policy and why: the spec
// (4.3.1, "A and D bits") lets hardware either set A/D itself or raise a page
// fault when they are clear; QRV does not track referenced/dirty pages, so A
// is always set and D on every writable mapping, and no hart ever faults on
// them. Kernel mappings are global (G: present in every address space, so
// they survive ASID changes); user ones carry U. W without R is a reserved
// encoding (Table 4.5 of the Sv39 section), so write implies read.
// Returns 0 for a protection with none of read/write/exec (no leaf encodes it).
uint64_t prot_to_pte_bits(uint32_t prot);

// A fresh, empty root table. Errors: kNoMemory; kInvalidArgument if the
// allocator or the hooks are incomplete (a null hook would be a jump to 0).
Result<PageTable> cpu_pgdir_create(const PtAllocator* alloc, const TlbHooks* tlb,
                                   uint16_t asid);

// Frees every table of `pt`, the root included (not the mapped pages).
void cpu_pgdir_destroy(PageTable& pt);

// The leaf entry for `va` and its level: pointer into the table, or nullptr
// if no leaf maps `va` (the seed's sv39_walk, without allocation).
uint64_t* sv39_walk(const PageTable& pt, VirtAddr va, uint32_t* level);

Result<Translation> cpu_pte_lookup(const PageTable& pt, VirtAddr va);

// Maps [va, va + len) to [pa, pa + len). va, pa, len page-aligned, len > 0,
// the range canonical and not crossing the Sv39 hole, nothing in it mapped.
// With kMapLargest, 1 GiB and 2 MiB leaves are used wherever va and pa are
// both aligned and the range covers the whole leaf. All or nothing.
// Errors: kInvalidArgument, kOutOfRange, kAlreadyMapped, kNoMemory.
Status cpu_pte_map(PageTable& pt, VirtAddr va, PhysAddr pa, uint64_t len, uint32_t prot,
                   uint32_t flags);

// Removes every mapping in [va, va + len) (holes allowed), splitting large
// leaves that straddle the ends and freeing tables that become empty.
// Errors: kInvalidArgument, kOutOfRange, kNoMemory (a split failed; nothing
// was unmapped then).
Status cpu_pte_unmap(PageTable& pt, VirtAddr va, uint64_t len);

// Changes the protection of [va, va + len), which must be fully mapped
// (kNotMapped otherwise, nothing changed). Splits straddling large leaves.
// The software (RSW) bits of each leaf are kept.
Status cpu_pte_protect(PageTable& pt, VirtAddr va, uint64_t len, uint32_t prot);

// Splits the 2 MiB or 1 GiB leaf mapping `va` into a table of 512 leaves one
// level down, same translation and bits. Errors: kNotMapped, kInvalidArgument
// (a 4 KiB leaf), kNoMemory.
Status cpu_pte_split(PageTable& pt, VirtAddr va);

// Replaces every table inside [va, va + len) whose 512 entries are leaves
// with equal bits mapping one aligned contiguous range by a single larger
// leaf (bottom-up, so 4 KiB -> 2 MiB -> 1 GiB in one call). Returns how many
// tables were merged.
Result<uint32_t> cpu_pte_merge(PageTable& pt, VirtAddr va, uint64_t len);

#if defined(__riscv)
// The local fence for TlbHooks::flush_local on the board (4.2.1 SFENCE.VMA):
// the rs1 = va form for one leaf, rs1 = x0 for kFlushAllVa (needed after a
// non-leaf entry changes).
void cpu_tlb_flush_local(void* ctx, VirtAddr va);
#endif
