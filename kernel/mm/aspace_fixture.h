// The host fixture of the address-space tests (aspace_test, aspace_copy_test):
// simulated RAM, a prepared kernel template, and test-side access to user
// memory; TearDown checks that nothing leaked.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include "kernel/arch/host/sim_phys_mem.h"
#include "kernel/arch/host/tlb_recorder.h"
#include "kernel/mm/aspace.h"

namespace {

constexpr uint64_t k4K = kPageSize;
constexpr uint64_t k2M = kMegaPageSize;
constexpr uint64_t k1G = kGigaPageSize;
constexpr uint32_t kR = kProtRead;
constexpr uint32_t kRW = kProtRead | kProtWrite;
constexpr uint64_t kSrcVa = 0x10000000;
constexpr uint64_t kDstVa = 0x20000000;

void count_sync(void* ctx) { ++*static_cast<uint64_t*>(ctx); }

class AspaceTest : public ::testing::Test {
 protected:
  explicit AspaceTest(uint64_t bytes = 24ull << 20) : mem_(bytes), hooks_(tlb_.hooks()) {}
  void SetUp() override {
    baseline_ = mem_.pa().free_size();
    Result<PageTable> k = cpu_pgdir_create(mem_.pt_allocator(), &hooks_, 0);
    ASSERT_TRUE(k.ok());
    kernel_ = k.value();
    ASSERT_EQ(mm_kernel_template_prepare(kernel_), Status::kOk);
    template_tables_ = tables();
    ASSERT_EQ(mm_spaces_init(&spaces_, &kernel_, &mem_.pa(), mem_.virt_offset(),
                             IcacheHook{count_sync, &syncs_}),
              Status::kOk);
  }
  void TearDown() override {
    EXPECT_EQ(spaces_.live, 0u);
    spaces_.cache.reap();
    EXPECT_EQ(spaces_.cache.stats().pages, 0u);
    EXPECT_EQ(tables(), template_tables_);
    cpu_pgdir_destroy(kernel_);
    EXPECT_EQ(tables(), 0u);
    EXPECT_EQ(mem_.pa().free_size(), baseline_);
    EXPECT_TRUE(mem_.pa().check().ok);
  }

  uint64_t tables() const { return mem_.table_source().live_tables; }
  tAddress* make(uint16_t asid = 1) {
    Result<tAddress*> as = mm_mcreate(&spaces_, asid);
    EXPECT_TRUE(as.ok());
    return as.ok() ? as.value() : nullptr;
  }
  // Test-side access to user memory, page by page through mm_vaddrinfo.
  uint8_t* host(const tAddress* as, uint64_t va) {
    Result<VaddrInfo> i = mm_vaddrinfo(as, VirtAddr(va));
    EXPECT_TRUE(i.ok()) << std::hex << va;
    return static_cast<uint8_t*>(mem_.virt(i.value().pa));
  }
  void poke(const tAddress* as, uint64_t va, const std::vector<uint8_t>& data) {
    for (uint64_t done = 0; done < data.size();) {
      const uint64_t n = std::min<uint64_t>(data.size() - done, k4K - ((va + done) % k4K));
      std::memcpy(host(as, va + done), data.data() + done, n);
      done += n;
    }
  }
  std::vector<uint8_t> peek(const tAddress* as, uint64_t va, uint64_t len) {
    std::vector<uint8_t> out(len);
    for (uint64_t done = 0; done < len;) {
      const uint64_t n = std::min<uint64_t>(len - done, k4K - ((va + done) % k4K));
      std::memcpy(out.data() + done, host(as, va + done), n);
      done += n;
    }
    return out;
  }
  // Maps `pages` anon pages one at a time from the top down, so physically
  // adjacent pages are not virtually adjacent (a chunking bug shows).
  void map_backwards(tAddress* as, uint64_t va, uint64_t pages, uint32_t prot) {
    for (uint64_t i = pages; i-- > 0;) {
      ASSERT_EQ(mm_map_anon(as, VirtAddr(va + i * k4K), k4K, prot), Status::kOk);
    }
  }
  // Allocates pages until only `left` bytes of pa remain free.
  void hog_until(uint64_t left) {
    while (mem_.pa().free_size() > left) {
      Result<PhysAddr> p = mem_.pa().alloc(k4K, k4K, nullptr);
      ASSERT_TRUE(p.ok());
      hog_.push_back(p.value());
    }
  }
  void release_hog() {
    for (PhysAddr p : hog_) mem_.pa().free(p, k4K);
    hog_.clear();
  }

  SimPhysMem mem_;
  TlbRecorder tlb_;
  TlbHooks hooks_;
  PageTable kernel_;
  MmSpaces spaces_;
  uint64_t baseline_ = 0;
  uint64_t template_tables_ = 0;
  uint64_t syncs_ = 0;
  std::vector<PhysAddr> hog_;
};

std::vector<uint8_t> random_bytes(uint64_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> v(n);
  for (uint8_t& b : v) b = static_cast<uint8_t>(rng());
  return v;
}

}  // namespace
