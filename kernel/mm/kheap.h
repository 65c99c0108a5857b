// The kernel heap: kmalloc/kfree over size classes 16..2048 bytes (one
// SlabCache each) and whole pages from pa above that, with per-class
// statistics. kfree takes the size given to kmalloc (sized free: no lookup,
// and a wrong size is caught). Locking: big kernel lock.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/mm/slab_cache.h"

inline constexpr uint32_t kHeapClasses = 8;  // 16, 32, ..., 2048
inline constexpr uint32_t kHeapMaxSmall = 16u << (kHeapClasses - 1);

struct LargeStats {
  uint64_t in_use = 0;  // large allocations outstanding
  uint64_t pages = 0;
  uint64_t failures = 0;
};

class KernelHeap {
 public:
  Status init(PageSource src);
  // nullptr for size 0 or when memory is exhausted. Aligned to 16 bytes
  // (to a page above kHeapMaxSmall).
  void* alloc(size_t size);
  // `size` must be what alloc was given (kpanic otherwise, when detectable).
  void free(void* p, size_t size);
  // Returns cached empty slabs to pa; pages released.
  uint64_t reap();

  static uint32_t class_of(size_t size);  // size in 1..kHeapMaxSmall
  const SlabCache& size_class(uint32_t i) const { return classes_[i]; }
  const LargeStats& large_stats() const { return large_; }

 private:
  SlabCache classes_[kHeapClasses];
  PageSource src_;
  LargeStats large_;
};

// The kernel's heap (constinit, set up by kheap_init at boot).
KernelHeap& kheap();
Status kheap_init(PageSource src);
void* kmalloc(size_t size);
void kfree(void* p, size_t size);
