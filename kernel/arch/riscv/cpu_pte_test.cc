// Host tests for the Sv39 engine over simulated physical memory: map, unmap,
// protect, split and merge checked by walking, misuse as error values,
// all-or-nothing on exhaustion, and randomized sequences against a model.
#include "kernel/arch/riscv/cpu_pte.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "kernel/arch/host/sim_phys_mem.h"
#include "kernel/arch/host/tlb_recorder.h"

namespace {

constexpr uint64_t k4K = kPageSize;
constexpr uint64_t k2M = kMegaPageSize;
constexpr uint64_t k1G = kGigaPageSize;
constexpr uint32_t kRW = kProtRead | kProtWrite;

class CpuPteTest : public ::testing::Test {
 protected:
  explicit CpuPteTest(uint64_t mem_bytes = 16ull << 20) : mem_(mem_bytes), hooks_(tlb_.hooks()) {}
  void SetUp() override {
    Result<PageTable> pt = cpu_pgdir_create(mem_.pt_allocator(), &hooks_, 7);
    ASSERT_TRUE(pt.ok());
    pt_ = pt.value();
    free_at_start_ = mem_.pa().free_size();
  }
  void TearDown() override {
    cpu_pgdir_destroy(pt_);
    EXPECT_EQ(mem_.table_source().live_tables, 0u);
    EXPECT_TRUE(mem_.pa().check().ok);
  }
  // Level of the leaf mapping va, or -1.
  int level_of(uint64_t va) {
    Result<Translation> t = cpu_pte_lookup(pt_, VirtAddr(va));
    return t.ok() ? static_cast<int>(t.value().level) : -1;
  }
  uint64_t pa_of(uint64_t va) { return cpu_pte_lookup(pt_, VirtAddr(va)).value().pa.value(); }
  uint64_t tables() const { return mem_.table_source().live_tables; }

  SimPhysMem mem_;
  TlbRecorder tlb_;
  TlbHooks hooks_;
  PageTable pt_;
  uint64_t free_at_start_ = 0;
};

TEST(ProtToPteBits, PolicyBits) {
  using namespace sv39;
  EXPECT_EQ(prot_to_pte_bits(kProtRead), kV | kR | kA | kG);
  EXPECT_EQ(prot_to_pte_bits(kProtWrite), kV | kR | kW | kA | kD | kG);  // W implies R
  EXPECT_EQ(prot_to_pte_bits(kProtExec | kProtUser), kV | kX | kA | kU);
  EXPECT_EQ(prot_to_pte_bits(kRW | kProtUser), kV | kR | kW | kA | kD | kU);
  EXPECT_EQ(prot_to_pte_bits(0), 0u);
  EXPECT_EQ(prot_to_pte_bits(kProtUser), 0u);
}

TEST(CpuPgdir, RejectsIncompleteHooks) {
  SimPhysMem mem(1 << 20);
  TlbHooks none{nullptr, nullptr, nullptr};
  EXPECT_EQ(cpu_pgdir_create(mem.pt_allocator(), &none, 0).status(), Status::kInvalidArgument);
  EXPECT_EQ(cpu_pgdir_create(nullptr, &none, 0).status(), Status::kInvalidArgument);
}

TEST_F(CpuPteTest, MapLookupUnmap4K) {
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(0x10000), PhysAddr(0x90000000), 3 * k4K, kRW | kProtUser, 0),
            Status::kOk);
  EXPECT_EQ(tables(), 3u);
  Result<Translation> t = cpu_pte_lookup(pt_, VirtAddr(0x11234));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().pa, PhysAddr(0x90001234));
  EXPECT_EQ(t.value().level, 0u);
  EXPECT_EQ(t.value().pte & sv39::kFlagsMask, prot_to_pte_bits(kRW | kProtUser));
  EXPECT_EQ(level_of(0xf000), -1);
  EXPECT_EQ(level_of(0x13000), -1);
  const uint64_t remote_before = tlb_.remote;
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(0x10000), 3 * k4K), Status::kOk);
  EXPECT_EQ(level_of(0x10000), -1);
  EXPECT_EQ(tables(), 1u);  // empty tables freed, root stays
  EXPECT_GT(tlb_.remote, remote_before);
  EXPECT_EQ(tlb_.last_asid, 7);
}

TEST_F(CpuPteTest, LargestLeavesWhereTheyFit) {
  // [1G - 2M - 8K, 2G + 2M + 4K): 4K pages, one 2M, one 1G, one 2M, one 4K.
  const uint64_t va = k1G - k2M - 2 * k4K;
  const uint64_t len = (2 * k1G + k2M + k4K) - va;
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(va), PhysAddr(0x100000000ull + va), len, kProtRead,
                        kMapLargest),
            Status::kOk);
  EXPECT_EQ(level_of(va), 0);
  EXPECT_EQ(level_of(k1G - k2M), 1);
  EXPECT_EQ(level_of(k1G + 12345), 2);
  EXPECT_EQ(level_of(2 * k1G), 1);
  EXPECT_EQ(level_of(2 * k1G + k2M), 0);
  EXPECT_EQ(level_of(2 * k1G + k2M + k4K), -1);
  EXPECT_EQ(pa_of(k1G + 0x1234), 0x100000000ull + k1G + 0x1234);
  // Physical misalignment forbids large leaves.
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(8 * k1G), PhysAddr(0x80001000), k2M, kProtRead, kMapLargest),
            Status::kOk);
  EXPECT_EQ(level_of(8 * k1G), 0);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(0), 16 * k1G), Status::kOk);
  EXPECT_EQ(tables(), 1u);
}

TEST_F(CpuPteTest, BadRequestsAreErrorsAndChangeNothing) {
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(k2M), PhysAddr(k2M), k2M, kRW, kMapLargest), Status::kOk);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(k2M - k4K), PhysAddr(0), 2 * k4K, kRW, 0),
            Status::kAlreadyMapped);
  EXPECT_EQ(level_of(k2M - k4K), -1);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(0x1001), PhysAddr(0), k4K, kRW, 0), Status::kInvalidArgument);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(0x1000), PhysAddr(1), k4K, kRW, 0), Status::kInvalidArgument);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(0x1000), PhysAddr(0), 0, kRW, 0), Status::kInvalidArgument);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(0x1000), PhysAddr(0), k4K, kProtUser, 0),
            Status::kInvalidArgument);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(0x1000), PhysAddr(0), k4K, 0x100, 0),
            Status::kInvalidArgument);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(1ull << 40), PhysAddr(0), k4K, kRW, 0), Status::kOutOfRange);
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr((1ull << 38) - k4K), PhysAddr(0), 2 * k4K, kRW, 0),
            Status::kOutOfRange);  // would cross the hole
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(0x1000), PhysAddr(1ull << 56), k4K, kRW, 0),
            Status::kOutOfRange);
  EXPECT_EQ(cpu_pte_unmap(pt_, VirtAddr(0x800), k4K), Status::kInvalidArgument);
  EXPECT_EQ(cpu_pte_protect(pt_, VirtAddr(k2M - k4K), 2 * k4K, kProtRead), Status::kNotMapped);
  EXPECT_EQ(pa_of(k2M) & 0xfff, 0u);
  EXPECT_EQ(cpu_pte_lookup(pt_, VirtAddr(k2M)).value().pte & sv39::kW, sv39::kW);
  EXPECT_EQ(cpu_pte_split(pt_, VirtAddr(0x5000)), Status::kNotMapped);
  EXPECT_EQ(cpu_pte_lookup(pt_, VirtAddr(1ull << 45)).status(), Status::kNotMapped);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(0), k1G), Status::kOk);
}

TEST_F(CpuPteTest, KernelHalfIsGlobalUserHalfIsUser) {
  const uint64_t kva = kKernelVirtBase + 0x80200000ull;
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(kva), PhysAddr(0x80200000ull), 4 * k2M, kRW | kProtExec,
                        kMapLargest),
            Status::kOk);
  Result<Translation> t = cpu_pte_lookup(pt_, VirtAddr(kva + 0x10));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().level, 1u);
  EXPECT_EQ(t.value().pa, PhysAddr(0x80200010ull));
  EXPECT_NE(t.value().pte & sv39::kG, 0u);
  EXPECT_EQ(t.value().pte & sv39::kU, 0u);
  // The very top of the address space is reachable and does not wrap.
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(~0ull - k4K + 1), PhysAddr(0x1000), k4K, kProtRead, 0),
            Status::kOk);
  EXPECT_EQ(pa_of(~0ull), 0x1fffull);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(~0ull - k1G + 1), k1G), Status::kOk);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(kva), 4 * k2M), Status::kOk);
  EXPECT_EQ(tables(), 1u);
}

TEST_F(CpuPteTest, UnmapInsideLargeLeafSplits) {
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(k1G), PhysAddr(4 * k1G), k1G, kRW, kMapLargest), Status::kOk);
  EXPECT_EQ(tables(), 1u);  // one 1 GiB leaf in the root
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(k1G + 3 * k2M + 5 * k4K), k4K), Status::kOk);
  EXPECT_EQ(level_of(k1G + 3 * k2M + 5 * k4K), -1);
  EXPECT_EQ(level_of(k1G + 3 * k2M + 4 * k4K), 0);
  EXPECT_EQ(level_of(k1G + 3 * k2M + 6 * k4K), 0);
  EXPECT_EQ(level_of(k1G + 2 * k2M), 1);
  EXPECT_EQ(level_of(k1G + 4 * k2M), 1);
  EXPECT_EQ(pa_of(k1G + 3 * k2M + 6 * k4K + 8), 4 * k1G + 3 * k2M + 6 * k4K + 8);
  EXPECT_EQ(tables(), 3u);
  EXPECT_GT(tlb_.local_all, 0u);
  // Map the hole again, merge: back to one 1 GiB leaf, tables freed.
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(k1G + 3 * k2M + 5 * k4K), PhysAddr(4 * k1G + 3 * k2M + 5 * k4K),
                        k4K, kRW, 0),
            Status::kOk);
  Result<uint32_t> merged = cpu_pte_merge(pt_, VirtAddr(k1G), k1G);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged.value(), 2u);
  EXPECT_EQ(level_of(k1G + 77 * k4K), 2);
  EXPECT_EQ(tables(), 1u);
}

TEST_F(CpuPteTest, ProtectSplitsAndMergeNeedsUniformBits) {
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(k2M), PhysAddr(k2M), k2M, kRW, kMapLargest), Status::kOk);
  ASSERT_EQ(cpu_pte_protect(pt_, VirtAddr(k2M + k4K), k4K, kProtRead), Status::kOk);
  Result<Translation> t = cpu_pte_lookup(pt_, VirtAddr(k2M + k4K));
  EXPECT_EQ(t.value().level, 0u);
  EXPECT_EQ(t.value().pte & sv39::kFlagsMask, prot_to_pte_bits(kProtRead));
  EXPECT_EQ(cpu_pte_lookup(pt_, VirtAddr(k2M)).value().pte & sv39::kFlagsMask,
            prot_to_pte_bits(kRW));
  EXPECT_EQ(cpu_pte_merge(pt_, VirtAddr(0), k1G).value(), 0u);  // not uniform
  ASSERT_EQ(cpu_pte_protect(pt_, VirtAddr(k2M + k4K), k4K, kRW), Status::kOk);
  EXPECT_EQ(cpu_pte_merge(pt_, VirtAddr(k2M + k4K), k4K).value(), 0u);  // range too small
  EXPECT_EQ(cpu_pte_merge(pt_, VirtAddr(k2M), k2M).value(), 1u);
  EXPECT_EQ(level_of(k2M), 1);
  // Explicit split and misuse.
  ASSERT_EQ(cpu_pte_split(pt_, VirtAddr(k2M + 9 * k4K)), Status::kOk);
  EXPECT_EQ(level_of(k2M), 0);
  EXPECT_EQ(pa_of(k2M + 9 * k4K + 1), k2M + 9 * k4K + 1);
  EXPECT_EQ(cpu_pte_split(pt_, VirtAddr(k2M)), Status::kInvalidArgument);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(k2M), k2M), Status::kOk);
}

TEST_F(CpuPteTest, MergeFourKilobytePagesUpToAGigabyte) {
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(k1G), PhysAddr(3 * k1G), k1G, kProtRead, 0), Status::kOk);
  EXPECT_EQ(tables(), 1u + 1u + 512u);
  Result<uint32_t> merged = cpu_pte_merge(pt_, VirtAddr(0), 4 * k1G);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged.value(), 513u);
  EXPECT_EQ(level_of(k1G + 123 * k4K), 2);
  EXPECT_EQ(tables(), 1u);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(k1G), k1G), Status::kOk);
}

// With keep_kernel_tables, a kernel-half root entry that points at a table
// keeps it: a 1 GiB map fills it with 2 MiB leaves, and neither unmap nor
// merge frees or replaces it (other address spaces share it). The user half
// is unaffected.
TEST_F(CpuPteTest, KeptKernelTablesAreNeverFreedOrReplaced) {
  constexpr uint64_t kKva = kKernelVirtBase + 2 * k1G;
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(kKva), PhysAddr(0), k4K, kRW, 0), Status::kOk);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(kKva), k4K), Status::kOk);
  EXPECT_EQ(tables(), 1u) << "without the flag an emptied table is freed";
  pt_.keep_kernel_tables = true;
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(kKva), PhysAddr(0), k4K, kRW, 0), Status::kOk);
  const uint64_t* root = static_cast<uint64_t*>(mem_.virt(pt_.root));
  const uint64_t l2 = root[sv39::index(kKva, 2)];
  ASSERT_EQ(tables(), 3u);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(kKva), k4K), Status::kOk);
  EXPECT_EQ(tables(), 2u) << "the L0 table goes, the kept L1 table stays";
  EXPECT_EQ(root[sv39::index(kKva, 2)], l2);
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(kKva), PhysAddr(k1G), k1G, kRW, kMapLargest), Status::kOk);
  EXPECT_EQ(root[sv39::index(kKva, 2)], l2);
  EXPECT_EQ(level_of(kKva + k1G - 1), 1);
  EXPECT_EQ(pa_of(kKva + k1G - 1), 2 * k1G - 1);
  ASSERT_EQ(cpu_pte_merge(pt_, VirtAddr(kKva), k1G).value(), 0u);
  EXPECT_EQ(root[sv39::index(kKva, 2)], l2);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(kKva), k1G), Status::kOk);
  EXPECT_EQ(root[sv39::index(kKva, 2)], l2);
  EXPECT_EQ(tables(), 2u);
  // The user half still gets 1 GiB leaves and frees its tables.
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(k1G), PhysAddr(0), k4K, kRW, 0), Status::kOk);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(k1G), k4K), Status::kOk);
  EXPECT_EQ(tables(), 2u);
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(k1G), PhysAddr(0), k1G, kRW, kMapLargest), Status::kOk);
  EXPECT_EQ(level_of(k1G), 2);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(k1G), k1G), Status::kOk);
}

class CpuPteSmallMemTest : public CpuPteTest {
 protected:
  CpuPteSmallMemTest() : CpuPteTest(6 * k4K) {}
};

TEST_F(CpuPteSmallMemTest, ExhaustionIsAllOrNothing) {
  // Root + 5 free pages. Mapping 3 separate 2 MiB regions with 4 KiB pages
  // needs 1 + 3 tables below the root: fits. Spreading over 3 GiB needs 6: fails.
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(0), PhysAddr(0), 3 * k2M, kProtRead, 0), Status::kOk);
  const uint64_t used = mem_.pa().free_size();
  EXPECT_EQ(cpu_pte_map(pt_, VirtAddr(k1G - k2M), PhysAddr(0), 2 * k1G + 2 * k2M, kProtRead, 0),
            Status::kNoMemory);
  EXPECT_EQ(level_of(k1G - k2M), -1);
  EXPECT_EQ(level_of(k1G), -1);
  EXPECT_EQ(mem_.pa().free_size(), used);
  // A split that cannot get a table leaves the mapping intact.
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(0), 3 * k2M), Status::kOk);
  ASSERT_EQ(cpu_pte_map(pt_, VirtAddr(4 * k1G), PhysAddr(0), k1G, kProtRead, kMapLargest),
            Status::kOk);
  Result<PhysAddr> hog = mem_.pa().alloc(mem_.pa().free_size(), 0, nullptr);
  ASSERT_TRUE(hog.ok());
  EXPECT_EQ(cpu_pte_unmap(pt_, VirtAddr(4 * k1G + k4K), k4K), Status::kNoMemory);
  EXPECT_EQ(level_of(4 * k1G + k4K), 2);
  mem_.pa().free(hog.value(), 5 * k4K);
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(4 * k1G), k1G), Status::kOk);
}

// Random map/unmap/protect/split/merge over a VA window straddling 1 GiB
// boundaries, checked page by page against a map of page -> (pa, bits).
TEST_F(CpuPteTest, RandomizedAgainstReferenceModel) {
  constexpr uint64_t kWinBase = 2 * k1G - 4 * k2M;
  constexpr uint64_t kWinPages = 8 * k2M / k4K;  // 4096 pages, 8 MiB
  struct Page {
    uint64_t pa;
    uint64_t bits;
  };
  std::map<uint64_t, Page> model;
  std::mt19937_64 rng(2024);
  const uint32_t prots[] = {kProtRead, kRW, kProtExec, kProtRead | kProtExec | kProtUser,
                            kRW | kProtUser};
  const auto random_range = [&](uint64_t* va, uint64_t* len) {
    const uint64_t gran = rng() % 3 == 0 ? k2M : k4K;
    const uint64_t slots = kWinPages * k4K / gran;
    const uint64_t first = rng() % slots;
    const uint64_t count = 1 + rng() % std::min<uint64_t>(slots - first, gran == k2M ? 3 : 40);
    *va = kWinBase + first * gran;
    *len = count * gran;
  };
  for (int step = 0; step < 1500; ++step) {
    uint64_t va = 0;
    uint64_t len = 0;
    random_range(&va, &len);
    const uint32_t prot = prots[rng() % 5];
    const uint64_t op = rng() % 10;
    bool any = false;
    bool all = true;
    for (uint64_t p = va; p < va + len; p += k4K) {
      if (model.count(p) != 0) {
        any = true;
      } else {
        all = false;
      }
    }
    if (op < 4) {
      const uint64_t pa = rng() % 2 ? va + 0x200000000ull : 0x300000000ull + (rng() % 512) * k4K;
      const Status s = cpu_pte_map(pt_, VirtAddr(va), PhysAddr(pa), len, prot,
                                   rng() % 2 ? kMapLargest : 0);
      ASSERT_EQ(s, any ? Status::kAlreadyMapped : Status::kOk) << "step " << step;
      if (!any) {
        for (uint64_t off = 0; off < len; off += k4K) {
          model[va + off] = Page{pa + off, prot_to_pte_bits(prot)};
        }
      }
    } else if (op < 7) {
      ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(va), len), Status::kOk) << "step " << step;
      for (uint64_t p = va; p < va + len; p += k4K) {
        model.erase(p);
      }
    } else if (op < 9) {
      const Status s = cpu_pte_protect(pt_, VirtAddr(va), len, prot);
      ASSERT_EQ(s, all ? Status::kOk : Status::kNotMapped) << "step " << step;
      if (all) {
        for (uint64_t p = va; p < va + len; p += k4K) {
          model[p].bits = prot_to_pte_bits(prot);
        }
      }
    } else if (rng() % 2) {
      ASSERT_TRUE(cpu_pte_merge(pt_, VirtAddr(kWinBase), kWinPages * k4K).ok());
    } else {
      const Status s = cpu_pte_split(pt_, VirtAddr(va));
      ASSERT_TRUE(s == Status::kOk || s == Status::kNotMapped || s == Status::kInvalidArgument);
    }
    if (step % 10 == 0 || step > 1480) {
      for (uint64_t i = 0; i < kWinPages; ++i) {
        const uint64_t p = kWinBase + i * k4K;
        Result<Translation> t = cpu_pte_lookup(pt_, VirtAddr(p));
        auto it = model.find(p);
        ASSERT_EQ(t.ok(), it != model.end()) << "step " << step << " page " << std::hex << p;
        if (t.ok()) {
          ASSERT_EQ(t.value().pa.value(), it->second.pa) << "step " << step;
          ASSERT_EQ(t.value().pte & sv39::kFlagsMask, it->second.bits) << "step " << step;
        }
      }
    }
  }
  ASSERT_EQ(cpu_pte_unmap(pt_, VirtAddr(kWinBase), kWinPages * k4K), Status::kOk);
  EXPECT_EQ(tables(), 1u);
  EXPECT_EQ(mem_.pa().free_size(), free_at_start_);
}

}  // namespace
