// Host tests for the slab heap over simulated physical memory: size classes,
// statistics, slab recycling, exhaustion and recovery, typed caches, misuse
// (kpanic), debug poison, and a randomized run with content checks.
#include <gtest/gtest.h>

#include <cstring>
#include <iterator>
#include <map>
#include <random>
#include <vector>

#include "kernel/arch/host/sim_phys_mem.h"
#include "kernel/mm/kheap.h"
#include "kernel/mm/object_cache.h"

namespace {

class SlabTest : public ::testing::Test {
 protected:
  explicit SlabTest(uint64_t bytes = 32ull << 20) : mem_(bytes) {}
  void SetUp() override {
    src_ = PageSource{&mem_.pa(), mem_.virt_offset()};
    ASSERT_EQ(heap_.init(src_), Status::kOk);
    free_at_start_ = mem_.pa().free_size();
  }
  SimPhysMem mem_;
  PageSource src_;
  KernelHeap heap_;
  uint64_t free_at_start_ = 0;
};

TEST_F(SlabTest, SizeClasses) {
  EXPECT_EQ(KernelHeap::class_of(1), 0u);
  EXPECT_EQ(KernelHeap::class_of(16), 0u);
  EXPECT_EQ(KernelHeap::class_of(17), 1u);
  EXPECT_EQ(KernelHeap::class_of(2048), 7u);
  EXPECT_EQ(heap_.size_class(7).slab_bytes(), 16384u);
  EXPECT_EQ(heap_.size_class(7).objects_per_slab(), 7u);
  EXPECT_EQ(heap_.size_class(0).objects_per_slab(), 252u);
  EXPECT_EQ(heap_.alloc(0), nullptr);
}

TEST_F(SlabTest, AllocFreeStatsAndAlignment) {
  void* a = heap_.alloc(10);
  void* b = heap_.alloc(100);
  void* c = heap_.alloc(2048);
  void* d = heap_.alloc(5000);  // two pages from pa
  for (void* p : {a, b, c}) {
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u);
  }
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(d) % kPageSize, 0u);
  std::memset(d, 0x11, 5000);
  EXPECT_EQ(heap_.size_class(0).stats().in_use, 1u);
  EXPECT_EQ(heap_.size_class(3).stats().in_use, 1u);
  EXPECT_EQ(heap_.size_class(3).stats().free, 31u - 1u);
  EXPECT_EQ(heap_.size_class(7).stats().pages, 4u);
  EXPECT_EQ(heap_.large_stats().pages, 2u);
  EXPECT_EQ(free_at_start_ - mem_.pa().free_size(), (1 + 1 + 4 + 2) * kPageSize);
  heap_.free(a, 10);
  heap_.free(b, 100);
  heap_.free(c, 2048);
  heap_.free(d, 5000);
  EXPECT_EQ(heap_.size_class(0).stats().in_use, 0u);
  EXPECT_EQ(heap_.size_class(0).stats().frees, 1u);
  EXPECT_EQ(heap_.large_stats().in_use, 0u);
  EXPECT_EQ(heap_.reap(), 6u);
  EXPECT_EQ(mem_.pa().free_size(), free_at_start_);
  EXPECT_TRUE(mem_.pa().check().ok);
}

TEST_F(SlabTest, SlabsAreRecycledAndEmptiesReleased) {
  std::vector<void*> objs;
  for (int i = 0; i < 1000; ++i) {
    objs.push_back(heap_.alloc(64));
    ASSERT_NE(objs.back(), nullptr);
  }
  const SlabStats& st = heap_.size_class(2).stats();
  EXPECT_EQ(st.in_use, 1000u);
  EXPECT_EQ(st.slabs, (1000u + 62u) / 63u);
  for (void* p : objs) {
    heap_.free(p, 64);
  }
  EXPECT_EQ(st.slabs, 1u);  // one empty slab kept cached
  EXPECT_EQ(st.free, 63u);
  EXPECT_EQ(heap_.reap(), 1u);
  EXPECT_EQ(mem_.pa().free_size(), free_at_start_);
}

class SlabSmallMemTest : public SlabTest {
 protected:
  SlabSmallMemTest() : SlabTest(16 * kPageSize) {}
};

TEST_F(SlabSmallMemTest, ExhaustionAndRecovery) {
  std::vector<void*> objs;
  for (;;) {
    void* p = heap_.alloc(512);
    if (p == nullptr) {
      break;
    }
    objs.push_back(p);
  }
  EXPECT_EQ(objs.size(), 8u * 15u);  // 8 slabs of 2 pages, 15 objects each
  EXPECT_EQ(heap_.size_class(5).stats().failures, 1u);
  EXPECT_EQ(heap_.alloc(100000), nullptr);
  EXPECT_EQ(heap_.large_stats().failures, 1u);
  for (void* p : objs) {
    heap_.free(p, 512);
  }
  heap_.reap();
  EXPECT_EQ(mem_.pa().free_size(), free_at_start_);
  void* big = heap_.alloc(16 * kPageSize);
  ASSERT_NE(big, nullptr);
  heap_.free(big, 16 * kPageSize);
}

struct Tracked {
  static inline int live = 0;
  explicit Tracked(int v) : value(v) { ++live; }
  ~Tracked() { --live; }
  int value;
  char pad[40];
};

TEST_F(SlabTest, TypedObjectCache) {
  ObjectCache<Tracked> cache;
  ASSERT_EQ(cache.init("tracked", src_), Status::kOk);
  EXPECT_EQ(cache.cache().object_size(), 48u);
  Tracked* t1 = cache.create(7);
  Tracked* t2 = cache.create(8);
  ASSERT_NE(t1, nullptr);
  ASSERT_NE(t2, nullptr);
  EXPECT_EQ(t1->value, 7);
  EXPECT_EQ(t2->value, 8);
  EXPECT_EQ(Tracked::live, 2);
  EXPECT_EQ(cache.stats().in_use, 2u);
  cache.destroy(t1);
  cache.destroy(t2);
  EXPECT_EQ(Tracked::live, 0);
  EXPECT_EQ(cache.stats().in_use, 0u);
  EXPECT_EQ(cache.reap(), 1u);
}

TEST_F(SlabTest, GlobalKmalloc) {
  ASSERT_EQ(kheap_init(src_), Status::kOk);
  void* p = kmalloc(300);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(kheap().size_class(5).stats().in_use, 1u);
  kfree(p, 300);
  EXPECT_EQ(kheap().size_class(5).stats().in_use, 0u);
  kheap().reap();
}

using SlabDeathTest = SlabTest;

TEST_F(SlabDeathTest, MisuseIsCaught) {
  void* a = heap_.alloc(32);
  void* b = heap_.alloc(32);
  void* big = heap_.alloc(3 * kPageSize);
  heap_.free(b, 32);
  EXPECT_DEATH(heap_.free(b, 32), "slab kmalloc-32: double free of");
  EXPECT_DEATH(heap_.free(static_cast<char*>(a) + 8, 32), "not the start of an object");
  EXPECT_DEATH(heap_.free(a, 64), "kmalloc-64: free of .*not an object of this cache");
  EXPECT_DEATH(heap_.free(big, kPageSize), "pa_free: wrong length");
  heap_.free(big, 3 * kPageSize);
  EXPECT_DEATH(heap_.free(big, 3 * kPageSize), "pa_free: double free");
  ObjectCache<Tracked> other;
  ASSERT_EQ(other.init("other", src_), Status::kOk);
  EXPECT_DEATH(other.destroy(static_cast<Tracked*>(a)), "slab other: free of .*not an object");
  heap_.free(a, 32);
}

#ifndef NDEBUG
TEST_F(SlabDeathTest, WriteAfterFreeIsCaughtByPoison) {
  auto* a = static_cast<uint8_t*>(heap_.alloc(128));
  void* b = heap_.alloc(128);
  heap_.free(a, 128);
  EXPECT_EQ(a[5], kSlabPoisonFree);
  a[5] = 1;  // a stale pointer writes into the freed object
  EXPECT_DEATH(heap_.alloc(128), "kmalloc-128: object .* written after free");
  heap_.free(b, 128);
}
#endif

TEST_F(SlabTest, RandomizedWithContentChecks) {
  std::mt19937_64 rng(99);
  struct Live {
    size_t size;
    uint8_t tag;
  };
  std::map<uint8_t*, Live> live;
  uint64_t per_class[kHeapClasses] = {};
  for (int step = 0; step < 20000; ++step) {
    if (rng() % 5 < 3 || live.empty()) {
      const size_t size = rng() % 8 == 0 ? 2049 + rng() % 9000 : 1 + rng() % 2048;
      auto* p = static_cast<uint8_t*>(heap_.alloc(size));
      ASSERT_NE(p, nullptr);
      ASSERT_EQ(live.count(p), 0u);
      const uint8_t tag = static_cast<uint8_t>(rng());
      std::memset(p, tag, size);
      live[p] = Live{size, tag};
      if (size <= kHeapMaxSmall) ++per_class[KernelHeap::class_of(size)];
    } else {
      auto it = live.begin();
      std::advance(it, static_cast<long>(rng() % live.size()));
      for (size_t i = 0; i < it->second.size; i += 7) {
        ASSERT_EQ(it->first[i], it->second.tag) << "object overwritten at step " << step;
      }
      heap_.free(it->first, it->second.size);
      if (it->second.size <= kHeapMaxSmall) --per_class[KernelHeap::class_of(it->second.size)];
      live.erase(it);
    }
  }
  for (uint32_t c = 0; c < kHeapClasses; ++c) {
    EXPECT_EQ(heap_.size_class(c).stats().in_use, per_class[c]);
  }
  for (const auto& [p, l] : live) {
    heap_.free(p, l.size);
  }
  heap_.reap();
  EXPECT_EQ(mem_.pa().free_size(), free_at_start_);
  EXPECT_TRUE(mem_.pa().check().ok);
}

}  // namespace
