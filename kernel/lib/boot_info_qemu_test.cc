// BootInfo extraction from the real device trees QEMU 7.2 gives its boards
// (kernel/lib/testdata): the exact facts of each. boot_info_test.cc has the
// hand-built trees, one per rule and per error.
#include "kernel/lib/boot_info.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "kernel/lib/fdt.h"

namespace {

std::vector<uint8_t> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::vector<uint8_t> v(std::istreambuf_iterator<char>(in), {});
  v.shrink_to_fit();  // exactly sized, so ASan catches any read past the end
  return v;
}

TEST(BootInfoQemu, Smp4With256MiB) {
  std::vector<uint8_t> blob = read_file("kernel/lib/testdata/qemu_virt_smp4.dtb");
  BootInfo info;
  ASSERT_EQ(boot_info_from_fdt(blob.data(), blob.size(), 0x87e00000, info), BootInfoStatus::kOk)
      << fdt_error_name(info.fdt_error);
  ASSERT_EQ(info.memory_count, 1u);
  EXPECT_EQ(info.memory[0].base, 0x80000000u);
  EXPECT_EQ(info.memory[0].size, 256u << 20);
  ASSERT_EQ(info.hart_count, 4u);
  for (uint32_t i = 0; i < 4; ++i) {
    EXPECT_EQ(info.hart_ids[i], i);
  }
  EXPECT_EQ(info.timebase_hz, 10000000u);
  ASSERT_TRUE(info.has_uart);
  EXPECT_EQ(info.uart.base, 0x10000000u);
  EXPECT_EQ(info.uart.size, 0x100u);
  EXPECT_EQ(info.uart.clock_hz, 3686400u);
  EXPECT_EQ(info.uart.reg_shift, 0u);
  EXPECT_EQ(info.uart.reg_io_width, 1u);
  EXPECT_STREQ(info.uart.compatible, "ns16550a");
  EXPECT_EQ(info.uart.irq, 10u);  // virt's UART0 is PLIC source 10
  ASSERT_TRUE(info.has_plic);
  EXPECT_EQ(info.plic.base, 0xc000000u);
  EXPECT_EQ(info.plic.size, 0x600000u);
  EXPECT_EQ(info.plic.ndev, 0x60u);
  ASSERT_TRUE(info.has_finisher);
  EXPECT_EQ(info.finisher_base, 0x100000u);
  ASSERT_TRUE(info.has_rtc);
  EXPECT_EQ(info.rtc_base, 0x101000u);  // virt's goldfish RTC
  EXPECT_STREQ(info.bootargs, "");
  EXPECT_FALSE(info.has_initrd);
  // QEMU reserves nothing; the blob itself is the one reserved region.
  ASSERT_EQ(info.reserved_count, 1u);
  EXPECT_EQ(info.reserved[0].base, 0x87e00000u);
  EXPECT_EQ(info.reserved[0].size, blob.size());
  EXPECT_EQ(info.fdt_base, 0x87e00000u);
  EXPECT_EQ(info.fdt_size, blob.size());
  EXPECT_EQ(info.skipped_hart_count, 0u);
  for (uint32_t i = 0; i < 4; ++i) {
    EXPECT_EQ(info.plic.s_context[i], 2 * i + 1);  // from interrupts-extended
  }
}

// QEMU 7.2 -machine sifive_u -smp 5: hart 0 is the E51 (no MMU, no S-mode),
// harts 1-4 the U54s; a SiFive UART, a PLIC whose contexts skip the E51's
// missing S-mode one, a 1 MHz timebase and no test finisher.
TEST(BootInfoQemu, SifiveUSmp5) {
  std::vector<uint8_t> blob = read_file("kernel/lib/testdata/sifive_u_smp5.dtb");
  BootInfo info;
  ASSERT_EQ(boot_info_from_fdt(blob.data(), blob.size(), 0x8fe00000, info), BootInfoStatus::kOk)
      << fdt_error_name(info.fdt_error);
  ASSERT_EQ(info.hart_count, 4u);
  for (uint32_t i = 0; i < 4; ++i) {
    EXPECT_EQ(info.hart_ids[i], i + 1);
    EXPECT_EQ(info.plic.s_context[i], 2 * (i + 1));
  }
  ASSERT_EQ(info.skipped_hart_count, 1u);
  EXPECT_EQ(info.skipped_hart_ids[0], 0u);
  EXPECT_EQ(info.timebase_hz, 1000000u);
  ASSERT_TRUE(info.has_uart);
  EXPECT_EQ(info.uart.base, 0x10010000u);
  EXPECT_STREQ(info.uart.compatible, "sifive,uart0");
  EXPECT_EQ(info.uart.irq, 4u);  // sifive_u's UART0 is PLIC source 4
  ASSERT_TRUE(info.has_plic);
  EXPECT_EQ(info.plic.base, 0xc000000u);
  EXPECT_EQ(info.plic.ndev, 0x35u);
  EXPECT_FALSE(info.has_finisher);
  EXPECT_FALSE(info.has_rtc) << "sifive_u has no goldfish RTC: CLOCK_REALTIME starts at 0";
  ASSERT_EQ(info.memory_count, 1u);
  EXPECT_EQ(info.memory[0].size, 256u << 20);
}

TEST(BootInfoQemu, SifiveUSmp2HasOneUsableHart) {
  std::vector<uint8_t> blob = read_file("kernel/lib/testdata/sifive_u_smp2.dtb");
  BootInfo info;
  ASSERT_EQ(boot_info_from_fdt(blob.data(), blob.size(), info), BootInfoStatus::kOk);
  ASSERT_EQ(info.hart_count, 1u);
  EXPECT_EQ(info.hart_ids[0], 1u);
  EXPECT_EQ(info.plic.s_context[0], 2u);
}

TEST(BootInfoQemu, Smp1With128MiB) {
  std::vector<uint8_t> blob = read_file("kernel/lib/testdata/qemu_virt_smp1.dtb");
  BootInfo info;
  ASSERT_EQ(boot_info_from_fdt(blob.data(), blob.size(), info), BootInfoStatus::kOk);
  ASSERT_EQ(info.memory_count, 1u);
  EXPECT_EQ(info.memory[0].base, 0x80000000u);
  EXPECT_EQ(info.memory[0].size, 128u << 20);
  ASSERT_EQ(info.hart_count, 1u);
  EXPECT_EQ(info.hart_ids[0], 0u);
  EXPECT_EQ(info.timebase_hz, 10000000u);
  EXPECT_EQ(info.uart.base, 0x10000000u);
  EXPECT_EQ(info.plic.base, 0xc000000u);
  EXPECT_EQ(info.finisher_base, 0x100000u);
  // Without a physical address, the blob's own address is recorded.
  EXPECT_EQ(info.fdt_base, reinterpret_cast<uintptr_t>(blob.data()));
}

}  // namespace
