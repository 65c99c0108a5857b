// kernel_map_build over simulated memory: every page of the direct map has
// the permissions its section calls for, large leaves away from the image,
// the guard page and the low half unmapped, and no page is W+X.
#include "kernel/mm/kernel_map.h"

#include <gtest/gtest.h>

#include "kernel/arch/host/sim_phys_mem.h"
#include "kernel/arch/host/tlb_recorder.h"

namespace {

constexpr uint64_t kRam = SimPhysMem::kBase;
constexpr uint64_t kRamSize = 16ull << 20;
constexpr uint64_t kText = kRam + 0x200000;

class KernelMapTest : public ::testing::Test {
 protected:
  KernelMapTest() : mem_(kRamSize), hooks_(tlb_.hooks()) {}
  void SetUp() override {
    Result<PageTable> pt = cpu_pgdir_create(mem_.pt_allocator(), &hooks_, 0);
    ASSERT_TRUE(pt.ok());
    pt_ = pt.value();
    layout_ = KernelLayout{
        .text = PhysAddr(kText),
        .text_end = PhysAddr(kText + 0x4000),
        .rodata_end = PhysAddr(kText + 0x6000),
        .image_end = PhysAddr(kText + 0xa000),
        .stack_guard = PhysAddr(kText + 0x7000),
        .ram = ram_,
        .mmio = mmio_,
    };
  }
  void TearDown() override { cpu_pgdir_destroy(pt_); }

  // PTE of the leaf mapping physical address `pa` through the direct map, or 0.
  uint64_t pte_of(uint64_t pa, uint32_t* level = nullptr) {
    Result<Translation> t = cpu_pte_lookup(pt_, VirtAddr(pa + kKernelVirtBase));
    if (!t.ok()) return 0;
    EXPECT_EQ(t.value().pa.value(), pa);
    if (level) *level = t.value().level;
    return t.value().pte;
  }

  SimPhysMem mem_;
  TlbRecorder tlb_;
  TlbHooks hooks_;
  PageTable pt_;
  PaRegion ram_[1] = {{PhysAddr(kRam), kRamSize}};
  PaRegion mmio_[1] = {{PhysAddr(0x10000000), 0x100}};
  KernelLayout layout_;
};

TEST_F(KernelMapTest, SectionsGetTheirPermissions) {
  ASSERT_EQ(kernel_map_build(pt_, layout_), Status::kOk);
  using namespace sv39;
  for (uint64_t pa = kText; pa < kText + 0x4000; pa += kPageSize) {
    EXPECT_EQ(pte_of(pa) & (kR | kW | kX | kU | kG), kR | kX | kG) << std::hex << pa;
  }
  for (uint64_t pa = kText + 0x4000; pa < kText + 0x6000; pa += kPageSize) {
    EXPECT_EQ(pte_of(pa) & (kR | kW | kX | kU), kR) << std::hex << pa;
  }
  EXPECT_EQ(pte_of(kText + 0x6000) & (kR | kW | kX), kR | kW);
  EXPECT_EQ(pte_of(kText + 0x7000), 0u) << "stack guard must be unmapped";
  EXPECT_EQ(pte_of(kText + 0x8000) & (kR | kW | kX), kR | kW);
  EXPECT_EQ(pte_of(kRam) & (kR | kW | kX), kR | kW);
  EXPECT_EQ(pte_of(0x10000000) & (kR | kW | kX), kR | kW);
}

TEST_F(KernelMapTest, LargeLeavesAwayFromTheImage) {
  ASSERT_EQ(kernel_map_build(pt_, layout_), Status::kOk);
  uint32_t level = 9;
  ASSERT_NE(pte_of(kRam + 0x800000, &level), 0u);
  EXPECT_EQ(level, 1u);  // a 2 MiB leaf
  ASSERT_NE(pte_of(kText, &level), 0u);
  EXPECT_EQ(level, 0u);  // the image is split into 4 KiB pages
}

TEST_F(KernelMapTest, NoPageIsWritableAndExecutableAndNothingIsUserOrLow) {
  ASSERT_EQ(kernel_map_build(pt_, layout_), Status::kOk);
  using namespace sv39;
  for (uint64_t pa = kRam; pa < kRam + kRamSize; pa += kPageSize) {
    uint64_t pte = pte_of(pa);
    EXPECT_FALSE((pte & kW) && (pte & kX)) << std::hex << pa;
    EXPECT_EQ(pte & kU, 0u);
    EXPECT_FALSE(cpu_pte_lookup(pt_, VirtAddr(pa)).ok()) << "identity mapping left at " << pa;
  }
  EXPECT_EQ(pte_of(kRam + kRamSize), 0u);  // past RAM
}

TEST_F(KernelMapTest, RejectsBadLayouts) {
  KernelLayout l = layout_;
  l.text_end = PhysAddr(kText + 0x4010);
  EXPECT_EQ(kernel_map_build(pt_, l), Status::kInvalidArgument);
  l = layout_;
  l.rodata_end = PhysAddr(kText + 0x2000);  // before text_end
  EXPECT_EQ(kernel_map_build(pt_, l), Status::kInvalidArgument);
  l = layout_;
  l.text = PhysAddr(kRam + kRamSize - 0x1000);
  l.text_end = PhysAddr(kRam + kRamSize);
  l.rodata_end = l.text_end;
  l.image_end = PhysAddr(kRam + kRamSize + 0x1000);  // runs past RAM
  l.stack_guard = PhysAddr(0);
  EXPECT_EQ(kernel_map_build(pt_, l), Status::kInvalidArgument);
}

}  // namespace
