// KernelHeap: size-class dispatch to SlabCaches, pages from pa for large sizes.
#include "kernel/mm/kheap.h"

#include "kernel/lib/panic.h"

namespace {

constexpr const char* kClassNames[kHeapClasses] = {"kmalloc-16",  "kmalloc-32",  "kmalloc-64",
                                                   "kmalloc-128", "kmalloc-256", "kmalloc-512",
                                                   "kmalloc-1024", "kmalloc-2048"};

constinit KernelHeap g_kheap;

}  // namespace

uint32_t KernelHeap::class_of(size_t size) {
  uint32_t c = 0;
  while ((size_t{16} << c) < size) {
    ++c;
  }
  return c;
}

Status KernelHeap::init(PageSource src) {
  if (src.pa == nullptr) {
    return Status::kInvalidArgument;
  }
  src_ = src;
  large_ = LargeStats();
  for (uint32_t i = 0; i < kHeapClasses; ++i) {
    QRV_TRY(classes_[i].init(kClassNames[i], 16u << i, src));
  }
  return Status::kOk;
}

void* KernelHeap::alloc(size_t size) {
  if (size == 0) {
    return nullptr;
  }
  if (size <= kHeapMaxSmall) {
    return classes_[class_of(size)].alloc();
  }
  if (size > (uint64_t{1} << 40)) {
    ++large_.failures;
    return nullptr;
  }
  const uint64_t bytes = align_up(size, kPageSize);
  Result<PhysAddr> pa = src_.pa->alloc(bytes, kPageSize, nullptr);
  if (!pa.ok()) {
    ++large_.failures;
    return nullptr;
  }
  ++large_.in_use;
  large_.pages += bytes / kPageSize;
  return reinterpret_cast<void*>(static_cast<uintptr_t>(pa.value().value() + src_.virt_offset));
}

void KernelHeap::free(void* p, size_t size) {
  if (p == nullptr) {
    return;
  }
  if (size == 0) {
    kpanic("kfree: %p freed with size 0", p);
  }
  if (size <= kHeapMaxSmall) {
    classes_[class_of(size)].free(p);
    return;
  }
  const uint64_t bytes = align_up(size, kPageSize);
  // pa_free validates the run (double free, wrong length) and names the address.
  src_.pa->free(PhysAddr(reinterpret_cast<uintptr_t>(p) - src_.virt_offset), bytes);
  --large_.in_use;
  large_.pages -= bytes / kPageSize;
}

uint64_t KernelHeap::reap() {
  uint64_t pages = 0;
  for (SlabCache& c : classes_) {
    pages += c.reap();
  }
  return pages;
}

KernelHeap& kheap() { return g_kheap; }
Status kheap_init(PageSource src) { return g_kheap.init(src); }
void* kmalloc(size_t size) { return g_kheap.alloc(size); }
void kfree(void* p, size_t size) { g_kheap.free(p, size); }
