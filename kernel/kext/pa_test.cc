// Host tests for pa: init edge cases, fragmentation, exhaustion and recovery,
// restriction windows, given-address allocation, every misuse (kpanic), and a
// randomized run against a reference model with a fixed seed.
#include "kernel/kext/pa.h"

#include <gtest/gtest.h>

#include <iterator>
#include <map>
#include <random>
#include <vector>

#include "kernel/lib/bit_ops.h"

namespace {

constexpr uint64_t kQ = kPaQuantum;
constexpr uint64_t kMiB = 1ull << 20;
constexpr uint64_t kRam = 0x80000000ull;

class PaTest : public ::testing::Test {
 protected:
  Status init(std::vector<PaRegion> mem, std::vector<PaRegion> res) {
    storage_.assign(PhysAllocator::metadata_bytes(mem) / sizeof(pa_quantum), pa_quantum{});
    return pa_.init(mem, res, storage_);
  }
  void expect_ok() {
    const PaCheckReport r = pa_.check();
    EXPECT_TRUE(r.ok) << r.what << " at " << std::hex << r.where.value();
  }
  PhysAddr must_alloc(uint64_t bytes, uint64_t align = 0, const PaRestrict* r = nullptr) {
    Result<PhysAddr> a = pa_.alloc(bytes, align, r);
    EXPECT_TRUE(a.ok()) << status_name(a.status());
    return a.value();
  }

  std::vector<pa_quantum> storage_;
  PhysAllocator pa_;
};

TEST_F(PaTest, InitSubtractsReservedRangesExactly) {
  // 64 MiB of RAM; OpenSBI 2 MiB; an unaligned kernel image; a device tree
  // overlapping the image's tail; an initrd partly outside RAM; a reserved
  // range entirely outside RAM.
  ASSERT_EQ(init({{PhysAddr(kRam), 64 * kMiB}},
                 {{PhysAddr(kRam), 2 * kMiB},
                  {PhysAddr(kRam + 2 * kMiB + 0x10), 3 * kQ},       // widens to 4 quanta
                  {PhysAddr(kRam + 2 * kMiB + 3 * kQ), 2 * kQ},     // overlaps by one
                  {PhysAddr(kRam + 64 * kMiB - kQ), 8 * kQ},        // one quantum inside
                  {PhysAddr(0x10000000), kMiB}}),
            Status::kOk);
  EXPECT_EQ(pa_.managed_size(), 64 * kMiB);
  EXPECT_EQ(pa_.reserved_size(), 2 * kMiB + 5 * kQ + kQ);
  EXPECT_EQ(pa_.free_size(), 64 * kMiB - pa_.reserved_size());
  expect_ok();
  // The first free quantum follows the reserved ones.
  EXPECT_EQ(pa_.alloc_given(PhysAddr(kRam + 2 * kMiB + 4 * kQ), kQ).status(), Status::kBusy);
  EXPECT_TRUE(pa_.alloc_given(PhysAddr(kRam + 2 * kMiB + 5 * kQ), kQ).ok());
  expect_ok();
}

TEST_F(PaTest, InitTrimsUnalignedEdgesAndMergesBlocks) {
  ASSERT_EQ(init({{PhysAddr(kRam + 0x800), 16 * kQ},  // [0x800, 0x10800): 15 whole quanta
                  {PhysAddr(0x100000000ull), 8 * kQ},
                  {PhysAddr(0x100000000ull + 4 * kQ), 8 * kQ},  // overlaps: merged to 12
                  {PhysAddr(0x200000000ull), kQ - 1}},          // no whole quantum
                 {}),
            Status::kOk);
  ASSERT_EQ(pa_.block_count(), 2u);
  EXPECT_EQ(pa_.block(0).base, PhysAddr(kRam + kQ));
  EXPECT_EQ(pa_.block(0).nquanta, 15u);
  EXPECT_EQ(pa_.block(1).nquanta, 12u);
  EXPECT_EQ(pa_.free_size(), 27 * kQ);
  expect_ok();
}

TEST_F(PaTest, InitRejectsBadConfigurations) {
  EXPECT_EQ(init({}, {}), Status::kInvalidArgument);
  std::vector<PaRegion> many;
  for (uint64_t i = 0; i < kPaMaxBlocks + 1; ++i) {
    many.push_back({PhysAddr(kRam + i * 2 * kMiB), kMiB});
  }
  EXPECT_EQ(init(many, {}), Status::kInvalidArgument);
  std::vector<pa_quantum> tiny(3);
  const PaRegion mem[] = {{PhysAddr(kRam), 4 * kQ}};
  EXPECT_EQ(pa_.init(mem, {}, tiny), Status::kNoMemory);
}

TEST_F(PaTest, SingleQuantumRoundTrip) {
  ASSERT_EQ(init({{PhysAddr(kRam), 16 * kMiB}}, {}), Status::kOk);
  const uint64_t before = pa_.free_size();
  const PhysAddr a = must_alloc(1);
  EXPECT_TRUE(a.aligned(kQ));
  EXPECT_EQ(pa_.free_size(), before - kQ);
  expect_ok();
  pa_.free(a, kQ);
  EXPECT_EQ(pa_.free_size(), before);
  expect_ok();
}

TEST_F(PaTest, SplitRunsAreFreedPageByPage) {
  ASSERT_EQ(init({{PhysAddr(kRam), 16 * kMiB}}, {}), Status::kOk);
  const uint64_t before = pa_.free_size();
  const PhysAddr a = must_alloc(8 * kQ);
  pa_.split(a, 8 * kQ);
  expect_ok();
  for (uint64_t i = 0; i < 8; i += 2) pa_.free(a + i * kQ, kQ);  // every other page first
  expect_ok();
  for (uint64_t i = 1; i < 8; i += 2) pa_.free(a + i * kQ, kQ);
  EXPECT_EQ(pa_.free_size(), before);
  expect_ok();
}

TEST_F(PaTest, AlignedRunsAreAligned) {
  ASSERT_EQ(init({{PhysAddr(kRam + kQ), 32 * kMiB}}, {}), Status::kOk);
  const PhysAddr small = must_alloc(kQ);
  const PhysAddr big = must_alloc(2 * kMiB, 2 * kMiB);
  EXPECT_TRUE(big.aligned(2 * kMiB));
  const PhysAddr odd = must_alloc(5 * kQ, 16 * kQ);
  EXPECT_TRUE(odd.aligned(16 * kQ));
  expect_ok();
  EXPECT_EQ(pa_.alloc(kQ, 3 * kQ, nullptr).status(), Status::kInvalidArgument);
  EXPECT_EQ(pa_.alloc(0, 0, nullptr).status(), Status::kInvalidArgument);
  pa_.free(big, 2 * kMiB);
  pa_.free(odd, 5 * kQ);
  pa_.free(small, kQ);
  EXPECT_EQ(pa_.free_size(), 32 * kMiB);
  expect_ok();
}

TEST_F(PaTest, FragmentationThenCoalescing) {
  constexpr uint64_t kN = 256;
  ASSERT_EQ(init({{PhysAddr(kRam), kN * kQ}}, {}), Status::kOk);
  std::vector<PhysAddr> q;
  for (uint64_t i = 0; i < kN; ++i) {
    q.push_back(must_alloc(kQ));
  }
  EXPECT_EQ(pa_.free_size(), 0u);
  EXPECT_EQ(pa_.alloc(kQ, 0, nullptr).status(), Status::kNoMemory);
  for (uint64_t i = 0; i < kN; i += 2) {
    pa_.free(q[i], kQ);
  }
  expect_ok();
  EXPECT_EQ(pa_.free_size(), kN / 2 * kQ);
  // Half the memory is free but no two quanta are adjacent.
  EXPECT_EQ(pa_.alloc(2 * kQ, 0, nullptr).status(), Status::kNoMemory);
  const PhysAddr one = must_alloc(kQ);
  pa_.free(one, kQ);
  for (uint64_t i = 1; i < kN; i += 2) {
    pa_.free(q[i], kQ);
  }
  expect_ok();
  // Everything coalesced back into one run: the whole block is allocatable.
  const PhysAddr all = must_alloc(kN * kQ);
  EXPECT_EQ(all, PhysAddr(kRam));
  pa_.free(all, kN * kQ);
  EXPECT_EQ(pa_.block(0).bucket_mask, 1u << 8);
  expect_ok();
}

TEST_F(PaTest, ExhaustionAndRecovery) {
  ASSERT_EQ(init({{PhysAddr(kRam), 8 * kMiB}}, {{PhysAddr(kRam), kMiB}}), Status::kOk);
  std::vector<PhysAddr> runs;
  for (;;) {
    Result<PhysAddr> r = pa_.alloc(3 * kQ, 0, nullptr);
    if (!r.ok()) {
      EXPECT_EQ(r.status(), Status::kNoMemory);
      break;
    }
    runs.push_back(r.value());
  }
  EXPECT_LT(pa_.free_size(), 3 * kQ);
  EXPECT_EQ(runs.size(), 7 * kMiB / (3 * kQ));
  expect_ok();
  for (PhysAddr a : runs) {
    pa_.free(a, 3 * kQ);
  }
  EXPECT_EQ(pa_.free_size(), 7 * kMiB);
  EXPECT_EQ(must_alloc(7 * kMiB), PhysAddr(kRam + kMiB));
  expect_ok();
}

TEST_F(PaTest, RestrictionChainIsWalkedInOrder) {
  // Block 0 below 4 GiB, block 1 above.
  ASSERT_EQ(init({{PhysAddr(kRam), 4 * kMiB}, {PhysAddr(0x180000000ull), 4 * kMiB}}, {}),
            Status::kOk);
  const PaRestrict dma{PhysAddr(0), PhysAddr(1ull << 32), nullptr};
  const PaRestrict high_then_dma{PhysAddr(1ull << 32), PhysAddr(~0ull), &dma};
  const PhysAddr low = must_alloc(kQ, 0, &dma);
  EXPECT_LT(low.value(), 1ull << 32);
  const PhysAddr high = must_alloc(kQ, 0, &high_then_dma);
  EXPECT_GE(high.value(), 1ull << 32);
  // Exhaust the high block: the chain falls back to the DMA window.
  const PhysAddr rest = must_alloc(4 * kMiB - kQ, 0, &high_then_dma);
  EXPECT_GE(rest.value(), 1ull << 32);
  const PhysAddr fallback = must_alloc(kQ, 0, &high_then_dma);
  EXPECT_LT(fallback.value(), 1ull << 32);
  // A window cutting a block in the middle, with alignment.
  const PaRestrict mid{PhysAddr(kRam + kMiB + 0x10), PhysAddr(kRam + 3 * kMiB), nullptr};
  const PhysAddr m = must_alloc(8 * kQ, 8 * kQ, &mid);
  EXPECT_GE(m.value(), kRam + kMiB + 0x10);
  EXPECT_LE(m.value() + 8 * kQ, kRam + 3 * kMiB);
  EXPECT_TRUE(m.aligned(8 * kQ));
  const PaRestrict empty{PhysAddr(0x1000), PhysAddr(0x2000), nullptr};
  EXPECT_EQ(pa_.alloc(kQ, 0, &empty).status(), Status::kNoMemory);
  expect_ok();
  pa_.free(low, kQ);
  pa_.free(high, kQ);
  pa_.free(rest, 4 * kMiB - kQ);
  pa_.free(fallback, kQ);
  pa_.free(m, 8 * kQ);
  EXPECT_EQ(pa_.free_size(), 8 * kMiB);
  expect_ok();
}

TEST_F(PaTest, GivenAddress) {
  ASSERT_EQ(init({{PhysAddr(kRam), 4 * kMiB}}, {{PhysAddr(kRam), 16 * kQ}}), Status::kOk);
  const PhysAddr g(kRam + kMiB);
  ASSERT_TRUE(pa_.alloc_given(g, 4 * kQ).ok());
  EXPECT_EQ(pa_.alloc_given(g + 3 * kQ, 2 * kQ).status(), Status::kBusy);
  EXPECT_EQ(pa_.alloc_given(PhysAddr(kRam + 8 * kQ), kQ).status(), Status::kBusy);  // reserved
  EXPECT_EQ(pa_.alloc_given(PhysAddr(kRam + 1), kQ).status(), Status::kInvalidArgument);
  EXPECT_EQ(pa_.alloc_given(PhysAddr(0x1000), kQ).status(), Status::kOutOfRange);
  EXPECT_EQ(pa_.alloc_given(PhysAddr(kRam + 4 * kMiB - kQ), 2 * kQ).status(),
            Status::kOutOfRange);
  ASSERT_TRUE(pa_.alloc_given(g + 4 * kQ, kQ).ok());  // adjacent, splits the right run
  expect_ok();
  pa_.free(g, 4 * kQ);
  pa_.free(g + 4 * kQ, kQ);
  EXPECT_EQ(pa_.free_size(), 4 * kMiB - 16 * kQ);
  expect_ok();
}

using PaDeathTest = PaTest;

TEST_F(PaDeathTest, MisuseIsCaughtAndNamesTheAddress) {
  ASSERT_EQ(init({{PhysAddr(kRam), 4 * kMiB}}, {{PhysAddr(kRam), 16 * kQ}}), Status::kOk);
  const PhysAddr a = must_alloc(4 * kQ);
  const PhysAddr b = must_alloc(kQ);
  pa_.free(b, kQ);
  EXPECT_DEATH(pa_.free(b, kQ), "double free of 0x80014000");
  EXPECT_DEATH(pa_.free(PhysAddr(kRam + kMiB), kQ), "0x80100000 was never allocated");
  EXPECT_DEATH(pa_.free(PhysAddr(kRam + kQ), kQ), "0x80001000 is reserved memory");
  EXPECT_DEATH(pa_.free(a + kQ, kQ), "0x80011000 is inside an allocation");
  EXPECT_DEATH(pa_.free(a, 3 * kQ), "wrong length for 0x80010000: freeing 12288 bytes, allocated 16384");
  EXPECT_DEATH(pa_.free(PhysAddr(0x1000), kQ), "0x1000 is not managed physical memory");
  EXPECT_DEATH(pa_.free(a + 8, 4 * kQ), "0x80010008 is not quantum-aligned");
  pa_.free(a, 4 * kQ);
  expect_ok();
}

TEST_F(PaTest, RandomizedAgainstReferenceModel) {
  constexpr uint64_t kBlocks[] = {kRam, 0x100000000ull};
  constexpr uint64_t kSize = 4 * kMiB;
  ASSERT_EQ(init({{PhysAddr(kBlocks[0]), kSize}, {PhysAddr(kBlocks[1]), kSize}},
                 {{PhysAddr(kRam + 100 * kQ), 7 * kQ}}),
            Status::kOk);
  const uint64_t start_free = pa_.free_size();
  std::mt19937_64 rng(12345);
  std::map<uint64_t, uint64_t> live;  // address -> bytes
  const auto overlaps = [&](uint64_t a, uint64_t n) {
    auto it = live.upper_bound(a);
    if (it != live.end() && it->first < a + n) return true;
    if (it != live.begin() && std::prev(it)->first + std::prev(it)->second > a) return true;
    return false;
  };
  uint64_t used = 0;
  const PaRestrict low{PhysAddr(0), PhysAddr(1ull << 32), nullptr};
  for (int step = 0; step < 20000; ++step) {
    const uint64_t op = rng() % 10;
    if (op < 5 || live.empty()) {
      const uint64_t bytes = (1 + rng() % (rng() % 4 == 0 ? 200 : 8)) * kQ - rng() % kQ;
      const uint64_t align = kQ << (rng() % 6);
      const PaRestrict* r = rng() % 4 == 0 ? &low : nullptr;
      Result<PhysAddr> got = pa_.alloc(bytes, align, r);
      if (!got.ok()) {
        ASSERT_EQ(got.status(), Status::kNoMemory);
        continue;
      }
      const uint64_t a = got.value().value();
      const uint64_t n = align_up(bytes, kQ);
      ASSERT_TRUE(is_aligned(a, align));
      ASSERT_FALSE(overlaps(a, n)) << std::hex << a;
      if (r != nullptr) {
        ASSERT_LE(a + n, 1ull << 32);
      }
      live[a] = n;
      used += n;
    } else if (op < 6) {
      const uint64_t a = kBlocks[rng() % 2] + (rng() % (kSize / kQ)) * kQ;
      const uint64_t n = (1 + rng() % 4) * kQ;
      Result<PhysAddr> got = pa_.alloc_given(PhysAddr(a), n);
      const bool in_reserved = a < kRam + 107 * kQ && a + n > kRam + 100 * kQ;
      const bool fits = (a - (a >= kBlocks[1] ? kBlocks[1] : kBlocks[0])) + n <= kSize;
      if (!fits) {
        ASSERT_EQ(got.status(), Status::kOutOfRange);
      } else if (overlaps(a, n) || in_reserved) {
        ASSERT_EQ(got.status(), Status::kBusy);
      } else {
        ASSERT_TRUE(got.ok());
        live[a] = n;
        used += n;
      }
    } else {
      auto it = live.begin();
      std::advance(it, static_cast<long>(rng() % live.size()));
      pa_.free(PhysAddr(it->first), it->second);
      used -= it->second;
      live.erase(it);
    }
    ASSERT_EQ(pa_.free_size(), start_free - used);
    if (step % 500 == 0) {
      const PaCheckReport rep = pa_.check();
      ASSERT_TRUE(rep.ok) << rep.what << " at step " << step;
    }
  }
  for (const auto& [a, n] : live) {
    pa_.free(PhysAddr(a), n);
  }
  EXPECT_EQ(pa_.free_size(), start_free);
  expect_ok();
}

TEST(BitOps, MatchCompilerBuiltinsOnTheHost) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100000; ++i) {
    const uint64_t x = (rng() >> (rng() % 64)) | 1ull << (rng() % 64);
    ASSERT_EQ(bit_floor_log2(x), 63u - static_cast<uint32_t>(__builtin_clzll(x))) << x;
    ASSERT_EQ(bit_ctz(x), static_cast<uint32_t>(__builtin_ctzll(x))) << x;
  }
}

TEST(PaGlobal, SeedNamesDriveTheKernelAllocator) {
  std::vector<pa_quantum> storage(1024);
  const PaRegion mem[] = {{PhysAddr(kRam), 1024 * kQ}};
  const PaRegion res[] = {{PhysAddr(kRam), 24 * kQ}};
  ASSERT_EQ(pa_init(mem, res, storage), Status::kOk);
  EXPECT_EQ(mem_reserved_size(), 24 * kQ);
  EXPECT_EQ(mem_free_size(), 1000 * kQ);
  Result<PhysAddr> a = pa_alloc(kQ, 0, nullptr);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(pa_alloc_given(PhysAddr(kRam + 512 * kQ), kQ).ok());
  EXPECT_EQ(mem_free_size(), 998 * kQ);
  pa_free(a.value(), kQ);
  pa_free(PhysAddr(kRam + 512 * kQ), kQ);
  EXPECT_TRUE(pa_check().ok);
}

TEST_F(PaDeathTest, SplitMisuseIsCaught) {
  ASSERT_EQ(init({{PhysAddr(kRam), 16 * kMiB}}, {}), Status::kOk);
  const PhysAddr b = must_alloc(4 * kQ);
  EXPECT_DEATH(pa_.split(b, 2 * kQ), "pa_split") << "the wrong length";
  EXPECT_DEATH(pa_.split(b + kQ, 3 * kQ), "pa_split") << "not the start";
  pa_.free(b, 4 * kQ);
  EXPECT_DEATH(pa_.split(b, 4 * kQ), "pa_split") << "no longer allocated";
}


}  // namespace
