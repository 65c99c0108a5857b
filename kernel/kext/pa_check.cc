// pa_check: walks every quantum and every free list and reports the first
// broken invariant (used by tests after each step, and by a debug kernel).
#include "kernel/kext/pa.h"

#include "kernel/lib/bit_ops.h"

namespace {

constexpr uint32_t floor_log2(uint64_t v) { return bit_floor_log2(v); }

}  // namespace

PaCheckReport PhysAllocator::check_block(uint32_t bi, uint64_t* free_count,
                                         uint64_t* reserved_count) const {
  const PaBlock& b = blk_head_[bi];
  const auto at = [&](uint64_t i) { return b.base + i * kPaQuantum; };
  const auto bad = [&](const char* what, uint64_t i) { return PaCheckReport{false, what, at(i)}; };
  uint64_t runs = 0;
  uint64_t free_q = 0;
  uint32_t i = 0;
  while (i < b.nquanta) {
    const pa_quantum& q = b.quanta[i];
    if (q.blk != bi) {
      return bad("quantum names the wrong block", i);
    }
    if (q.flags == kPaqReserved) {
      ++*reserved_count;
      ++i;
    } else if (q.flags == (kPaqAlloc | kPaqHead)) {
      const uint32_t n = q.run;
      if (n == 0 || n > b.nquanta - i) {
        return bad("allocated run has a bad length", i);
      }
      for (uint32_t j = i + 1; j < i + n; ++j) {
        if (b.quanta[j].flags != kPaqAlloc || b.quanta[j].run != 0 || b.quanta[j].blk != bi) {
          return bad("allocated run interior is not marked allocated", j);
        }
      }
      i += n;
    } else if ((q.flags & (kPaqFree | kPaqHead)) == (kPaqFree | kPaqHead) &&
               (q.flags & (kPaqAlloc | kPaqReserved)) == 0) {
      const uint32_t len = q.run;
      if (len == 0 || len > b.nquanta - i) {
        return bad("free run has a bad length", i);
      }
      if (i > 0 && (b.quanta[i - 1].flags & kPaqFree)) {
        return bad("free runs not coalesced", i);
      }
      for (uint32_t j = i; j < i + len; ++j) {
        const uint16_t f = b.quanta[j].flags;
        const bool is_tail = j == i + len - 1;
        if (!(f & kPaqFree) || (f & (kPaqAlloc | kPaqReserved)) || (j != i && (f & kPaqHead)) ||
            (is_tail != ((f & kPaqTail) != 0)) || b.quanta[j].blk != bi) {
          return bad("free run quantum has bad flags", j);
        }
        if (j != i && !is_tail && b.quanta[j].run != 0) {
          return bad("free run interior has a length", j);
        }
      }
      if (b.quanta[i + len - 1].run != len) {
        return bad("free run tail length differs from head", i + len - 1);
      }
      ++runs;
      free_q += len;
      i += len;
    } else {
      return bad("quantum has impossible flags", i);
    }
  }
  if (free_q != b.free_quanta) {
    return bad("block free count differs from its quanta", 0);
  }
  // Every free run is on exactly the list of its bucket, and links agree.
  uint64_t listed = 0;
  for (uint32_t k = 0; k < kPaBuckets; ++k) {
    const bool has = b.bucket[k] != kPaNone;
    if (has != ((b.bucket_mask >> k) & 1u)) {
      return bad("bucket mask differs from bucket lists", 0);
    }
    uint32_t prev = kPaNone;
    for (uint32_t s = b.bucket[k]; s != kPaNone; s = b.quanta[s].next) {
      if (s >= b.nquanta || ++listed > runs) {
        return bad("free list links out of range or cyclic", 0);
      }
      const pa_quantum& q = b.quanta[s];
      if (!(q.flags & kPaqFree) || !(q.flags & kPaqHead) || floor_log2(q.run) != k ||
          q.prev != prev) {
        return bad("free list entry is not a run head of its bucket", s);
      }
      prev = s;
    }
  }
  if (listed != runs) {
    return bad("free run missing from the free lists", 0);
  }
  *free_count += free_q;
  return PaCheckReport{true, "ok", PhysAddr()};
}

PaCheckReport PhysAllocator::check() const {
  uint64_t free_count = 0;
  uint64_t reserved_count = 0;
  uint64_t total = 0;
  for (uint32_t bi = 0; bi < nblocks_; ++bi) {
    const PaBlock& b = blk_head_[bi];
    if (bi > 0) {
      const PaBlock& a = blk_head_[bi - 1];
      if (a.base + uint64_t{a.nquanta} * kPaQuantum >= b.base) {
        return PaCheckReport{false, "blocks overlap or are unsorted", b.base};
      }
    }
    total += b.nquanta;
    const PaCheckReport r = check_block(bi, &free_count, &reserved_count);
    if (!r.ok) {
      return r;
    }
  }
  if (free_count != free_quanta_) {
    return PaCheckReport{false, "mem_free_size differs from the quanta", PhysAddr()};
  }
  if (reserved_count != reserved_quanta_) {
    return PaCheckReport{false, "mem_reserved_size differs from the quanta", PhysAddr()};
  }
  if (total != total_quanta_) {
    return PaCheckReport{false, "managed size differs from the blocks", PhysAddr()};
  }
  return PaCheckReport{true, "ok", PhysAddr()};
}
