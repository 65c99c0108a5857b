// pa: init, allocation (first fit over size buckets, restriction windows,
// given address) and validated freeing with boundary-tag coalescing.
// Invariants (checked by pa_check.cc): every managed quantum is exactly one of
// reserved, allocated or free; free runs are maximal and each is on the list
// of bucket floor_log2(len); the counters equal what the arrays say.
#include "kernel/kext/pa.h"

#include "kernel/lib/panic.h"
#include "kernel/lib/bit_ops.h"

namespace {

struct Range {
  uint64_t lo;
  uint64_t hi;
};

constexpr uint32_t floor_log2(uint64_t v) { return bit_floor_log2(v); }
constexpr uint32_t ceil_log2(uint64_t v) { return bit_ceil_log2(v); }

// End of [base, base + size), saturating instead of wrapping.
uint64_t end_of(uint64_t base, uint64_t size) {
  const uint64_t end = base + size;
  return end < base ? ~uint64_t{0} : end;
}

unsigned long ul(uint64_t v) { return static_cast<unsigned long>(v); }

}  // namespace

uint64_t PhysAllocator::metadata_bytes(std::span<const PaRegion> memory) {
  uint64_t quanta = 0;
  for (const PaRegion& r : memory) {
    const uint64_t lo = align_up(r.base.value(), kPaQuantum);
    const uint64_t hi = align_down(end_of(r.base.value(), r.size), kPaQuantum);
    if (hi > lo) {
      quanta += (hi - lo) / kPaQuantum;
    }
  }
  return quanta * sizeof(pa_quantum);
}

Status PhysAllocator::init(std::span<const PaRegion> memory, std::span<const PaRegion> reserved,
                           std::span<pa_quantum> storage) {
  *this = PhysAllocator();
  // Merge raw memory ranges (sorted insertion; overlapping or touching merge).
  Range raw[kPaMaxBlocks + 1];
  uint32_t nraw = 0;
  for (const PaRegion& r : memory) {
    Range cur{r.base.value(), end_of(r.base.value(), r.size)};
    if (cur.hi <= cur.lo) {
      continue;
    }
    uint32_t out = 0;
    Range keep[kPaMaxBlocks + 1];
    for (uint32_t i = 0; i < nraw; ++i) {
      if (raw[i].hi < cur.lo || cur.hi < raw[i].lo) {
        keep[out++] = raw[i];
      } else {
        cur.lo = raw[i].lo < cur.lo ? raw[i].lo : cur.lo;
        cur.hi = raw[i].hi > cur.hi ? raw[i].hi : cur.hi;
      }
    }
    if (out == kPaMaxBlocks + 1) {
      return Status::kInvalidArgument;
    }
    uint32_t pos = out;
    while (pos > 0 && keep[pos - 1].lo > cur.lo) {
      keep[pos] = keep[pos - 1];
      --pos;
    }
    keep[pos] = cur;
    nraw = out + 1;
    for (uint32_t i = 0; i < nraw; ++i) {
      raw[i] = keep[i];
    }
  }
  // Trim to whole quanta; each survivor is a block.
  uint64_t needed = 0;
  for (uint32_t i = 0; i < nraw; ++i) {
    const uint64_t lo = align_up(raw[i].lo, kPaQuantum);
    const uint64_t hi = align_down(raw[i].hi, kPaQuantum);
    if (hi <= lo) {
      continue;
    }
    const uint64_t nq = (hi - lo) / kPaQuantum;
    if (nblocks_ == kPaMaxBlocks || nq >= kPaNone) {
      *this = PhysAllocator();
      return Status::kInvalidArgument;
    }
    PaBlock& b = blk_head_[nblocks_++];
    b.base = PhysAddr(lo);
    b.nquanta = static_cast<uint32_t>(nq);
    needed += nq;
  }
  if (nblocks_ == 0) {
    return Status::kInvalidArgument;
  }
  if (needed > storage.size()) {
    *this = PhysAllocator();
    return Status::kNoMemory;
  }
  uint64_t used = 0;
  for (uint32_t bi = 0; bi < nblocks_; ++bi) {
    PaBlock& b = blk_head_[bi];
    b.quanta = storage.data() + used;
    used += b.nquanta;
    for (uint32_t k = 0; k < kPaBuckets; ++k) {
      b.bucket[k] = kPaNone;
    }
    for (uint32_t i = 0; i < b.nquanta; ++i) {
      b.quanta[i] = pa_quantum{kPaqFree, static_cast<uint16_t>(bi), 0, kPaNone, kPaNone};
    }
  }
  // Reserved ranges widen to whole quanta; the parts outside memory are ignored.
  for (const PaRegion& r : reserved) {
    const uint64_t lo = align_down(r.base.value(), kPaQuantum);
    const uint64_t hi = align_up(end_of(r.base.value(), r.size), kPaQuantum);
    for (uint32_t bi = 0; bi < nblocks_; ++bi) {
      PaBlock& b = blk_head_[bi];
      const uint64_t blo = b.base.value();
      const uint64_t bhi = blo + uint64_t{b.nquanta} * kPaQuantum;
      const uint64_t clo = lo > blo ? lo : blo;
      const uint64_t chi = (hi == 0 || hi > bhi) ? bhi : hi;  // hi == 0: wrapped at 2^64
      for (uint64_t a = clo; a < chi; a += kPaQuantum) {
        b.quanta[(a - blo) / kPaQuantum].flags = kPaqReserved;
      }
    }
  }
  // Link the maximal free runs and count.
  for (uint32_t bi = 0; bi < nblocks_; ++bi) {
    PaBlock& b = blk_head_[bi];
    total_quanta_ += b.nquanta;
    uint32_t i = 0;
    while (i < b.nquanta) {
      if (b.quanta[i].flags & kPaqReserved) {
        ++reserved_quanta_;
        ++i;
        continue;
      }
      uint32_t j = i;
      while (j < b.nquanta && (b.quanta[j].flags & kPaqFree)) {
        ++j;
      }
      insert_free_run(b, i, j - i);
      b.free_quanta += j - i;
      i = j;
    }
    free_quanta_ += b.free_quanta;
  }
  return Status::kOk;
}

void PhysAllocator::insert_free_run(PaBlock& b, uint32_t s, uint32_t len) {
  pa_quantum& head = b.quanta[s];
  pa_quantum& tail = b.quanta[s + len - 1];
  head.flags = static_cast<uint16_t>((head.flags & kPaqFreedOnce) | kPaqFree | kPaqHead);
  tail.flags = static_cast<uint16_t>(tail.flags | kPaqFree | kPaqTail);
  head.run = len;
  tail.run = len;
  const uint32_t k = floor_log2(len);
  head.prev = kPaNone;
  head.next = b.bucket[k];
  if (head.next != kPaNone) {
    b.quanta[head.next].prev = s;
  }
  b.bucket[k] = s;
  b.bucket_mask |= 1u << k;
}

void PhysAllocator::remove_free_run(PaBlock& b, uint32_t s) {
  pa_quantum& head = b.quanta[s];
  const uint32_t len = head.run;
  const uint32_t k = floor_log2(len);
  if (head.prev != kPaNone) {
    b.quanta[head.prev].next = head.next;
  } else {
    b.bucket[k] = head.next;
    if (head.next == kPaNone) {
      b.bucket_mask &= ~(1u << k);
    }
  }
  if (head.next != kPaNone) {
    b.quanta[head.next].prev = head.prev;
  }
  head.next = kPaNone;
  head.prev = kPaNone;
  pa_quantum& tail = b.quanta[s + len - 1];
  tail.flags = static_cast<uint16_t>(tail.flags & ~kPaqTail);
  tail.run = 0;
  head.flags = static_cast<uint16_t>(head.flags & ~kPaqHead);
  head.run = 0;
}

bool PhysAllocator::fit_in_run(const PaBlock& b, uint32_t s, uint32_t len, uint32_t n,
                               uint64_t align, uint32_t wlo, uint32_t whi,
                               uint32_t* index) const {
  const uint64_t start = s > wlo ? s : wlo;
  const uint64_t run_end = uint64_t{s} + len;
  const uint64_t end = run_end < whi ? run_end : whi;
  const uint64_t addr = align_up(b.base.value() + start * kPaQuantum, align);
  const uint64_t idx = (addr - b.base.value()) / kPaQuantum;
  if (idx + n > end) {
    return false;
  }
  *index = static_cast<uint32_t>(idx);
  return true;
}

bool PhysAllocator::find_fit(uint32_t n, uint64_t align, PhysAddr lo, PhysAddr hi,
                             Fit* out) const {
  const uint64_t align_q = align / kPaQuantum;
  const uint32_t sure_bucket = ceil_log2(uint64_t{n} + align_q - 1);
  for (uint32_t bi = 0; bi < nblocks_; ++bi) {
    const PaBlock& b = blk_head_[bi];
    const uint64_t blo = b.base.value();
    const uint64_t bhi = blo + uint64_t{b.nquanta} * kPaQuantum;
    if (hi.value() <= blo || lo.value() >= bhi) {
      continue;
    }
    const uint32_t wlo = lo.value() <= blo
                             ? 0u
                             : static_cast<uint32_t>(align_up(lo.value() - blo, kPaQuantum) /
                                                     kPaQuantum);
    const uint32_t whi = hi.value() >= bhi
                             ? b.nquanta
                             : static_cast<uint32_t>((hi.value() - blo) / kPaQuantum);
    if (whi <= wlo || whi - wlo < n) {
      continue;
    }
    const bool cut = wlo != 0 || whi != b.nquanta;
    uint32_t mask = b.bucket_mask & ~((1u << floor_log2(n)) - 1u);
    while (mask != 0) {
      const uint32_t k = bit_ctz(mask);
      mask &= mask - 1;
      // From sure_bucket up (and no window cut) the first run always fits.
      const bool first_fits = !cut && k >= sure_bucket;
      for (uint32_t s = b.bucket[k]; s != kPaNone; s = b.quanta[s].next) {
        uint32_t idx = 0;
        if (fit_in_run(b, s, b.quanta[s].run, n, align, wlo, whi, &idx)) {
          *out = Fit{bi, s, idx};
          return true;
        }
        if (first_fits) {
          kpanic("pa: bucket %u run at %#lx cannot hold %u quanta", k,
                 ul(blo + uint64_t{s} * kPaQuantum), n);
        }
      }
    }
  }
  return false;
}

void PhysAllocator::carve(PaBlock& b, uint32_t run_head, uint32_t index, uint32_t n) {
  const uint32_t len = b.quanta[run_head].run;
  remove_free_run(b, run_head);
  for (uint32_t i = index; i < index + n; ++i) {
    b.quanta[i].flags = kPaqAlloc;
    b.quanta[i].run = 0;
  }
  b.quanta[index].flags = kPaqAlloc | kPaqHead;
  b.quanta[index].run = n;
  if (index > run_head) {
    insert_free_run(b, run_head, index - run_head);
  }
  if (index + n < run_head + len) {
    insert_free_run(b, index + n, run_head + len - index - n);
  }
  b.free_quanta -= n;
  free_quanta_ -= n;
}

Result<PhysAddr> PhysAllocator::alloc(uint64_t bytes, uint64_t align,
                                      const PaRestrict* restrict_chain) {
  if (bytes == 0 || (align != 0 && !is_pow2(align))) {
    return Status::kInvalidArgument;
  }
  if (align < kPaQuantum) {
    align = kPaQuantum;
  }
  const uint64_t nq = align_up(bytes, kPaQuantum) / kPaQuantum;
  if (nq < bytes / kPaQuantum || align > (uint64_t{1} << 62)) {
    return Status::kInvalidArgument;  // the size wrapped, or an absurd alignment
  }
  if (nq > free_quanta_ || nq >= kPaNone) {
    return Status::kNoMemory;
  }
  const uint32_t n = static_cast<uint32_t>(nq);
  Fit fit{};
  bool found = false;
  if (restrict_chain == nullptr) {
    found = find_fit(n, align, PhysAddr(0), PhysAddr(~uint64_t{0}), &fit);
  }
  for (const PaRestrict* r = restrict_chain; r != nullptr && !found; r = r->next) {
    found = find_fit(n, align, r->lo, r->hi, &fit);
  }
  if (!found) {
    return Status::kNoMemory;
  }
  PaBlock& b = blk_head_[fit.blk];
  carve(b, fit.run_head, fit.index, n);
  return b.base + uint64_t{fit.index} * kPaQuantum;
}

int32_t PhysAllocator::block_index_of(PhysAddr addr) const {
  for (uint32_t bi = 0; bi < nblocks_; ++bi) {
    const PaBlock& b = blk_head_[bi];
    if (addr >= b.base && addr - b.base < uint64_t{b.nquanta} * kPaQuantum) {
      return static_cast<int32_t>(bi);
    }
  }
  return -1;
}

const pa_quantum* PhysAllocator::quantum_of(PhysAddr addr) const {
  const int32_t bi = block_index_of(addr);
  if (bi < 0) {
    return nullptr;
  }
  const PaBlock& b = blk_head_[bi];
  return &b.quanta[(addr - b.base) / kPaQuantum];
}

Result<PhysAddr> PhysAllocator::alloc_given(PhysAddr addr, uint64_t bytes) {
  if (bytes == 0 || !addr.aligned(kPaQuantum)) {
    return Status::kInvalidArgument;
  }
  const int32_t bi = block_index_of(addr);
  if (bi < 0) {
    return Status::kOutOfRange;
  }
  PaBlock& b = blk_head_[bi];
  const uint64_t first = (addr - b.base) / kPaQuantum;
  const uint64_t nq = align_up(bytes, kPaQuantum) / kPaQuantum;
  if (nq < bytes / kPaQuantum || nq > b.nquanta - first) {
    return Status::kOutOfRange;
  }
  for (uint64_t i = first; i < first + nq; ++i) {
    if (!(b.quanta[i].flags & kPaqFree)) {
      return Status::kBusy;
    }
  }
  // Free runs are maximal, so [first, first + nq) lies in one run: find its head.
  uint64_t head = first;
  while (!(b.quanta[head].flags & kPaqHead)) {
    --head;
  }
  carve(b, static_cast<uint32_t>(head), static_cast<uint32_t>(first),
        static_cast<uint32_t>(nq));
  return addr;
}

void PhysAllocator::split(PhysAddr addr, uint64_t bytes) {
  const int32_t bi = block_index_of(addr);
  if (bi < 0 || !addr.aligned(kPaQuantum)) kpanic("pa_split: %#lx is not an allocation", ul(addr.value()));
  PaBlock& b = blk_head_[bi];
  const uint32_t idx = static_cast<uint32_t>((addr - b.base) / kPaQuantum);
  const pa_quantum& q = b.quanta[idx];
  if (q.flags != (kPaqAlloc | kPaqHead) || bytes == 0 || align_up(bytes, kPaQuantum) != uint64_t{q.run} * kPaQuantum) {
    kpanic("pa_split: %#lx is not the start of a %lu-byte allocation", ul(addr.value()), ul(bytes));
  }
  const uint32_t n = q.run;
  for (uint32_t i = idx; i < idx + n; ++i) {
    b.quanta[i].flags = kPaqAlloc | kPaqHead;
    b.quanta[i].run = 1;
  }
}

void PhysAllocator::free(PhysAddr addr, uint64_t bytes) {
  const int32_t bi = block_index_of(addr);
  if (bi < 0) {
    kpanic("pa_free: %#lx is not managed physical memory", ul(addr.value()));
  }
  if (!addr.aligned(kPaQuantum)) {
    kpanic("pa_free: %#lx is not quantum-aligned", ul(addr.value()));
  }
  PaBlock& b = blk_head_[bi];
  const uint32_t idx = static_cast<uint32_t>((addr - b.base) / kPaQuantum);
  pa_quantum& q = b.quanta[idx];
  if (q.flags & kPaqReserved) {
    kpanic("pa_free: %#lx is reserved memory", ul(addr.value()));
  }
  if (q.flags & kPaqFree) {
    if (q.flags & kPaqFreedOnce) {
      kpanic("pa_free: double free of %#lx", ul(addr.value()));
    }
    kpanic("pa_free: %#lx was never allocated", ul(addr.value()));
  }
  if (!(q.flags & kPaqHead)) {
    kpanic("pa_free: %#lx is inside an allocation, not its start", ul(addr.value()));
  }
  const uint32_t n = q.run;
  if (bytes == 0 || align_up(bytes, kPaQuantum) != uint64_t{n} * kPaQuantum) {
    kpanic("pa_free: wrong length for %#lx: freeing %lu bytes, allocated %lu", ul(addr.value()),
           ul(bytes), ul(uint64_t{n} * kPaQuantum));
  }
  for (uint32_t i = idx; i < idx + n; ++i) {
    b.quanta[i].flags = kPaqFree | kPaqFreedOnce;
    b.quanta[i].run = 0;
  }
  uint32_t start = idx;
  uint32_t len = n;
  if (idx > 0 && (b.quanta[idx - 1].flags & kPaqFree)) {
    const uint32_t left = idx - b.quanta[idx - 1].run;
    len += b.quanta[left].run;
    remove_free_run(b, left);
    start = left;
  }
  if (idx + n < b.nquanta && (b.quanta[idx + n].flags & kPaqFree)) {
    const uint32_t right = idx + n;
    len += b.quanta[right].run;
    remove_free_run(b, right);
  }
  insert_free_run(b, start, len);
  b.free_quanta += n;
  free_quanta_ += n;
}
