// Process address spaces (seed names mm_mcreate, mm_mdestroy, mm_vaddrinfo,
// mm_map_xfer): a root table whose kernel half points at the kernel
// template's shared L1 tables and whose user half (below kUserTop) is private.
// Locking: none inside; callers hold the big kernel lock.
#pragma once

#include <cstdint>
#include <span>

#include "kernel/arch/riscv/cpu_pte.h"
#include "kernel/kext/pa.h"
#include "kernel/lib/result.h"
#include "kernel/mm/addr.h"
#include "kernel/mm/object_cache.h"
#include "kernel/mm/page_table.h"

// User addresses are [kUserBase, kUserTop): root slots 0..255, page 0 never.
inline constexpr uint64_t kUserBase = kPageSize;
inline constexpr uint64_t kUserTop = uint64_t{1} << 38;  // 0x40_0000_0000
// Root slot 3 (0xC000_0000 - 0xFFFF_FFFF) is taskman's image: present only
// in taskman's page table (ARCHITECTURE.md), never loaded into another.
inline constexpr uint32_t kTaskmanRootSlot = 3;
inline constexpr uint64_t kTaskmanBase = uint64_t{kTaskmanRootSlot} << 30;
inline constexpr uint64_t kTaskmanTop = kTaskmanBase + (uint64_t{1} << 30);

struct MmSpaces;

// Demand-zero ranges per address space: a main thread's stack and the bss
// of a program's writable segments.
inline constexpr uint32_t kLazyRanges = 4;
struct LazyRange {
  uint64_t lo = 0;  // [lo, hi), RW; hi == 0: unused
  uint64_t hi = 0;
};

// One process's address space. Its tables come through `tables`, a counting
// wrapper around the template's allocator (ctx = this tAddress).
struct tAddress {
  PageTable pt;
  PtAllocator tables;
  MmSpaces* spaces = nullptr;
  uint64_t mapped_pages = 0;  // user mappings, in 4 KiB pages
  uint64_t owned_pages = 0;   // of those, pages from mm_map_anon (freed with the space)
  uint64_t table_pages = 0;   // root + user-half tables
  bool taskman_view = false;  // root slot 3 borrows taskman's table (mm_taskman_view_install)
  LazyRange lazy[kLazyRanges];  // demand-zero ranges (mm_reserve_lazy)
};

// Runs after a mapping becomes executable: fence.i on this hart and on every
// other hart (RISC-V keeps no instruction-fetch coherence; ARCHITECTURE.md).
struct IcacheHook {
  void (*sync)(void* ctx);
  void* ctx;
};

// Everything address spaces are built from. One per kernel; the template
// must outlive every address space.
struct MmSpaces {
  PageTable* kernel = nullptr;  // the kernel template, prepared
  PhysAllocator* pa = nullptr;  // user pages and tAddress slabs
  uint64_t virt_offset = 0;     // direct map: a PA is reached at PA + virt_offset
  IcacheHook icache = {};
  ObjectCache<tAddress> cache;
  uint64_t live = 0;  // address spaces created and not destroyed
};

// Allocates an (empty) L1 table in every kernel-half root slot of the kernel
// page table that has none, and marks it keep_kernel_tables, so kernel
// mappings made later appear in every address space. Call before mapping
// anything with 1 GiB leaves in the kernel half. All or nothing.
// Errors: kNoMemory; kAlreadyMapped if a kernel root slot holds a leaf.
Status mm_kernel_template_prepare(PageTable& kernel);

// Sets up `s` (virt_offset 16 KiB-aligned, as slabs need). Errors:
// kInvalidArgument (a null pointer or hook, or `kernel` not prepared).
Status mm_spaces_init(MmSpaces* s, PageTable* kernel, PhysAllocator* pa, uint64_t virt_offset,
                      IcacheHook icache);

// A new address space with an empty user half. Errors: kNoMemory,
// kInvalidArgument (`s` not initialised).
Result<tAddress*> mm_mcreate(MmSpaces* s, uint16_t asid);

// Frees the user-half tables, the owned user pages, the root and the
// tAddress; never the shared kernel tables. The space must not be active on
// any hart. Null is ignored.
void mm_mdestroy(tAddress* as);

// fork's copy (aspace_copy.cc): fills `dst`, new and empty, with a copy of
// `src`'s user half. Each owned page is copied into a new owned page with
// the same protection; shared physical pages (mm_map_phys) are mapped
// again, not copied; device registers are left out (they come with I/O
// privilege, which a child never inherits); the demand-zero range is
// reserved again, its touched pages copied. Executable copies get the
// icache hook. On an error `dst` holds part of the copy: destroy it.
// Errors: kInvalidArgument (null, the same space, dst not empty, src has
// the taskman view), kNoMemory.
Status mm_mcopy(tAddress* dst, const tAddress* src);

// `len` bytes of zeroed pages from pa at `va`, mapped user with `prot`
// (kProtRead/Write/Exec; kProtUser implied). All or nothing.
// Errors: kInvalidArgument (null, unaligned, zero length, bad prot),
// kOutOfRange (not inside user space), kAlreadyMapped, kNoMemory.
Status mm_map_anon(tAddress* as, VirtAddr va, uint64_t len, uint32_t prot);

// Maps [pa, pa + len) at `va` for the user (device memory, shared pages),
// with the largest leaves that fit. The pages are not owned: unmapping or
// destroying the space leaves them alone. Errors as mm_map_anon.
Status mm_map_phys(tAddress* as, VirtAddr va, PhysAddr pa, uint64_t len, uint32_t prot);

// Device registers [pa, pa + len) at `va` for the user, read or read-write
// (never exec), 4 KiB leaves marked as device memory: not owned, and refused
// by the message transfers below (kNoAccess), which reach pages through the
// direct map, where devices are not. Errors as mm_map_anon.
Status mm_map_device(tAddress* as, VirtAddr va, PhysAddr pa, uint64_t len, uint32_t prot);

// Removes every user mapping in [va, va + len) (holes allowed), freeing
// owned pages. Errors: kInvalidArgument, kOutOfRange, kNoMemory (a large
// leaf straddling an end could not be split; nothing was unmapped).
Status mm_unmap(tAddress* as, VirtAddr va, uint64_t len);

// Reserves [va, va + len) as demand-zero memory, read-write: nothing is
// mapped now; the first touch of each page maps a zeroed, owned page there
// (mm_fault_lazy: from a user fault, a kernel copy or a message transfer).
// A main thread's stack, or a large bss, costs what it uses. At most
// kLazyRanges per address space; a range must be unmapped and outside the
// others, and nothing may be mapped into it later. Errors: as mm_map_anon;
// kBusy (every range is in use).
Status mm_reserve_lazy(tAddress* as, VirtAddr va, uint64_t len);

// Maps the page holding `va` if it lies in a demand-zero range and is not
// mapped yet. Whether `va`'s page is now mapped because of a range (false:
// outside them, or no memory).
bool mm_fault_lazy(tAddress* as, uint64_t va);

// Changes the protection of [va, va + len), every page of it mapped (else
// kNotMapped, nothing changed); owned pages stay owned. A range that becomes
// executable gets the icache hook. Errors as mm_map_anon, plus kNotMapped.
Status mm_protect(tAddress* as, VirtAddr va, uint64_t len, uint32_t prot);

// The taskman view (ARCHITECTURE.md, seed story): while a child's loader
// thread runs taskman's code in the child, the child's root slot 3 points at
// taskman's slot-3 table. It is borrowed, never owned: mm_mdestroy leaves it
// alone, and no map call of the child may reach into slot 3 while it is
// there. Errors: kInvalidArgument (null, or taskman has no slot 3),
// kAlreadyMapped (the child has something in slot 3).
Status mm_taskman_view_install(tAddress* child, const tAddress* taskman);

// Takes the view away and forgets its translations on every hart, before
// the child's first instruction of its own. Idempotent.
void mm_taskman_view_remove(tAddress* child);

// Whether root slot `slot` (< 256: the user half) holds anything.
bool mm_root_slot_present(const tAddress* as, uint32_t slot);

// What one address translates to.
struct VaddrInfo {
  PhysAddr pa;         // translation of `va` itself
  uint64_t leaf_size;  // 4 KiB, 2 MiB or 1 GiB
  uint32_t prot;       // kProtRead/Write/Exec, plus kProtUser for user pages
  bool owned;          // a page from mm_map_anon
  bool device;         // device memory (mm_map_device)
};

// Read-only walk; any canonical address (kernel ones through the shared
// half). Errors: kInvalidArgument (null), kOutOfRange, kNotMapped.
Result<VaddrInfo> mm_vaddrinfo(const tAddress* as, VirtAddr va);

// Why a transfer stopped, and on which side.
enum class XferStatus : uint8_t {
  kOk,
  kInvalidArgument,  // a null address space
  kBadAddress,       // a page outside user space (kernel, page 0, wrapped)
  kNotMapped,        // a page with no mapping
  kNoAccess,         // mapped, but not user-readable (source) / user-writable (destination)
};
enum class XferSide : uint8_t { kNone, kSource, kDestination };

// The outcome of a transfer: `copied` bytes went across; on failure it is
// also the message offset of the first byte that could not be copied.
struct XferResult {
  XferStatus status = XferStatus::kOk;
  XferSide side = XferSide::kNone;
  uint64_t copied = 0;
  constexpr bool ok() const { return status == XferStatus::kOk; }
};

// Copies `len` bytes from `src` in `src_as` to `dst` in `dst_as` through
// the direct map, in chunks bounded by both sides' page boundaries; each
// source page must be mapped user-readable and each destination page
// user-writable, checked as the copy reaches it. Stops at the first page
// that is not. Overlapping buffers (one space twice) get unspecified bytes,
// as with memcpy, but never a fault.
XferResult mm_map_xfer(tAddress* dst_as, VirtAddr dst, tAddress* src_as, VirtAddr src,
                       uint64_t len);

// One part of a multi-part message.
struct MmIov {
  VirtAddr base;
  uint64_t len;
};

// The multi-part form (MsgSendv, MsgReplyv): the source parts, in order,
// fill the destination parts, in order, whatever their shapes; min(source
// total, destination total) bytes. Empty parts are skipped.
XferResult mm_map_xferv(tAddress* dst_as, std::span<const MmIov> dst, tAddress* src_as,
                        std::span<const MmIov> src);

// As mm_map_xferv, starting `dst_skip` bytes into the destination parts and
// `src_skip` bytes into the source parts (MsgReadv / MsgWritev at an offset).
// `copied` counts bytes moved, not skipped.
XferResult mm_map_xferv_at(tAddress* dst_as, std::span<const MmIov> dst, uint64_t dst_skip,
                           tAddress* src_as, std::span<const MmIov> src, uint64_t src_skip);
