// ObjectCache<T>: a typed SlabCache. create() constructs a T in a slab
// object, destroy() runs ~T and frees it; stats are per type.
#pragma once

#include <new>
#include <utility>

#include "kernel/mm/slab_cache.h"

template <typename T>
class ObjectCache {
  static_assert(alignof(T) <= kSlabAlign, "slab objects are 16-byte aligned");
  static_assert(sizeof(T) <= kSlabMaxObject, "too large for a slab cache");

 public:
  Status init(const char* name, PageSource src) {
    return cache_.init(name, static_cast<uint32_t>(sizeof(T)), src);
  }

  // nullptr when memory is exhausted (no constructor ran then).
  template <typename... Args>
  T* create(Args&&... args) {
    void* p = cache_.alloc();
    return p == nullptr ? nullptr : new (p) T(std::forward<Args>(args)...);
  }

  void destroy(T* obj) {
    obj->~T();
    cache_.free(obj);
  }

  uint64_t reap() { return cache_.reap(); }
  const SlabStats& stats() const { return cache_.stats(); }
  const SlabCache& cache() const { return cache_; }

 private:
  SlabCache cache_;
};
