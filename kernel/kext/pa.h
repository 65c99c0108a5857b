// pa: the kernel's physical quantum allocator. Hands out contiguous runs of
// 4 KiB quanta from the board's memory blocks (blk_head[]) minus reserved
// ranges. Every quantum has a pa_quantum record; free runs are maximal
// (always coalesced) and linked into per-block lists bucketed by floor(log2(len)).
//
// Locking: none inside. The kernel calls pa under the big kernel lock.
//
// Complexity (n = quanta in the request, R = free runs in the block,
// B = memory blocks <= kPaMaxBlocks, W = windows in the restriction chain):
//   pa_init            O(Q) for Q managed quanta (+ O(B^2 + reserved*B)).
//   pa_alloc           O(n) to mark the run + bucket search: O(1) when any
//                      free run in a bucket >= ceil(log2(n + align - 1))
//                      exists and the window does not cut the block (the
//                      common case, e.g. one quantum), else it scans the
//                      lists of candidate buckets: worst O(R) per block and
//                      window, O(W * B * R) overall.
//   pa_alloc_given     O(n + d): d = distance from the address back to the
//                      head of its free run (a left scan of the quantum array).
//   pa_free            O(n) to validate and mark, O(1) to coalesce and relink.
//   mem_free_size / mem_reserved_size   O(1), always exact.
//   pa_check           O(Q + R): walks every quantum and every list.
#pragma once

#include <cstdint>
#include <span>

#include "kernel/lib/result.h"
#include "kernel/mm/addr.h"

inline constexpr uint64_t kPaQuantum = kPageSize;
inline constexpr uint32_t kPaMaxBlocks = 8;
inline constexpr uint32_t kPaBuckets = 32;  // floor(log2(len)) for len < 2^32
inline constexpr uint32_t kPaNone = 0xffffffffu;

// Per-quantum metadata (seed name). 16 bytes; lives in caller-provided storage.
struct pa_quantum {
  uint16_t flags;  // kPaq* below
  uint16_t blk;    // index of the owning block in blk_head[]
  uint32_t run;    // run length in quanta: on the head of an allocated run,
                   // and on the head and tail of a free run; 0 elsewhere
  uint32_t next;   // free-run heads only: bucket list links (quantum indices)
  uint32_t prev;
};
static_assert(sizeof(pa_quantum) == 16);

inline constexpr uint16_t kPaqFree = 1u << 0;
inline constexpr uint16_t kPaqReserved = 1u << 1;
inline constexpr uint16_t kPaqAlloc = 1u << 2;
inline constexpr uint16_t kPaqHead = 1u << 3;       // first quantum of a run
inline constexpr uint16_t kPaqTail = 1u << 4;       // last quantum of a free run
inline constexpr uint16_t kPaqFreedOnce = 1u << 5;  // was allocated and freed (tells a double
                                                    // free from a never-allocated quantum)

// A physical range [base, base + size), as the device tree describes it.
struct PaRegion {
  PhysAddr base;
  uint64_t size;
};

// One window of a restriction chain: allocations must lie inside [lo, hi).
// Windows are tried in chain order; the first that can satisfy wins.
struct PaRestrict {
  PhysAddr lo;
  PhysAddr hi;
  const PaRestrict* next;
};

// One memory block: a contiguous, quantum-aligned range of RAM.
struct PaBlock {
  PhysAddr base;
  uint32_t nquanta;
  uint32_t free_quanta;
  uint32_t bucket_mask;  // bit k set <=> bucket[k] non-empty
  uint32_t bucket[kPaBuckets];
  pa_quantum* quanta;
};

// What pa_check found: ok, or the first broken invariant and where.
struct PaCheckReport {
  bool ok;
  const char* what;
  PhysAddr where;
};

class PhysAllocator {
 public:
  // Bytes of pa_quantum storage init() needs for these memory regions
  // (an upper bound: regions are not merged for this count).
  static uint64_t metadata_bytes(std::span<const PaRegion> memory);

  // Builds the blocks: memory edges are trimmed inward to quanta, reserved
  // ranges widened outward; reserved ranges may overlap each other and
  // memory's outside. Overlapping or touching memory regions are merged.
  // Errors: kInvalidArgument (no memory, more than kPaMaxBlocks blocks, a
  // block over 2^32 quanta), kNoMemory (storage too small).
  Status init(std::span<const PaRegion> memory, std::span<const PaRegion> reserved,
              std::span<pa_quantum> storage);

  // A run of `bytes` (rounded up to quanta) aligned to `align` (a power of
  // two; below a quantum means a quantum), from the first window of the
  // chain `restrict` (nullptr: anywhere) that can hold it.
  // Errors: kInvalidArgument (0 bytes, bad alignment), kNoMemory.
  Result<PhysAddr> alloc(uint64_t bytes, uint64_t align, const PaRestrict* restrict_chain);

  // Exactly [addr, addr + bytes). Errors: kInvalidArgument (unaligned or 0),
  // kOutOfRange (not inside one block), kBusy (part reserved or allocated).
  Result<PhysAddr> alloc_given(PhysAddr addr, uint64_t bytes);

  // Frees a whole run returned by alloc/alloc_given. Misuse (double free,
  // reserved or never-allocated memory, interior address, wrong length,
  // address outside managed memory) is a kernel bug: kpanic naming the address.
  void free(PhysAddr addr, uint64_t bytes);

  // Makes the allocated run [addr, addr + bytes) (exactly one run from
  // alloc) into single-quantum runs, each freed on its own later: a run
  // taken in one go for pages that are released one by one. O(n). Misuse is
  // a kernel bug (kpanic), as for free.
  void split(PhysAddr addr, uint64_t bytes);

  uint64_t free_size() const { return free_quanta_ * kPaQuantum; }
  uint64_t reserved_size() const { return reserved_quanta_ * kPaQuantum; }
  uint64_t managed_size() const { return total_quanta_ * kPaQuantum; }
  uint32_t block_count() const { return nblocks_; }
  const PaBlock& block(uint32_t i) const { return blk_head_[i]; }

  // The record of the quantum holding `addr`, or nullptr if unmanaged.
  const pa_quantum* quantum_of(PhysAddr addr) const;

  PaCheckReport check() const;

 private:
  struct Fit {
    uint32_t blk;
    uint32_t run_head;
    uint32_t index;
  };
  bool find_fit(uint32_t n, uint64_t align, PhysAddr lo, PhysAddr hi, Fit* out) const;
  bool fit_in_run(const PaBlock& b, uint32_t s, uint32_t len, uint32_t n, uint64_t align,
                  uint32_t wlo, uint32_t whi, uint32_t* index) const;
  void carve(PaBlock& b, uint32_t run_head, uint32_t index, uint32_t n);
  void insert_free_run(PaBlock& b, uint32_t s, uint32_t len);
  void remove_free_run(PaBlock& b, uint32_t s);
  int32_t block_index_of(PhysAddr addr) const;
  PaCheckReport check_block(uint32_t bi, uint64_t* free_count, uint64_t* reserved_count) const;

  PaBlock blk_head_[kPaMaxBlocks] = {};
  uint32_t nblocks_ = 0;
  uint64_t free_quanta_ = 0;
  uint64_t reserved_quanta_ = 0;
  uint64_t total_quanta_ = 0;
};

// The kernel's allocator (seed names). pa_init is called once at boot;
// tests may call it again to start afresh.
PhysAllocator& pa_global();
Status pa_init(std::span<const PaRegion> memory, std::span<const PaRegion> reserved,
               std::span<pa_quantum> storage);
Result<PhysAddr> pa_alloc(uint64_t bytes, uint64_t align, const PaRestrict* restrict_chain);
Result<PhysAddr> pa_alloc_given(PhysAddr addr, uint64_t bytes);
void pa_free(PhysAddr addr, uint64_t bytes);
uint64_t mem_free_size();
uint64_t mem_reserved_size();
PaCheckReport pa_check();
