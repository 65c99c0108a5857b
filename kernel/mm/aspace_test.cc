// Host tests for address spaces over simulated RAM: no leaks across many
// create/destroy cycles, the shared kernel half, anon zero-fill and
// rollback, vaddrinfo, unmap, and mm_map_xfer/xferv against a memcpy model.
#include "kernel/mm/aspace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include "kernel/arch/host/sim_phys_mem.h"
#include "kernel/arch/host/tlb_recorder.h"
#include "kernel/mm/aspace_fixture.h"

namespace {

TEST_F(AspaceTest, TemplateHasAnL1TableInEveryKernelSlot) {
  EXPECT_EQ(template_tables_, 1u + 256u);
  EXPECT_TRUE(kernel_.keep_kernel_tables);
  EXPECT_EQ(mm_kernel_template_prepare(kernel_), Status::kOk);  // idempotent
  EXPECT_EQ(tables(), template_tables_);
  PageTable fresh = cpu_pgdir_create(mem_.pt_allocator(), &hooks_, 0).value();
  MmSpaces other;
  EXPECT_EQ(mm_spaces_init(&other, &fresh, &mem_.pa(), mem_.virt_offset(),
                           IcacheHook{count_sync, &syncs_}),
            Status::kInvalidArgument)
      << "an unprepared template is refused";
  ASSERT_EQ(cpu_pte_map(fresh, VirtAddr(kKernelVirtBase), PhysAddr(0), k1G, kRW, kMapLargest),
            Status::kOk);
  EXPECT_EQ(mm_kernel_template_prepare(fresh), Status::kAlreadyMapped);
  cpu_pgdir_destroy(fresh);
  EXPECT_EQ(mm_spaces_init(&other, &kernel_, &mem_.pa(), 0, IcacheHook{nullptr, nullptr}),
            Status::kInvalidArgument);
  EXPECT_EQ(mm_mcreate(nullptr, 1).status(), Status::kInvalidArgument);
}

TEST_F(AspaceTest, CreateDestroyManyLeavesNothingBehind) {
  std::vector<tAddress*> spaces;
  const PhysAddr shared = mem_.pa().alloc(k4K, k4K, nullptr).value();
  for (uint16_t i = 0; i < 40; ++i) {
    tAddress* as = make(i);
    ASSERT_NE(as, nullptr);
    EXPECT_EQ(as->table_pages, 1u);
    ASSERT_EQ(mm_map_anon(as, VirtAddr(0x10000 + i * k4K), (i % 5 + 1) * k4K, kRW), Status::kOk);
    ASSERT_EQ(mm_map_anon(as, VirtAddr(5 * k1G + i * k2M), k4K, kR), Status::kOk);
    ASSERT_EQ(mm_map_phys(as, VirtAddr(kDstVa), shared, k4K, kRW), Status::kOk);
    EXPECT_EQ(as->owned_pages, i % 5 + 2u);
    EXPECT_EQ(as->mapped_pages, i % 5 + 3u);
    spaces.push_back(as);
  }
  uint64_t sum = 0;
  for (tAddress* as : spaces) sum += as->table_pages;
  EXPECT_EQ(tables(), template_tables_ + sum) << "every table is counted by its space";
  EXPECT_EQ(spaces_.live, 40u);
  for (size_t i = 0; i < spaces.size(); i += 2) mm_mdestroy(spaces[i]);
  for (size_t i = 1; i < spaces.size(); i += 2) mm_mdestroy(spaces[i]);
  mm_mdestroy(nullptr);
  EXPECT_GE(tlb_.remote, 40u);
  // The mm_map_phys page was not owned: it is still ours to free.
  mem_.pa().free(shared, k4K);
}

// Device memory: not owned (teardown leaves it), never executable, and never
// reached by a message transfer, which would read it through the direct map.
TEST_F(AspaceTest, DevicePagesAreRefusedByTransfers) {
  tAddress* as = make(1);
  ASSERT_NE(as, nullptr);
  const PhysAddr regs = mem_.pa().alloc(2 * k4K, k4K, nullptr).value();  // stands in for a device
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kSrcVa), k4K, kRW), Status::kOk);
  EXPECT_EQ(mm_map_device(as, VirtAddr(kDstVa), regs, 2 * k4K, kRW | kProtExec), Status::kInvalidArgument);
  ASSERT_EQ(mm_map_device(as, VirtAddr(kDstVa), regs, 2 * k4K, kRW), Status::kOk);
  EXPECT_EQ(as->mapped_pages, 3u);
  EXPECT_EQ(as->owned_pages, 1u);
  Result<VaddrInfo> info = mm_vaddrinfo(as, VirtAddr(kDstVa + k4K + 8));
  ASSERT_TRUE(info.ok());
  EXPECT_TRUE(info.value().device);
  EXPECT_FALSE(info.value().owned);
  EXPECT_EQ(info.value().leaf_size, k4K);
  EXPECT_FALSE(mm_vaddrinfo(as, VirtAddr(kSrcVa)).value().device);
  XferResult r = mm_map_xfer(as, VirtAddr(kSrcVa), as, VirtAddr(kDstVa), 16);
  EXPECT_EQ(r.status, XferStatus::kNoAccess);
  EXPECT_EQ(r.side, XferSide::kSource);
  r = mm_map_xfer(as, VirtAddr(kDstVa + k4K), as, VirtAddr(kSrcVa), 16);
  EXPECT_EQ(r.status, XferStatus::kNoAccess);
  EXPECT_EQ(r.side, XferSide::kDestination);
  EXPECT_EQ(mm_map_device(as, VirtAddr(kDstVa), regs, k4K, kRW), Status::kAlreadyMapped);
  mm_mdestroy(as);
  mem_.pa().free(regs, 2 * k4K);  // still allocated: a free by the teardown would make this a double free
}

TEST_F(AspaceTest, KernelHalfIsSharedNotCopied) {
  tAddress* a = make(1);
  tAddress* b = make(2);
  const uint64_t* ra = static_cast<uint64_t*>(mem_.virt(a->pt.root));
  const uint64_t* rk = static_cast<uint64_t*>(mem_.virt(kernel_.root));
  for (uint32_t i = 256; i < 512; ++i) ASSERT_EQ(ra[i], rk[i]);
  // A kernel mapping made after the spaces exist appears in both.
  const uint64_t kva = kKernelVirtBase + 3 * k1G + 5 * k4K;
  const PhysAddr pa(SimPhysMem::kBase + 7 * k4K);
  ASSERT_EQ(cpu_pte_map(kernel_, VirtAddr(kva), pa, k4K, kRW, 0), Status::kOk);
  for (tAddress* as : {a, b}) {
    Result<VaddrInfo> i = mm_vaddrinfo(as, VirtAddr(kva + 9));
    ASSERT_TRUE(i.ok());
    EXPECT_EQ(i.value().pa, pa + 9);
    EXPECT_EQ(i.value().prot, kRW) << "kernel pages carry no kProtUser";
  }
  // Kernel addresses are not user buffers, for mapping or for copying.
  EXPECT_EQ(mm_map_anon(a, VirtAddr(kva), k4K, kRW), Status::kOutOfRange);
  EXPECT_EQ(mm_unmap(a, VirtAddr(kva), k4K), Status::kOutOfRange);
  ASSERT_EQ(mm_map_anon(a, VirtAddr(kSrcVa), k4K, kRW), Status::kOk);
  XferResult r = mm_map_xfer(a, VirtAddr(kva), a, VirtAddr(kSrcVa), 16);
  EXPECT_EQ(r.status, XferStatus::kBadAddress);
  EXPECT_EQ(r.side, XferSide::kDestination);
  r = mm_map_xfer(a, VirtAddr(kSrcVa), b, VirtAddr(kva), 16);
  EXPECT_EQ(r.status, XferStatus::kBadAddress);
  EXPECT_EQ(r.side, XferSide::kSource);
  EXPECT_EQ(r.copied, 0u);
  // Destroying a space leaves the shared tables alone; the unmap shows in b.
  mm_mdestroy(a);
  EXPECT_TRUE(mm_vaddrinfo(b, VirtAddr(kva)).ok());
  ASSERT_EQ(cpu_pte_unmap(kernel_, VirtAddr(kva), k4K), Status::kOk);
  EXPECT_EQ(mm_vaddrinfo(b, VirtAddr(kva)).status(), Status::kNotMapped);
  mm_mdestroy(b);
}

TEST_F(AspaceTest, AnonPagesAreZeroedOwnedAndFreed) {
  tAddress* as = make();
  const uint64_t free0 = mem_.pa().free_size();
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kSrcVa), 8 * k4K, kRW), Status::kOk);
  poke(as, kSrcVa, std::vector<uint8_t>(8 * k4K, 0xab));
  ASSERT_EQ(mm_unmap(as, VirtAddr(kSrcVa), 8 * k4K), Status::kOk);
  EXPECT_EQ(mem_.pa().free_size(), free0) << "owned pages and their tables went back";
  EXPECT_EQ(as->owned_pages, 0u);
  EXPECT_EQ(as->table_pages, 1u);
  // pa hands the same (dirty) pages out again: they must arrive zeroed.
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kSrcVa), 8 * k4K, kRW), Status::kOk);
  EXPECT_EQ(peek(as, kSrcVa, 8 * k4K), std::vector<uint8_t>(8 * k4K, 0));
  Result<VaddrInfo> i = mm_vaddrinfo(as, VirtAddr(kSrcVa + 3 * k4K + 17));
  ASSERT_TRUE(i.ok());
  EXPECT_TRUE(i.value().owned);
  EXPECT_EQ(i.value().leaf_size, k4K);
  EXPECT_EQ(i.value().prot, kRW | kProtUser);
  EXPECT_EQ(i.value().pa.value() % k4K, 17u);
  EXPECT_EQ(syncs_, 0u);
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kDstVa), k4K, kProtRead | kProtExec), Status::kOk);
  EXPECT_EQ(syncs_, 1u) << "a new executable mapping needs fence.i everywhere";
  mm_mdestroy(as);
}

TEST_F(AspaceTest, BadRequestsAreErrorsAndChangeNothing) {
  tAddress* as = make();
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kSrcVa), 2 * k4K, kRW), Status::kOk);
  const uint64_t free0 = mem_.pa().free_size();
  EXPECT_EQ(mm_map_anon(nullptr, VirtAddr(kSrcVa), k4K, kRW), Status::kInvalidArgument);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa + 1), k4K, kRW), Status::kInvalidArgument);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa), 100, kRW), Status::kInvalidArgument);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa), 0, kRW), Status::kInvalidArgument);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa), k4K, 0), Status::kInvalidArgument);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa), k4K, kProtUser), Status::kInvalidArgument);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa), k4K, 0x40), Status::kInvalidArgument);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(0), k4K, kRW), Status::kOutOfRange) << "page 0";
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kUserTop - k4K), 2 * k4K, kRW), Status::kOutOfRange);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(~0ull << 12), k4K, kRW), Status::kOutOfRange);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kSrcVa - k4K), 2 * k4K, kRW), Status::kAlreadyMapped);
  EXPECT_EQ(mm_map_phys(as, VirtAddr(kSrcVa + k4K), PhysAddr(0), k4K, kRW),
            Status::kAlreadyMapped);
  EXPECT_EQ(mm_map_phys(as, VirtAddr(kDstVa), PhysAddr(0x123), k4K, kRW),
            Status::kInvalidArgument);
  EXPECT_EQ(mm_unmap(as, VirtAddr(0), k4K), Status::kOutOfRange);
  EXPECT_EQ(mm_unmap(nullptr, VirtAddr(kSrcVa), k4K), Status::kInvalidArgument);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(1ull << 40)).status(), Status::kOutOfRange);
  EXPECT_EQ(mm_vaddrinfo(nullptr, VirtAddr(kSrcVa)).status(), Status::kInvalidArgument);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(kSrcVa - 1)).status(), Status::kNotMapped);
  EXPECT_EQ(mem_.pa().free_size(), free0);
  EXPECT_EQ(as->mapped_pages, 2u);
  // The last user page is usable; unmapping up to kUserTop is fine.
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kUserTop - k4K), k4K, kRW), Status::kOk);
  ASSERT_EQ(mm_unmap(as, VirtAddr(kUserTop - k1G), k1G), Status::kOk);
  EXPECT_EQ(as->mapped_pages, 2u);
  mm_mdestroy(as);
}

TEST_F(AspaceTest, ProtectChangesPermissionsKeepsOwnershipAndSyncsExec) {
  tAddress* as = make();
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kSrcVa), 3 * k4K, kRW), Status::kOk);
  const uint64_t syncs = syncs_;
  ASSERT_EQ(mm_protect(as, VirtAddr(kSrcVa), 2 * k4K, kProtRead | kProtExec), Status::kOk);
  EXPECT_EQ(syncs_, syncs + 1) << "a range made executable gets fence.i";
  Result<VaddrInfo> text = mm_vaddrinfo(as, VirtAddr(kSrcVa + k4K));
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value().prot, kProtRead | kProtExec | kProtUser);
  EXPECT_TRUE(text.value().owned) << "protect keeps the page owned (freed with the space)";
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(kSrcVa + 2 * k4K)).value().prot, kRW | kProtUser);
  EXPECT_EQ(mm_protect(as, VirtAddr(kSrcVa), 4 * k4K, kR), Status::kNotMapped) << "a hole: nothing changes";
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(kSrcVa)).value().prot, kProtRead | kProtExec | kProtUser);
  EXPECT_EQ(mm_protect(as, VirtAddr(kSrcVa), k4K, 0), Status::kInvalidArgument);
  EXPECT_EQ(mm_protect(as, VirtAddr(kSrcVa + 1), k4K, kR), Status::kInvalidArgument);
  mm_mdestroy(as);  // TearDown checks every owned page came back
}

TEST_F(AspaceTest, DemandZeroPagesAppearOnFirstTouch) {
  tAddress* as = make();
  const uint64_t lo = kDstVa, hi = kDstVa + 8 * k4K;
  ASSERT_EQ(mm_reserve_lazy(as, VirtAddr(lo), hi - lo), Status::kOk);
  EXPECT_EQ(as->mapped_pages, 0u) << "nothing mapped yet";
  EXPECT_EQ(mm_reserve_lazy(as, VirtAddr(lo + 7 * k4K), 2 * k4K), Status::kAlreadyMapped) << "ranges do not overlap";
  for (uint32_t i = 1; i < kLazyRanges; ++i) {
    EXPECT_EQ(mm_reserve_lazy(as, VirtAddr(kSrcVa + i * k4K), k4K), Status::kOk) << "more ranges, up to kLazyRanges";
  }
  EXPECT_EQ(mm_reserve_lazy(as, VirtAddr(kSrcVa + kLazyRanges * k4K), k4K), Status::kBusy) << "then no more";
  EXPECT_TRUE(mm_fault_lazy(as, kSrcVa + (kLazyRanges - 1) * k4K)) << "the last range works too";
  EXPECT_EQ(mm_map_anon(as, VirtAddr(lo + k4K), k4K, kRW), Status::kAlreadyMapped) << "the range is reserved";
  EXPECT_FALSE(mm_fault_lazy(as, lo - 1)) << "below the range";
  EXPECT_FALSE(mm_fault_lazy(as, hi)) << "above it";
  EXPECT_TRUE(mm_fault_lazy(as, lo + 3 * k4K + 17));
  Result<VaddrInfo> info = mm_vaddrinfo(as, VirtAddr(lo + 3 * k4K));
  ASSERT_TRUE(info.ok());
  EXPECT_TRUE(info.value().owned);
  EXPECT_EQ(info.value().prot, kRW | kProtUser);
  EXPECT_EQ(peek(as, lo + 3 * k4K, 4), (std::vector<uint8_t>{0, 0, 0, 0}));
  EXPECT_TRUE(mm_fault_lazy(as, lo + 3 * k4K)) << "already there: still true";
  EXPECT_EQ(as->mapped_pages, 2u) << "one page in each of two ranges";
  // A message copy into an untouched page maps it on the way.
  tAddress* src = make(2);
  ASSERT_EQ(mm_map_anon(src, VirtAddr(kSrcVa), k4K, kRW), Status::kOk);
  poke(src, kSrcVa, {7, 8, 9});
  const XferResult r = mm_map_xfer(as, VirtAddr(lo + 6 * k4K - 1), src, VirtAddr(kSrcVa), 3);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(peek(as, lo + 6 * k4K - 1, 3), (std::vector<uint8_t>{7, 8, 9})) << "across two new pages";
  EXPECT_EQ(as->mapped_pages, 4u);
  mm_mdestroy(src);
  mm_mdestroy(as);  // TearDown: every demand-zero page came back
}

TEST_F(AspaceTest, TaskmanViewIsBorrowedNeverOwned) {
  tAddress* taskman = make(1);
  tAddress* child = make(2);
  EXPECT_EQ(mm_taskman_view_install(child, taskman), Status::kInvalidArgument) << "taskman has no slot 3 yet";
  ASSERT_EQ(mm_map_anon(taskman, VirtAddr(kTaskmanBase), 2 * k4K, kRW), Status::kOk);
  poke(taskman, kTaskmanBase, {1, 2, 3});
  ASSERT_EQ(mm_taskman_view_install(child, taskman), Status::kOk);
  EXPECT_TRUE(mm_root_slot_present(child, kTaskmanRootSlot));
  EXPECT_EQ(peek(child, kTaskmanBase, 3), (std::vector<uint8_t>{1, 2, 3})) << "the child sees taskman's pages";
  EXPECT_EQ(mm_taskman_view_install(child, taskman), Status::kAlreadyMapped);
  // No map call of the child reaches into the borrowed slot.
  EXPECT_EQ(mm_map_anon(child, VirtAddr(kTaskmanBase + 4 * k4K), k4K, kRW), Status::kOutOfRange);
  EXPECT_EQ(mm_unmap(child, VirtAddr(kTaskmanBase), k4K), Status::kOutOfRange);
  EXPECT_EQ(mm_protect(child, VirtAddr(kTaskmanBase), k4K, kR), Status::kOutOfRange);
  ASSERT_EQ(mm_map_anon(child, VirtAddr(kSrcVa), k4K, kRW), Status::kOk);
  const uint64_t flushes = tlb_.remote;
  mm_taskman_view_remove(child);
  EXPECT_GT(tlb_.remote, flushes) << "every hart forgets the view";
  EXPECT_FALSE(mm_root_slot_present(child, kTaskmanRootSlot));
  EXPECT_FALSE(mm_vaddrinfo(child, VirtAddr(kTaskmanBase)).ok());
  mm_taskman_view_remove(child);  // idempotent
  // Destroyed with the view still there, the child frees none of taskman's tables.
  ASSERT_EQ(mm_taskman_view_install(child, taskman), Status::kOk);
  mm_mdestroy(child);
  EXPECT_EQ(peek(taskman, kTaskmanBase, 3), (std::vector<uint8_t>{1, 2, 3}));
  mm_mdestroy(taskman);
}

TEST_F(AspaceTest, VaddrinfoOfEveryLeafSizeAndPermission) {
  tAddress* as = make();
  ASSERT_EQ(mm_map_phys(as, VirtAddr(k1G), PhysAddr(2 * k1G), k1G, kProtRead | kProtExec),
            Status::kOk);
  ASSERT_EQ(mm_map_phys(as, VirtAddr(4 * k1G), PhysAddr(SimPhysMem::kBase), 2 * k2M, kRW),
            Status::kOk);
  ASSERT_EQ(mm_map_phys(as, VirtAddr(kSrcVa), PhysAddr(0x10000000), k4K, kR), Status::kOk);
  EXPECT_EQ(syncs_, 1u);
  struct Case {
    uint64_t va, pa, size;
    uint32_t prot;
  };
  for (const Case& c : {Case{k1G + 0x12345, 2 * k1G + 0x12345, k1G, kProtRead | kProtExec},
                        Case{4 * k1G + k2M + 5, SimPhysMem::kBase + k2M + 5, k2M, kRW},
                        Case{kSrcVa + 0xfff, 0x10000fff, k4K, kR}}) {
    Result<VaddrInfo> i = mm_vaddrinfo(as, VirtAddr(c.va));
    ASSERT_TRUE(i.ok());
    EXPECT_EQ(i.value().pa.value(), c.pa);
    EXPECT_EQ(i.value().leaf_size, c.size);
    EXPECT_EQ(i.value().prot, c.prot | kProtUser);
    EXPECT_FALSE(i.value().owned);
  }
  EXPECT_EQ(as->mapped_pages, (k1G + 2 * k2M + k4K) / k4K);
  // Unmapping inside the large leaves splits them and keeps the rest.
  ASSERT_EQ(mm_unmap(as, VirtAddr(4 * k1G + k2M - k4K), 2 * k4K), Status::kOk);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(4 * k1G + k2M)).status(), Status::kNotMapped);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(4 * k1G + k2M + k4K)).value().leaf_size, k4K);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(4 * k1G)).value().leaf_size, k4K);
  ASSERT_EQ(mm_unmap(as, VirtAddr(k1G + k2M), k4K), Status::kOk);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(k1G)).value().leaf_size, k2M);
  EXPECT_EQ(as->mapped_pages, (k1G + 2 * k2M + k4K) / k4K - 3);
  mm_mdestroy(as);
}

// Transfers between anon buffers of two spaces: every source and every
// destination offset mod 4096, lengths spread over 0..64 KiB.
TEST_F(AspaceTest, XferEveryPageOffsetOnBothSides) {
  constexpr uint64_t kSpan = 64 * 1024 + 2 * k4K;
  tAddress* src = make(1);
  tAddress* dst = make(2);
  map_backwards(src, kSrcVa, kSpan / k4K, kR);
  map_backwards(dst, kDstVa, kSpan / k4K, kRW);
  ASSERT_NE(host(dst, kDstVa) + k4K, host(dst, kDstVa + k4K));
  const std::vector<uint8_t> data = random_bytes(kSpan, 1);
  poke(src, kSrcVa, data);
  const std::vector<uint8_t> blank(kSpan, 0xee);
  for (uint64_t o = 0; o < k4K; ++o) {
    const uint64_t so = o;
    const uint64_t d_off = (o * 2654435761u) % k4K;  // a permutation of 0..4095
    uint64_t len = (o * 4099) % (64 * 1024 + 1);
    if (o < 8) len = std::vector<uint64_t>{0, 1, 4095, 4096, 4097, 8192, 65535, 65536}[o];
    poke(dst, kDstVa, blank);
    const XferResult r =
        mm_map_xfer(dst, VirtAddr(kDstVa + d_off), src, VirtAddr(kSrcVa + so), len);
    ASSERT_TRUE(r.ok()) << o;
    ASSERT_EQ(r.copied, len);
    std::vector<uint8_t> want = blank;
    std::memcpy(want.data() + d_off, data.data() + so, len);
    ASSERT_EQ(peek(dst, kDstVa, kSpan), want) << "offsets " << so << "/" << d_off << " len " << len;
  }
  mm_mdestroy(src);
  mm_mdestroy(dst);
}

// Random scatter/gather shapes (fixed seeds) against a model that copies the
// concatenated source parts into the destination parts in order.
TEST_F(AspaceTest, XfervMatchesReferenceModel) {
  constexpr uint64_t kSpan = 96 * 1024;
  tAddress* src = make(1);
  tAddress* dst = make(2);
  ASSERT_EQ(mm_map_anon(src, VirtAddr(kSrcVa), kSpan, kR), Status::kOk);
  ASSERT_EQ(mm_map_anon(dst, VirtAddr(kDstVa), kSpan, kRW), Status::kOk);
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    std::mt19937 rng(seed);
    auto shape = [&](uint64_t base) {
      std::vector<MmIov> v(rng() % 9);
      for (MmIov& p : v) {
        const uint64_t len = rng() % 4 == 0 ? 0 : rng() % (rng() % 2 ? 300 : 12000);
        p = MmIov{VirtAddr(base + rng() % (kSpan - len + 1)), len};
      }
      return v;
    };
    const std::vector<MmIov> s = shape(kSrcVa);
    const std::vector<MmIov> d = shape(kDstVa);
    const std::vector<uint8_t> sdata = random_bytes(kSpan, seed);
    const std::vector<uint8_t> ddata = random_bytes(kSpan, seed + 1000);
    // The source is read-only for its owner: write it through the host view.
    poke(src, kSrcVa, sdata);
    poke(dst, kDstVa, ddata);
    // Seeds above 150 start part-way into both lists (MsgReadv/MsgWritev).
    const uint64_t src_skip = seed > 150 ? rng() % 14000 : 0;
    const uint64_t dst_skip = seed > 150 ? rng() % 14000 : 0;
    std::vector<uint8_t> flat;
    for (const MmIov& p : s) {
      const uint64_t at = p.base.value() - kSrcVa;
      flat.insert(flat.end(), sdata.begin() + static_cast<long>(at),
                  sdata.begin() + static_cast<long>(at + p.len));
    }
    flat.erase(flat.begin(), flat.begin() + static_cast<long>(std::min<uint64_t>(src_skip, flat.size())));
    std::vector<uint8_t> want = ddata;
    uint64_t used = 0;
    uint64_t to_skip = dst_skip;
    for (const MmIov& p : d) {
      const uint64_t skip = std::min(to_skip, p.len);
      to_skip -= skip;
      const uint64_t n = std::min<uint64_t>(p.len - skip, flat.size() - used);
      if (n > 0) std::memcpy(want.data() + (p.base.value() + skip - kDstVa), flat.data() + used, n);
      used += n;
    }
    const XferResult r = mm_map_xferv_at(dst, d, dst_skip, src, s, src_skip);
    ASSERT_TRUE(r.ok()) << "seed " << seed;
    ASSERT_EQ(r.copied, used) << "seed " << seed;
    ASSERT_EQ(peek(dst, kDstVa, kSpan), want) << "seed " << seed;
  }
  mm_mdestroy(src);
  mm_mdestroy(dst);
}

// A transfer stops at the first page that refuses, having copied exactly
// the bytes before it; the refusing page is left untouched.
TEST_F(AspaceTest, XferStopsAtTheFirstBadPageWithTheExactCount) {
  tAddress* src = make(1);
  tAddress* dst = make(2);
  ASSERT_EQ(mm_map_anon(src, VirtAddr(kSrcVa), 8 * k4K, kR), Status::kOk);
  ASSERT_EQ(mm_map_anon(dst, VirtAddr(kDstVa), 3 * k4K, kRW), Status::kOk);
  ASSERT_EQ(mm_map_anon(dst, VirtAddr(kDstVa + 3 * k4K), k4K, kR), Status::kOk);  // read-only
  ASSERT_EQ(mm_map_anon(dst, VirtAddr(kDstVa + 4 * k4K), k4K, kRW), Status::kOk);
  // kDstVa + 5 pages: a hole; then one more writable page.
  ASSERT_EQ(mm_map_anon(dst, VirtAddr(kDstVa + 6 * k4K), k4K, kRW), Status::kOk);
  poke(src, kSrcVa, random_bytes(8 * k4K, 7));
  struct Case {
    uint64_t d_off, s_off, len;
    XferStatus status;
    XferSide side;
    uint64_t copied;
  };
  const Case cases[] = {
      {100, 200, 5 * k4K, XferStatus::kNoAccess, XferSide::kDestination, 3 * k4K - 100},
      {4 * k4K + 1, 0, 3 * k4K, XferStatus::kNotMapped, XferSide::kDestination, k4K - 1},
      {6 * k4K, 0, 2 * k4K, XferStatus::kNotMapped, XferSide::kDestination, k4K},
      {0, 6 * k4K + 50, 3 * k4K, XferStatus::kNotMapped, XferSide::kSource, 2 * k4K - 50},
      {0, 0, 3 * k4K, XferStatus::kOk, XferSide::kNone, 3 * k4K},
  };
  for (const Case& c : cases) {
    poke(dst, kDstVa, std::vector<uint8_t>(3 * k4K, 0));
    const std::vector<uint8_t> page3 = peek(dst, kDstVa + 3 * k4K, k4K);
    const XferResult r =
        mm_map_xfer(dst, VirtAddr(kDstVa + c.d_off), src, VirtAddr(kSrcVa + c.s_off), c.len);
    EXPECT_EQ(r.status, c.status) << c.d_off;
    EXPECT_EQ(r.side, c.side) << c.d_off;
    EXPECT_EQ(r.copied, c.copied) << c.d_off;
    EXPECT_EQ(peek(dst, kDstVa + c.d_off, r.copied), peek(src, kSrcVa + c.s_off, r.copied));
    EXPECT_EQ(peek(dst, kDstVa + 3 * k4K, k4K), page3);
  }
  // A source page the user may not read: execute-only, or a kernel page in
  // the user half (the engine maps it; mm never does).
  ASSERT_EQ(mm_map_anon(src, VirtAddr(kSrcVa + 9 * k4K), k4K, kR), Status::kOk);
  ASSERT_EQ(mm_map_anon(src, VirtAddr(kSrcVa + 10 * k4K), k4K, kProtExec), Status::kOk);
  ASSERT_EQ(mm_map_anon(src, VirtAddr(kSrcVa + 11 * k4K), k4K, kR), Status::kOk);
  ASSERT_EQ(cpu_pte_map(src->pt, VirtAddr(kSrcVa + 12 * k4K), PhysAddr(SimPhysMem::kBase), k4K,
                        kRW, 0),
            Status::kOk);
  for (uint64_t page : {10u, 12u}) {
    const XferResult r = mm_map_xfer(dst, VirtAddr(kDstVa), src,
                                     VirtAddr(kSrcVa + page * k4K - 10), 100);
    EXPECT_EQ(r.status, XferStatus::kNoAccess);
    EXPECT_EQ(r.side, XferSide::kSource);
    EXPECT_EQ(r.copied, 10u);
  }
  ASSERT_EQ(cpu_pte_unmap(src->pt, VirtAddr(kSrcVa + 12 * k4K), k4K), Status::kOk);
  // The multi-part form reports the failing byte's offset in the message.
  const MmIov d[] = {{VirtAddr(kDstVa + 10), 1000}, {VirtAddr(kDstVa + 2 * k4K), 2 * k4K}};
  const MmIov s[] = {{VirtAddr(kSrcVa), 4 * k4K}};
  XferResult r = mm_map_xferv(dst, d, src, s);
  EXPECT_EQ(r.status, XferStatus::kNoAccess);
  EXPECT_EQ(r.side, XferSide::kDestination);
  EXPECT_EQ(r.copied, 1000 + k4K);
  // Buffers that leave user space stop at its edge: page 0, the top, a wrap.
  ASSERT_EQ(mm_map_anon(dst, VirtAddr(kUserTop - k4K), k4K, kRW), Status::kOk);
  r = mm_map_xfer(dst, VirtAddr(kUserTop - 8), src, VirtAddr(kSrcVa), 64);
  EXPECT_EQ(r.status, XferStatus::kBadAddress);
  EXPECT_EQ(r.side, XferSide::kDestination);
  EXPECT_EQ(r.copied, 8u);
  r = mm_map_xfer(dst, VirtAddr(kDstVa), src, VirtAddr(16), 8);
  EXPECT_EQ(r.status, XferStatus::kBadAddress);
  EXPECT_EQ(r.side, XferSide::kSource);
  r = mm_map_xfer(dst, VirtAddr(~0ull - 3), src, VirtAddr(kSrcVa), 8 + kDstVa);
  EXPECT_EQ(r.status, XferStatus::kBadAddress);
  EXPECT_EQ(r.copied, 0u);
  r = mm_map_xfer(dst, VirtAddr(0), src, VirtAddr(0), 0);
  EXPECT_TRUE(r.ok()) << "nothing to copy, nothing to check";
  r = mm_map_xfer(nullptr, VirtAddr(kDstVa), src, VirtAddr(kSrcVa), 1);
  EXPECT_EQ(r.status, XferStatus::kInvalidArgument);
  EXPECT_EQ(mm_map_xferv(dst, d, nullptr, s).side, XferSide::kSource);
  mm_mdestroy(src);
  mm_mdestroy(dst);
}

class AspaceSmallMemTest : public AspaceTest {
 protected:
  AspaceSmallMemTest() : AspaceTest(2ull << 20) {}
};

TEST_F(AspaceSmallMemTest, ExhaustionIsAllOrNothing) {
  tAddress* as = make();
  ASSERT_EQ(mm_map_anon(as, VirtAddr(kSrcVa), k4K, kRW), Status::kOk);
  // More than is free fails up front; room for 9 pages when the range needs
  // 8 and two tables fails midway. Either way nothing is left behind.
  hog_until(5 * k4K);
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa), 8 * k4K, kRW), Status::kNoMemory);
  EXPECT_EQ(mem_.pa().free_size(), 5 * k4K);
  release_hog();
  hog_until(9 * k4K);
  const uint64_t free0 = mem_.pa().free_size();
  const uint64_t tables0 = as->table_pages;
  EXPECT_EQ(mm_map_anon(as, VirtAddr(kDstVa + k2M - 2 * k4K), 8 * k4K, kRW), Status::kNoMemory);
  EXPECT_EQ(mem_.pa().free_size(), free0);
  EXPECT_EQ(as->table_pages, tables0);
  EXPECT_EQ(as->mapped_pages, 1u);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(kDstVa + k2M - 2 * k4K)).status(), Status::kNotMapped);
  // A split that cannot get a table leaves the large leaf intact.
  ASSERT_EQ(mm_map_phys(as, VirtAddr(k1G), PhysAddr(0), k1G, kR), Status::kOk);
  hog_until(0);
  EXPECT_EQ(mm_unmap(as, VirtAddr(k1G + k4K), k4K), Status::kNoMemory);
  EXPECT_EQ(mm_vaddrinfo(as, VirtAddr(k1G + k4K)).value().leaf_size, k1G);
  // The slab has room for a tAddress but there is no page for its root.
  EXPECT_EQ(mm_mcreate(&spaces_, 9).status(), Status::kNoMemory);
  EXPECT_EQ(spaces_.live, 1u);
  release_hog();
  mm_mdestroy(as);
  // No page for a slab to hold the tAddress either.
  spaces_.cache.reap();
  hog_until(0);
  EXPECT_EQ(mm_mcreate(&spaces_, 9).status(), Status::kNoMemory);
  release_hog();
}

}  // namespace
