// SlabCache: fixed-size kernel objects carved from slabs of 1-4 pages taken
// from pa. Each slab starts with a 64-byte header (owner, allocation bitmap);
// slabs are aligned to their size, so an object finds its header by masking.
// Misuse (double free, foreign or interior pointer, use after free caught by
// poison in debug builds) is a kernel bug: kpanic. Locking: big kernel lock.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/kext/pa.h"
#include "kernel/lib/result.h"

// Where slabs come from: pa, reached at PA + virt_offset (the direct map;
// virt_offset must be 16 KiB-aligned so slabs stay aligned in both spaces).
struct PageSource {
  PhysAllocator* pa = nullptr;
  uint64_t virt_offset = 0;
};

struct SlabStats {
  uint64_t in_use = 0;    // objects handed out
  uint64_t free = 0;      // free objects inside this cache's slabs
  uint64_t slabs = 0;
  uint64_t pages = 0;     // 4 KiB pages held
  uint64_t allocs = 0;
  uint64_t frees = 0;
  uint64_t failures = 0;  // allocations refused for lack of memory
};

inline constexpr uint32_t kSlabMaxObject = 4096;
inline constexpr uint32_t kSlabAlign = 16;
inline constexpr uint8_t kSlabPoisonFree = 0x6b;
inline constexpr uint8_t kSlabPoisonAlloc = 0xa5;

class SlabCache {
 public:
  // object_size in 1..kSlabMaxObject, rounded up to kSlabAlign.
  // `name` must outlive the cache (it appears in panic messages).
  Status init(const char* name, uint32_t object_size, PageSource src);

  // An object (contents unspecified; poisoned in debug), or nullptr when pa
  // has no memory left.
  void* alloc();
  void free(void* obj);

  // Returns the cached empty slab to pa; the number of pages released.
  uint64_t reap();

  const SlabStats& stats() const { return stats_; }
  const char* name() const { return name_; }
  uint32_t object_size() const { return object_size_; }
  uint32_t slab_bytes() const { return slab_bytes_; }
  uint32_t objects_per_slab() const { return capacity_; }

 private:
  struct Slab;
  struct List {
    Slab* head = nullptr;
  };
  Slab* new_slab();
  void release_slab(Slab* s);
  uint8_t* object(Slab* s, uint32_t i) const;
  static void push(List& l, Slab* s);
  static void unlink(List& l, Slab* s);

  const char* name_ = nullptr;
  PageSource src_;
  uint32_t object_size_ = 0;
  uint32_t slab_bytes_ = 0;
  uint32_t capacity_ = 0;
  List partial_;  // some objects free
  List full_;     // no object free
  List empty_;    // all free: at most one kept cached
  SlabStats stats_;
};
