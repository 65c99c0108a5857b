// SlabCache: slab lists, bitmap allocation, validated free, debug poison.
// Invariant: a slab is on exactly one list, chosen by its in_use count.
#include "kernel/mm/slab_cache.h"

#include "kernel/lib/panic.h"
#include "kernel/lib/bit_ops.h"

struct SlabCache::Slab {
  static constexpr uint32_t kMagic = 0x51ab51abu;
  static constexpr uint32_t kMaxObjects = 256;
  uint32_t magic;
  uint16_t in_use;
  uint16_t unused;
  SlabCache* owner;
  Slab* prev;
  Slab* next;
  uint64_t used[kMaxObjects / 64];  // bit i set <=> object i handed out
};

namespace {

constexpr uint32_t kHeaderBytes = 64;
static_assert(kHeaderBytes % kSlabAlign == 0);

[[maybe_unused]] void fill(uint8_t* p, uint8_t v, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) {
    p[i] = v;
  }
}

}  // namespace

Status SlabCache::init(const char* name, uint32_t object_size, PageSource src) {
  static_assert(sizeof(Slab) <= kHeaderBytes);
  // Slabs are found by masking virtual addresses, so the direct map must
  // keep the physical alignment of the largest slab.
  if (object_size == 0 || object_size > kSlabMaxObject || src.pa == nullptr ||
      !is_aligned(src.virt_offset, 4 * kPageSize)) {
    return Status::kInvalidArgument;
  }
  *this = SlabCache();
  name_ = name;
  src_ = src;
  object_size_ = static_cast<uint32_t>(align_up(object_size, kSlabAlign));
  // The smallest slab (up to 4 pages) that holds at least 8 objects.
  slab_bytes_ = static_cast<uint32_t>(kPageSize);
  while ((slab_bytes_ - kHeaderBytes) / object_size_ < 8 && slab_bytes_ < 4 * kPageSize) {
    slab_bytes_ *= 2;
  }
  capacity_ = (slab_bytes_ - kHeaderBytes) / object_size_;
  if (capacity_ > Slab::kMaxObjects) {
    capacity_ = Slab::kMaxObjects;
  }
  return Status::kOk;
}

uint8_t* SlabCache::object(Slab* s, uint32_t i) const {
  return reinterpret_cast<uint8_t*>(s) + kHeaderBytes + uint64_t{i} * object_size_;
}

void SlabCache::push(List& l, Slab* s) {
  s->prev = nullptr;
  s->next = l.head;
  if (l.head != nullptr) {
    l.head->prev = s;
  }
  l.head = s;
}

void SlabCache::unlink(List& l, Slab* s) {
  if (s->prev != nullptr) {
    s->prev->next = s->next;
  } else {
    l.head = s->next;
  }
  if (s->next != nullptr) {
    s->next->prev = s->prev;
  }
  s->prev = nullptr;
  s->next = nullptr;
}

SlabCache::Slab* SlabCache::new_slab() {
  Result<PhysAddr> pa = src_.pa->alloc(slab_bytes_, slab_bytes_, nullptr);
  if (!pa.ok()) {
    return nullptr;
  }
  auto* s = reinterpret_cast<Slab*>(static_cast<uintptr_t>(pa.value().value() + src_.virt_offset));
  *s = Slab{Slab::kMagic, 0, 0, this, nullptr, nullptr, {}};
#ifndef NDEBUG
  fill(object(s, 0), kSlabPoisonFree, capacity_ * object_size_);
#endif
  stats_.slabs += 1;
  stats_.pages += slab_bytes_ / kPageSize;
  stats_.free += capacity_;
  return s;
}

void SlabCache::release_slab(Slab* s) {
  s->magic = 0;  // stale pointers into this slab now fail the owner check
  const uint64_t pa = reinterpret_cast<uintptr_t>(s) - src_.virt_offset;
  src_.pa->free(PhysAddr(pa), slab_bytes_);
  stats_.slabs -= 1;
  stats_.pages -= slab_bytes_ / kPageSize;
  stats_.free -= capacity_;
}

void* SlabCache::alloc() {
  Slab* s = partial_.head;
  if (s != nullptr) {
    unlink(partial_, s);
  } else if ((s = empty_.head) != nullptr) {
    unlink(empty_, s);
  } else if ((s = new_slab()) == nullptr) {
    ++stats_.failures;
    return nullptr;
  }
  uint32_t i = 0;
  for (uint32_t w = 0; w < Slab::kMaxObjects / 64; ++w) {
    if (s->used[w] != ~uint64_t{0}) {
      i = w * 64 + bit_ctz(~s->used[w]);
      break;
    }
  }
  if (i >= capacity_) {
    kpanic("slab %s: slab %p on a list with free objects is full", name_, static_cast<void*>(s));
  }
  s->used[i / 64] |= uint64_t{1} << (i % 64);
  ++s->in_use;
  push(s->in_use == capacity_ ? full_ : partial_, s);
  uint8_t* obj = object(s, i);
#ifndef NDEBUG
  for (uint32_t b = 0; b < object_size_; ++b) {
    if (obj[b] != kSlabPoisonFree) {
      kpanic("slab %s: object %p written after free (byte %u is %#x)", name_,
             static_cast<void*>(obj), b, obj[b]);
    }
  }
  fill(obj, kSlabPoisonAlloc, object_size_);
#endif
  ++stats_.in_use;
  --stats_.free;
  ++stats_.allocs;
  return obj;
}

void SlabCache::free(void* obj) {
  const uintptr_t addr = reinterpret_cast<uintptr_t>(obj);
  auto* s = reinterpret_cast<Slab*>(align_down(addr, slab_bytes_));
  if (obj == nullptr || s->magic != Slab::kMagic || s->owner != this) {
    kpanic("slab %s: free of %p, which is not an object of this cache", name_, obj);
  }
  const uint64_t off = addr - reinterpret_cast<uintptr_t>(object(s, 0));
  if (addr < reinterpret_cast<uintptr_t>(object(s, 0)) || off % object_size_ != 0 ||
      off / object_size_ >= capacity_) {
    kpanic("slab %s: free of %p, which is not the start of an object", name_, obj);
  }
  const uint32_t i = static_cast<uint32_t>(off / object_size_);
  const uint64_t bit = uint64_t{1} << (i % 64);
  if ((s->used[i / 64] & bit) == 0) {
    kpanic("slab %s: double free of %p", name_, obj);
  }
#ifndef NDEBUG
  fill(static_cast<uint8_t*>(obj), kSlabPoisonFree, object_size_);
#endif
  unlink(s->in_use == capacity_ ? full_ : partial_, s);
  s->used[i / 64] &= ~bit;
  --s->in_use;
  --stats_.in_use;
  ++stats_.free;
  ++stats_.frees;
  if (s->in_use != 0) {
    push(partial_, s);
  } else if (empty_.head == nullptr) {
    push(empty_, s);  // keep one empty slab to absorb alloc/free ping-pong
  } else {
    release_slab(s);
  }
}

uint64_t SlabCache::reap() {
  uint64_t pages = 0;
  while (Slab* s = empty_.head) {
    unlink(empty_, s);
    pages += slab_bytes_ / kPageSize;
    release_slab(s);
  }
  return pages;
}
