// Host tests for mm_mcopy, fork's copy of an address space: the same bytes
// at the same addresses in pages of the copy's own, protections kept,
// shared pages shared, device registers left out, the demand-zero range
// reserved again, bad requests refused, and no memory is all-or-nothing
// for the caller (TearDown checks that every page came back).
#include <gtest/gtest.h>

#include "kernel/mm/aspace.h"
#include "kernel/mm/aspace_fixture.h"

namespace {

constexpr uint32_t kRX = kProtRead | kProtExec;

TEST_F(AspaceTest, CopyHasTheSameBytesInPagesOfItsOwn) {
  tAddress* parent = make(1);
  map_backwards(parent, kSrcVa, 5, kRW);
  ASSERT_EQ(mm_map_anon(parent, VirtAddr(kDstVa), 2 * k4K, kRW), Status::kOk);
  const std::vector<uint8_t> data = random_bytes(5 * k4K, 1);
  poke(parent, kSrcVa, data);
  poke(parent, kDstVa, {1, 2, 3});
  ASSERT_EQ(mm_protect(parent, VirtAddr(kDstVa), 2 * k4K, kRX), Status::kOk);
  tAddress* child = make(2);
  const uint64_t syncs = syncs_;
  const uint64_t free_before = mem_.pa().free_size();
  ASSERT_EQ(mm_mcopy(child, parent), Status::kOk);
  EXPECT_EQ(syncs_, syncs + 1) << "copied code needs fence.i on every hart";
  EXPECT_EQ(free_before - mem_.pa().free_size(), 7 * k4K + child->table_pages * k4K - k4K)
      << "seven pages and the tables for them (the root came with mm_mcreate)";
  EXPECT_EQ(child->mapped_pages, 7u);
  EXPECT_EQ(child->owned_pages, 7u);
  EXPECT_EQ(peek(child, kSrcVa, data.size()), data);
  EXPECT_EQ(peek(child, kDstVa, 3), (std::vector<uint8_t>{1, 2, 3}));
  for (uint64_t off = 0; off < 5 * k4K; off += k4K) {
    const VaddrInfo theirs = mm_vaddrinfo(parent, VirtAddr(kSrcVa + off)).value();
    const VaddrInfo ours = mm_vaddrinfo(child, VirtAddr(kSrcVa + off)).value();
    EXPECT_NE(ours.pa.value(), theirs.pa.value()) << "a page of its own";
    EXPECT_TRUE(ours.owned) << "freed with the child";
    EXPECT_EQ(ours.prot, kRW | kProtUser);
  }
  EXPECT_EQ(mm_vaddrinfo(child, VirtAddr(kDstVa + k4K)).value().prot, kRX | kProtUser);
  // Writes on either side stay on that side.
  poke(child, kSrcVa + 100, {0xee});
  poke(parent, kSrcVa + 101, {0xdd});
  EXPECT_EQ(peek(parent, kSrcVa + 100, 1)[0], data[100]);
  EXPECT_EQ(peek(child, kSrcVa + 101, 1)[0], data[101]);
  mm_mdestroy(parent);
  EXPECT_EQ(peek(child, kSrcVa + 4 * k4K, k4K), std::vector<uint8_t>(data.end() - k4K, data.end()))
      << "the copy outlives its parent";
  mm_mdestroy(child);
}

TEST_F(AspaceTest, CopySharesPhysicalPagesAndLeavesOutDevices) {
  tAddress* parent = make(1);
  const PhysAddr shared = mem_.pa().alloc(k2M, k2M, nullptr).value();
  const PhysAddr regs = mem_.pa().alloc(k4K, k4K, nullptr).value();
  ASSERT_EQ(mm_map_phys(parent, VirtAddr(k1G), shared, k2M, kR), Status::kOk);
  ASSERT_EQ(mm_map_device(parent, VirtAddr(kDstVa), regs, k4K, kRW), Status::kOk);
  tAddress* child = make(2);
  ASSERT_EQ(mm_mcopy(child, parent), Status::kOk);
  const VaddrInfo info = mm_vaddrinfo(child, VirtAddr(k1G + 5 * k4K)).value();
  EXPECT_EQ(info.pa.value(), shared.value() + 5 * k4K) << "the same pages";
  EXPECT_FALSE(info.owned);
  EXPECT_EQ(info.leaf_size, k2M);
  EXPECT_EQ(info.prot, kR | kProtUser);
  EXPECT_EQ(mm_vaddrinfo(child, VirtAddr(kDstVa)).status(), Status::kNotMapped) << "no device registers";
  EXPECT_EQ(child->mapped_pages, k2M / k4K);
  EXPECT_EQ(child->owned_pages, 0u);
  mm_mdestroy(child);
  mm_mdestroy(parent);
  mem_.pa().free(shared, k2M);
  mem_.pa().free(regs, k4K);
}

TEST_F(AspaceTest, CopyKeepsTheDemandZeroRangeAndItsTouchedPages) {
  tAddress* parent = make(1);
  const uint64_t lo = kDstVa, hi = kDstVa + 16 * k4K;
  ASSERT_EQ(mm_reserve_lazy(parent, VirtAddr(lo), hi - lo), Status::kOk);
  ASSERT_TRUE(mm_fault_lazy(parent, hi - 8));  // the stack's top, touched
  poke(parent, hi - 8, {9, 9});
  tAddress* child = make(2);
  ASSERT_EQ(mm_mcopy(child, parent), Status::kOk);
  EXPECT_EQ(child->mapped_pages, 1u) << "only what was touched";
  EXPECT_EQ(peek(child, hi - 8, 2), (std::vector<uint8_t>{9, 9}));
  EXPECT_TRUE(mm_fault_lazy(child, lo)) << "the rest still comes on first touch";
  EXPECT_EQ(peek(child, lo, 2), (std::vector<uint8_t>{0, 0}));
  EXPECT_EQ(mm_reserve_lazy(child, VirtAddr(lo + k4K), k4K), Status::kAlreadyMapped) << "the range is the child's too";
  EXPECT_EQ(parent->mapped_pages, 1u) << "the child's touch is its own";
  mm_mdestroy(child);
  mm_mdestroy(parent);
}

TEST_F(AspaceTest, CopyRefusesBadRequests) {
  tAddress* parent = make(1);
  tAddress* child = make(2);
  tAddress* taskman = make(3);
  ASSERT_EQ(mm_map_anon(parent, VirtAddr(kSrcVa), k4K, kRW), Status::kOk);
  EXPECT_EQ(mm_mcopy(nullptr, parent), Status::kInvalidArgument);
  EXPECT_EQ(mm_mcopy(child, nullptr), Status::kInvalidArgument);
  EXPECT_EQ(mm_mcopy(parent, parent), Status::kInvalidArgument);
  ASSERT_EQ(mm_map_anon(child, VirtAddr(kDstVa), k4K, kRW), Status::kOk);
  EXPECT_EQ(mm_mcopy(child, parent), Status::kInvalidArgument) << "into a space with mappings";
  ASSERT_EQ(mm_unmap(child, VirtAddr(kDstVa), k4K), Status::kOk);
  ASSERT_EQ(mm_map_anon(taskman, VirtAddr(kTaskmanBase), k4K, kRW), Status::kOk);
  ASSERT_EQ(mm_taskman_view_install(parent, taskman), Status::kOk);
  EXPECT_EQ(mm_mcopy(child, parent), Status::kInvalidArgument) << "a process still loading";
  mm_taskman_view_remove(parent);
  ASSERT_EQ(mm_mcopy(child, parent), Status::kOk);
  EXPECT_EQ(mm_mcopy(child, parent), Status::kInvalidArgument) << "only once";
  mm_mdestroy(taskman);
  mm_mdestroy(child);
  mm_mdestroy(parent);
}

TEST_F(AspaceTest, CopyWithoutMemoryFailsAndTheCallerDestroysIt) {
  tAddress* parent = make(1);
  map_backwards(parent, kSrcVa, 64, kRW);
  tAddress* child = make(2);
  hog_until(32 * k4K);
  EXPECT_EQ(mm_mcopy(child, parent), Status::kNoMemory) << "refused before anything is copied";
  EXPECT_EQ(child->mapped_pages, 0u);
  release_hog();
  hog_until(65 * k4K);  // the pages fit, their two tables do not
  const Status st = mm_mcopy(child, parent);
  EXPECT_EQ(st, Status::kNoMemory) << "64 pages and 2 tables in 65 pages";
  EXPECT_GT(child->mapped_pages, 0u) << "partly copied";
  mm_mdestroy(child);  // frees the part (TearDown counts)
  release_hog();
  mm_mdestroy(parent);
}

}  // namespace
