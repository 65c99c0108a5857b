// The allocator under random stress: live blocks never overlap and keep their
// contents, everything freed is reused (no new OS memory for a repeat of the
// same workload, one free chunk per segment at the end), and the edge cases
// (zero sizes, overflow, alignment, realloc in place) behave as in glibc.
#include "libc/src/malloc/malloc_api.h"

#include <gtest/gtest.h>
#include <stdint.h>
#include <string.h>

#include <algorithm>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include "kernel/abi/errno.h"
#include "libc/src/common/errno.h"

namespace {

namespace q = qrv::libc;

struct Block {
  unsigned char* p;
  size_t n;
  unsigned char tag;
};

void fill(const Block& b) { memset(b.p, b.tag, b.n); }

bool intact(const Block& b) {
  for (size_t i = 0; i < b.n; ++i) {
    if (b.p[i] != b.tag) return false;
  }
  return true;
}

// Checks that no two live blocks overlap (by usable size) and all are intact.
void check_blocks(const std::vector<Block>& live) {
  std::vector<std::pair<uintptr_t, uintptr_t>> spans;
  for (const Block& b : live) {
    ASSERT_TRUE(intact(b));
    const auto start = reinterpret_cast<uintptr_t>(b.p);
    ASSERT_EQ(start % 16, 0u);
    spans.emplace_back(start, start + q::malloc_usable_size(b.p));
  }
  std::sort(spans.begin(), spans.end());
  for (size_t i = 1; i < spans.size(); ++i) ASSERT_LE(spans[i - 1].second, spans[i].first);
}

// A random workload: allocate, free, realloc with sizes spanning small and large bins.
void run_workload(uint32_t seed, std::vector<Block>& live, int steps) {
  std::mt19937 rng(seed);
  auto size = [&rng]() -> size_t {
    switch (rng() % 4) {
      case 0: return rng() % 64;
      case 1: return rng() % 1024;
      case 2: return rng() % 16384;
      default: return rng() % 8 == 0 ? rng() % 300000 : rng() % 65536;
    }
  };
  for (int step = 0; step < steps; ++step) {
    const auto op = static_cast<uint32_t>(rng() % 10);
    if (live.size() < 400 && (op < 5 || live.empty())) {
      const size_t n = size();
      auto* p = static_cast<unsigned char*>(q::malloc(n));
      ASSERT_NE(p, nullptr);
      ASSERT_GE(q::malloc_usable_size(p), n);
      live.push_back({p, n, static_cast<unsigned char>(rng())});
      fill(live.back());
    } else if (op < 8 || live.size() >= 400) {
      const size_t i = rng() % live.size();
      ASSERT_TRUE(intact(live[i]));
      q::free(live[i].p);
      live[i] = live.back();
      live.pop_back();
    } else {
      Block& b = live[rng() % live.size()];
      const size_t n = size() + 1;
      auto* p = static_cast<unsigned char*>(q::realloc(b.p, n));
      ASSERT_NE(p, nullptr);
      for (size_t i = 0; i < std::min(n, b.n); ++i) ASSERT_EQ(p[i], b.tag);
      b = {p, n, static_cast<unsigned char>(rng())};
      fill(b);
    }
    if (step % 500 == 0) check_blocks(live);
  }
  check_blocks(live);
}

TEST(MallocTest, StressNoOverlapAndFullReuse) {
  std::vector<Block> live;
  run_workload(1, live, 20000);
  for (const Block& b : live) q::free(b.p);
  live.clear();
  const q::MallocStats stats = q::malloc_stats();
  // Everything coalesced back into one free chunk per region (the host source
  // is contiguous, so one region) ...
  EXPECT_EQ(stats.segments, 1u);
  EXPECT_EQ(stats.free_chunks, stats.segments);
  EXPECT_EQ(stats.free_bytes, stats.os_bytes - 16 * stats.segments);
  // ... and all of it is reusable at once, without asking the OS for more.
  void* all = q::malloc(stats.free_bytes - 16);
  ASSERT_NE(all, nullptr);
  EXPECT_EQ(q::malloc_stats().os_bytes, stats.os_bytes);
  q::free(all);
  // A second round of the workload on the recycled heap.
  run_workload(2, live, 20000);
  for (const Block& b : live) q::free(b.p);
  EXPECT_EQ(q::malloc_stats().free_chunks, 1u);
}

TEST(MallocTest, ThreadsDoNotCorruptEachOther) {
  std::vector<std::thread> threads;
  for (uint32_t t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      std::vector<Block> live;
      run_workload(100 + t, live, 3000);
      for (const Block& b : live) q::free(b.p);
    });
  }
  for (auto& t : threads) t.join();
}

TEST(MallocTest, ZeroSizesAndNull) {
  void* p = q::malloc(0);  // a unique pointer, as glibc
  ASSERT_NE(p, nullptr);
  void* r = q::malloc(0);
  EXPECT_NE(p, r);
  q::free(p);
  q::free(r);
  q::free(nullptr);
  EXPECT_EQ(q::malloc_usable_size(nullptr), 0u);
  void* g = q::realloc(nullptr, 10);  // realloc(NULL) is malloc
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(q::realloc(g, 0), nullptr);  // as glibc: frees
}

TEST(MallocTest, HugeRequestsFailWithEnomem) {
  q::set_errno(0);
  EXPECT_EQ(q::malloc(SIZE_MAX), nullptr);
  EXPECT_EQ(q::get_errno(), QRV_ENOMEM);
  q::set_errno(0);
  EXPECT_EQ(q::malloc(SIZE_MAX - 15), nullptr);
  EXPECT_EQ(q::get_errno(), QRV_ENOMEM);
  q::set_errno(0);
  EXPECT_EQ(q::calloc(SIZE_MAX / 2, 3), nullptr);  // count * size overflows
  EXPECT_EQ(q::get_errno(), QRV_ENOMEM);
  void* p = q::malloc(32);
  q::set_errno(0);
  EXPECT_EQ(q::realloc(p, SIZE_MAX - 100), nullptr);
  EXPECT_EQ(q::get_errno(), QRV_ENOMEM);
  q::free(p);  // still valid after the failed realloc
}

TEST(MallocTest, CallocZeroesReusedMemory) {
  auto* p = static_cast<unsigned char*>(q::malloc(4000));
  memset(p, 0xee, 4000);
  q::free(p);
  auto* z = static_cast<unsigned char*>(q::calloc(1000, 4));
  ASSERT_NE(z, nullptr);
  for (int i = 0; i < 4000; ++i) ASSERT_EQ(z[i], 0);
  q::free(z);
}

TEST(MallocTest, ReallocGrowsInPlaceWhenTheNextChunkIsFree) {
  void* a = q::malloc(100);
  void* b = q::malloc(100);
  memset(a, 7, 100);
  q::free(b);
  void* c = q::realloc(a, 200);
  EXPECT_EQ(c, a);
  EXPECT_EQ(static_cast<unsigned char*>(c)[99], 7);
  void* d = q::realloc(c, 20);  // shrink in place
  EXPECT_EQ(d, c);
  q::free(d);
}

TEST(MallocTest, AlignedAllocationsAreAlignedAndFreeable) {
  std::mt19937 rng(9);
  std::vector<void*> ps;
  for (int i = 0; i < 2000; ++i) {
    const size_t align = size_t{1} << (rng() % 14);
    const size_t n = rng() % 5000;
    void* p = q::aligned_alloc(align, n);
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % align, 0u) << align;
    ASSERT_GE(q::malloc_usable_size(p), n);
    memset(p, 1, n);
    ps.push_back(p);
  }
  for (void* p : ps) q::free(p);
  q::set_errno(0);
  EXPECT_EQ(q::aligned_alloc(24, 10), nullptr);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  void* out = nullptr;
  EXPECT_EQ(q::posix_memalign(&out, 4, 10), QRV_EINVAL);
  EXPECT_EQ(q::posix_memalign(&out, 64, 10), 0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(out) % 64, 0u);
  q::free(out);
  EXPECT_EQ(q::posix_memalign(&out, 64, SIZE_MAX), QRV_ENOMEM);
}

TEST(MallocDeathTest, DoubleFreeStopsTheProgram) {
  void* p = q::malloc(64);
  q::free(p);
  EXPECT_DEATH(q::free(p), "");
}

}  // namespace
