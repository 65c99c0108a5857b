// BootInfo extraction from hand-built trees: one per rule (fallbacks,
// defaults, disabled nodes) and per error (capacity overflow, missing facts,
// malformed values). boot_info_qemu_test.cc has QEMU's real trees.
#include "kernel/lib/boot_info.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kernel/lib/testdata/fdt_builder.h"

namespace {

using fdt_test::FdtBuilder;

// A minimal board, with hooks to add or replace parts of the tree.
struct Board {
  uint32_t harts = 1;
  bool cpus_timebase = true;
  std::function<void(FdtBuilder&)> cpus_extra = [](FdtBuilder&) {};
  std::function<void(FdtBuilder&)> memory = [](FdtBuilder& b) {
    b.begin_node("memory@80000000")
        .prop_string("device_type", "memory")
        .prop_cells("reg", {0, 0x80000000, 0, 0x8000000})
        .end_node();
  };
  std::function<void(FdtBuilder&)> extra = [](FdtBuilder&) {};

  std::vector<uint8_t> build(FdtBuilder b = FdtBuilder()) const {
    b.begin_node("").prop_u32("#address-cells", 2).prop_u32("#size-cells", 2);
    b.begin_node("cpus").prop_u32("#address-cells", 1).prop_u32("#size-cells", 0);
    if (cpus_timebase) {
      b.prop_u32("timebase-frequency", 1000000);
    }
    for (uint32_t i = 0; i < harts; ++i) {
      b.begin_node("cpu@" + std::to_string(i))
          .prop_string("device_type", "cpu")
          .prop_u32("reg", i)
          .end_node();
    }
    cpus_extra(b);
    b.end_node();
    memory(b);
    extra(b);
    b.end_node().end();
    return b.finish();
  }
};

BootInfoStatus extract(const std::vector<uint8_t>& blob, BootInfo& info) {
  return boot_info_from_fdt(blob.data(), blob.size(), 0x1000, info);
}

TEST(BootInfoBuilt, MinimalBoardHasNoOptionalDevices) {
  Board board;
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  EXPECT_EQ(info.memory_count, 1u);
  EXPECT_EQ(info.hart_count, 1u);
  EXPECT_EQ(info.timebase_hz, 1000000u);
  EXPECT_FALSE(info.has_uart);
  EXPECT_FALSE(info.has_plic);
  EXPECT_FALSE(info.has_finisher);
  EXPECT_FALSE(info.has_rtc);
  EXPECT_FALSE(info.has_initrd);
}

TEST(BootInfoBuilt, AllMemoryNodesAndEntries) {
  Board board;
  board.memory = [](FdtBuilder& b) {
    b.begin_node("memory@80000000")
        .prop_string("device_type", "memory")
        .prop_cells("reg", {0, 0x80000000, 0, 0x1000000, 0, 0x90000000, 0, 0x2000000})
        .end_node()
        .begin_node("memory@100000000")
        .prop_string("device_type", "memory")
        .prop_cells("reg", {1, 0, 0, 0x4000000, 2, 0, 0, 0})  // a zero-sized entry is dropped
        .end_node()
        .begin_node("memory@200000000")
        .prop_string("device_type", "memory")
        .prop_string("status", "disabled")
        .prop_cells("reg", {2, 0, 0, 0x4000000})
        .end_node()
        .begin_node("sram@300000000")  // not device_type = "memory"
        .prop_cells("reg", {3, 0, 0, 0x4000000})
        .end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  ASSERT_EQ(info.memory_count, 3u);
  EXPECT_EQ(info.memory[1].base, 0x90000000u);
  EXPECT_EQ(info.memory[1].size, 0x2000000u);
  EXPECT_EQ(info.memory[2].base, 0x100000000u);
  EXPECT_EQ(info.memory[2].size, 0x4000000u);
}

TEST(BootInfoBuilt, ReservedRegionsFromEverySource) {
  Board board;
  board.extra = [](FdtBuilder& b) {
    b.begin_node("reserved-memory")
        .prop_u32("#address-cells", 1)
        .prop_u32("#size-cells", 1)
        .prop_empty("ranges")
        .begin_node("mmode_resv0@80000000")
        .prop_cells("reg", {0x80000000, 0x40000})
        .prop_empty("no-map")
        .end_node()
        .begin_node("pool")  // dynamic allocation: no reg, nothing to reserve
        .prop_u32("size", 0x100000)
        .end_node()
        .begin_node("two@84000000")
        .prop_cells("reg", {0x84000000, 0x1000, 0x85000000, 0x2000})
        .end_node()
        .end_node();
  };
  FdtBuilder b;
  b.reserve(0x87000000, 0x10000);
  std::vector<uint8_t> blob = board.build(b);
  BootInfo info;
  ASSERT_EQ(boot_info_from_fdt(blob.data(), blob.size(), 0x88000000, info), BootInfoStatus::kOk);
  ASSERT_EQ(info.reserved_count, 5u);
  EXPECT_EQ(info.reserved[0].base, 0x87000000u);
  EXPECT_EQ(info.reserved[0].size, 0x10000u);
  EXPECT_EQ(info.reserved[1].base, 0x80000000u);
  EXPECT_EQ(info.reserved[1].size, 0x40000u);
  EXPECT_EQ(info.reserved[2].base, 0x84000000u);
  EXPECT_EQ(info.reserved[3].base, 0x85000000u);
  EXPECT_EQ(info.reserved[3].size, 0x2000u);
  EXPECT_EQ(info.reserved[4].base, 0x88000000u);
  EXPECT_EQ(info.reserved[4].size, blob.size());
}

TEST(BootInfoBuilt, DisabledHartsAndNonCpuNodesAreSkipped) {
  Board board;
  board.harts = 2;
  board.cpus_extra = [](FdtBuilder& b) {
    b.begin_node("cpu@7")
        .prop_string("device_type", "cpu")
        .prop_string("status", "disabled")
        .prop_u32("reg", 7)
        .end_node()
        .begin_node("cpu@9")
        .prop_string("device_type", "cpu")
        .prop_string("status", "okay")
        .prop_u32("reg", 9)
        .end_node()
        .begin_node("cpu-map")
        .end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  ASSERT_EQ(info.hart_count, 3u);
  EXPECT_EQ(info.hart_ids[0], 0u);
  EXPECT_EQ(info.hart_ids[1], 1u);
  EXPECT_EQ(info.hart_ids[2], 9u);
}

TEST(BootInfoBuilt, HartsWithoutAnMmuAreSkipped) {
  Board board;
  board.harts = 1;  // no riscv,isa and no mmu-type: trusted
  board.cpus_extra = [](FdtBuilder& b) {
    b.begin_node("cpu@1")
        .prop_string("device_type", "cpu")
        .prop_string("riscv,isa", "rv64imac")  // ISA named, no mmu-type: a monitor core
        .prop_u32("reg", 1)
        .end_node()
        .begin_node("cpu@2")
        .prop_string("device_type", "cpu")
        .prop_string("riscv,isa", "rv64imafdc")
        .prop_string("mmu-type", "riscv,sv39")
        .prop_u32("reg", 2)
        .end_node()
        .begin_node("cpu@3")
        .prop_string("device_type", "cpu")
        .prop_string("mmu-type", "riscv,none")
        .prop_u32("reg", 3)
        .end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  ASSERT_EQ(info.hart_count, 2u);
  EXPECT_EQ(info.hart_ids[0], 0u);
  EXPECT_EQ(info.hart_ids[1], 2u);
  ASSERT_EQ(info.skipped_hart_count, 2u);
  EXPECT_EQ(info.skipped_hart_ids[0], 1u);
  EXPECT_EQ(info.skipped_hart_ids[1], 3u);

  // Only monitor cores: no hart can run the kernel.
  Board monitors;
  monitors.harts = 0;
  monitors.cpus_extra = [](FdtBuilder& b) {
    b.begin_node("cpu@0")
        .prop_string("device_type", "cpu")
        .prop_string("riscv,isa", "rv64imac")
        .prop_u32("reg", 0)
        .end_node();
  };
  EXPECT_EQ(extract(monitors.build(), info), BootInfoStatus::kNoHarts);
}

TEST(BootInfoBuilt, TimebaseFromTheCpuNodeWhenCpusLacksIt) {
  Board board;
  board.harts = 0;
  board.cpus_timebase = false;
  board.cpus_extra = [](FdtBuilder& b) {
    b.begin_node("cpu@0")
        .prop_string("device_type", "cpu")
        .prop_u32("reg", 0)
        .prop_u64("timebase-frequency", 0x100000000ull)
        .end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  EXPECT_EQ(info.timebase_hz, 0x100000000ull);
}

TEST(BootInfoBuilt, MissingFactsAreErrors) {
  BootInfo info;
  Board no_timebase;
  no_timebase.cpus_timebase = false;
  EXPECT_EQ(extract(no_timebase.build(), info), BootInfoStatus::kNoTimebase);

  Board no_memory;
  no_memory.memory = [](FdtBuilder&) {};
  EXPECT_EQ(extract(no_memory.build(), info), BootInfoStatus::kNoMemory);

  Board no_harts;
  no_harts.harts = 0;
  EXPECT_EQ(extract(no_harts.build(), info), BootInfoStatus::kNoHarts);

  FdtBuilder b;
  b.begin_node("").end_node().end();
  EXPECT_EQ(extract(b.finish(), info), BootInfoStatus::kNoMemory);

  std::vector<uint8_t> garbage(64, 0x55);
  EXPECT_EQ(extract(garbage, info), BootInfoStatus::kBadDeviceTree);
  EXPECT_EQ(info.fdt_error, FdtError::kBadMagic);
}

TEST(BootInfoBuilt, CapacityOverflowIsAnError) {
  Board many_memory;
  many_memory.memory = [](FdtBuilder& b) {
    for (uint32_t i = 0; i <= kBootMaxMemoryRegions; ++i) {
      b.begin_node("memory@" + std::to_string(i))
          .prop_string("device_type", "memory")
          .prop_cells("reg", {i + 1, 0, 0, 0x1000})
          .end_node();
    }
  };
  BootInfo info;
  EXPECT_EQ(extract(many_memory.build(), info), BootInfoStatus::kTooManyMemoryRegions);

  Board many_harts;
  many_harts.harts = kBootMaxHarts + 1;
  EXPECT_EQ(extract(many_harts.build(), info), BootInfoStatus::kTooManyHarts);
  many_harts.harts = kBootMaxHarts;
  EXPECT_EQ(extract(many_harts.build(), info), BootInfoStatus::kOk);
  EXPECT_EQ(info.hart_count, kBootMaxHarts);

  FdtBuilder b;
  for (uint32_t i = 0; i < kBootMaxReservedRegions; ++i) {
    b.reserve(0x1000u * (i + 1), 0x1000);  // plus the blob: one too many
  }
  EXPECT_EQ(extract(Board().build(b), info), BootInfoStatus::kTooManyReserved);
}

TEST(BootInfoBuilt, ConsoleFromStdoutPathWithDefaultsAndOptions) {
  Board board;
  board.extra = [](FdtBuilder& b) {
    b.begin_node("chosen")
        .prop_string("stdout-path", "/soc/serial@20000:115200")
        .prop_string("bootargs", "console=ttyS0 quiet")
        .end_node()
        .begin_node("soc")
        .prop_u32("#address-cells", 1)
        .prop_u32("#size-cells", 1)
        .begin_node("serial@10000")
        .prop_string("compatible", "ns16550a")
        .prop_cells("reg", {0x10000, 0x100})
        .end_node()
        .begin_node("serial@20000")
        .prop_strings("compatible", {"snps,dw-apb-uart", "ns16550a"})
        .prop_cells("reg", {0x20000, 0x400})
        .prop_u32("reg-shift", 2)
        .prop_u32("reg-io-width", 4)
        .prop_u32("clock-frequency", 24000000)
        .end_node()
        .end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  ASSERT_TRUE(info.has_uart);
  EXPECT_EQ(info.uart.base, 0x20000u);
  EXPECT_EQ(info.uart.size, 0x400u);
  EXPECT_EQ(info.uart.reg_shift, 2u);
  EXPECT_EQ(info.uart.reg_io_width, 4u);
  EXPECT_EQ(info.uart.clock_hz, 24000000u);
  EXPECT_STREQ(info.uart.compatible, "snps,dw-apb-uart");
  EXPECT_STREQ(info.bootargs, "console=ttyS0 quiet");
}

TEST(BootInfoBuilt, ConsoleFallsBackToTheFirstEnabledNs16550a) {
  Board board;
  board.extra = [](FdtBuilder& b) {
    b.begin_node("chosen")
        .prop_string("stdout-path", "/soc/missing")
        .end_node()
        .begin_node("soc")
        .prop_u32("#address-cells", 1)
        .prop_u32("#size-cells", 1)
        .begin_node("serial@10000")
        .prop_string("compatible", "ns16550a")
        .prop_string("status", "disabled")
        .prop_cells("reg", {0x10000, 0x100})
        .end_node()
        .begin_node("serial@30000")
        .prop_string("compatible", "ns16550a")
        .prop_cells("reg", {0x30000, 0x100})
        .end_node()
        .end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  ASSERT_TRUE(info.has_uart);
  EXPECT_EQ(info.uart.base, 0x30000u);
  EXPECT_EQ(info.uart.reg_io_width, 1u);
  EXPECT_EQ(info.uart.clock_hz, 0u);
}

TEST(BootInfoBuilt, BadUartAndLongStrings) {
  auto uart_board = [](uint32_t width, const std::string& compat) {
    Board board;
    board.extra = [=](FdtBuilder& b) {
      b.begin_node("serial@10000000")
          .prop_string("compatible", compat)
          .prop_cells("reg", {0, 0x10000000, 0, 0x100})
          .prop_u32("reg-io-width", width)
          .end_node()
          .begin_node("chosen")
          .prop_string("stdout-path", "/serial@10000000")
          .end_node();
    };
    return board.build();
  };
  BootInfo info;
  EXPECT_EQ(extract(uart_board(3, "ns16550a"), info), BootInfoStatus::kBadUart);
  EXPECT_EQ(extract(uart_board(2, "ns16550a"), info), BootInfoStatus::kOk);
  EXPECT_EQ(extract(uart_board(1, std::string(kBootCompatibleSize - 1, 'c')), info),
            BootInfoStatus::kOk);
  EXPECT_EQ(extract(uart_board(1, std::string(kBootCompatibleSize, 'c')), info),
            BootInfoStatus::kStringTooLong);

  Board args;
  args.extra = [](FdtBuilder& b) {
    b.begin_node("chosen").prop_string("bootargs", std::string(kBootArgsSize, 'a')).end_node();
  };
  EXPECT_EQ(extract(args.build(), info), BootInfoStatus::kStringTooLong);
}

TEST(BootInfoBuilt, PlicAndFinisherAlternatives) {
  Board board;
  board.extra = [](FdtBuilder& b) {
    b.begin_node("interrupt-controller@c000000")
        .prop_string("compatible", "sifive,plic-1.0.0")
        .prop_cells("reg", {0, 0xc000000, 0, 0x4000000})
        .end_node()
        .begin_node("test@100000")
        .prop_string("compatible", "sifive,test0")
        .prop_cells("reg", {0, 0x100000, 0, 0x1000})
        .end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  ASSERT_TRUE(info.has_plic);
  EXPECT_EQ(info.plic.base, 0xc000000u);
  EXPECT_EQ(info.plic.size, 0x4000000u);
  EXPECT_EQ(info.plic.ndev, 0u);
  ASSERT_TRUE(info.has_finisher);
  EXPECT_EQ(info.finisher_base, 0x100000u);
}

TEST(BootInfoBuilt, RtcFromItsCompatibleAndABadRegIsAnError) {
  Board board;
  board.extra = [](FdtBuilder& b) {
    b.begin_node("rtc@3000").prop_string("compatible", "google,goldfish-rtc").prop_cells("reg", {0, 0x3000, 0, 0x1000}).end_node();
  };
  BootInfo info;
  ASSERT_EQ(extract(board.build(), info), BootInfoStatus::kOk);
  ASSERT_TRUE(info.has_rtc);
  EXPECT_EQ(info.rtc_base, 0x3000u);
  Board disabled;
  disabled.extra = [](FdtBuilder& b) {
    b.begin_node("rtc@3000")
        .prop_string("compatible", "google,goldfish-rtc")
        .prop_string("status", "disabled")
        .prop_cells("reg", {0, 0x3000, 0, 0x1000})
        .end_node();
  };
  ASSERT_EQ(extract(disabled.build(), info), BootInfoStatus::kOk);
  EXPECT_FALSE(info.has_rtc) << "a disabled RTC is none";
  Board no_reg;
  no_reg.extra = [](FdtBuilder& b) { b.begin_node("rtc").prop_string("compatible", "google,goldfish-rtc").end_node(); };
  EXPECT_EQ(extract(no_reg.build(), info), BootInfoStatus::kBadDeviceTree);
}

TEST(BootInfoBuilt, InitrdWith32And64BitCells) {
  auto initrd_board = [](std::function<void(FdtBuilder&)> chosen) {
    Board board;
    board.extra = [=](FdtBuilder& b) {
      b.begin_node("chosen");
      chosen(b);
      b.end_node();
    };
    return board.build();
  };
  BootInfo info;
  ASSERT_EQ(
      extract(
          initrd_board([](FdtBuilder& b) {
            b.prop_u32("linux,initrd-start", 0x84000000).prop_u32("linux,initrd-end", 0x84100000);
          }),
          info),
      BootInfoStatus::kOk);
  EXPECT_TRUE(info.has_initrd);
  EXPECT_EQ(info.initrd_start, 0x84000000u);
  EXPECT_EQ(info.initrd_end, 0x84100000u);
  // The initrd is reserved, before the blob.
  ASSERT_EQ(info.reserved_count, 2u);
  EXPECT_EQ(info.reserved[1].base, 0x84000000u);
  EXPECT_EQ(info.reserved[1].size, 0x100000u);

  ASSERT_EQ(extract(initrd_board([](FdtBuilder& b) {
                      b.prop_u64("linux,initrd-start", 0x184000000ull)
                          .prop_u32("linux,initrd-end", 0x84100000);
                    }),
                    info),
            BootInfoStatus::kBadInitrd);
  ASSERT_EQ(extract(initrd_board([](FdtBuilder& b) {
                      b.prop_u64("linux,initrd-start", 0x184000000ull)
                          .prop_u64("linux,initrd-end", 0x184200000ull);
                    }),
                    info),
            BootInfoStatus::kOk);
  EXPECT_EQ(info.initrd_end - info.initrd_start, 0x200000u);
  EXPECT_EQ(extract(initrd_board([](FdtBuilder& b) { b.prop_u32("linux,initrd-start", 1); }), info),
            BootInfoStatus::kBadInitrd);
  EXPECT_EQ(extract(initrd_board([](FdtBuilder& b) {
                      b.prop_u32("linux,initrd-start", 1).prop("linux,initrd-end", {1, 2, 3});
                    }),
                    info),
            BootInfoStatus::kBadDeviceTree);
  EXPECT_EQ(info.fdt_error, FdtError::kBadLength);
}

TEST(BootInfoBuilt, MalformedFactsAreErrors) {
  BootInfo info;
  Board wrapping;
  wrapping.memory = [](FdtBuilder& b) {
    b.begin_node("memory@0")
        .prop_string("device_type", "memory")
        .prop_cells("reg", {0xffffffff, 0xfffff000, 0, 0x2000})
        .end_node();
  };
  EXPECT_EQ(extract(wrapping.build(), info), BootInfoStatus::kBadRegion);

  // Memory under a root with an absurd #address-cells.
  FdtBuilder r;
  r.begin_node("")
      .prop_u32("#address-cells", 0xffffffff)
      .begin_node("cpus")
      .prop_u32("timebase-frequency", 1)
      .begin_node("cpu@0")
      .prop_string("device_type", "cpu")
      .prop_u32("reg", 0)
      .end_node()
      .end_node()
      .begin_node("memory@0")
      .prop_string("device_type", "memory")
      .prop_cells("reg", {0, 0x1000})
      .end_node()
      .end_node()
      .end();
  EXPECT_EQ(extract(r.finish(), info), BootInfoStatus::kBadDeviceTree);
  EXPECT_EQ(info.fdt_error, FdtError::kBadCellCount);

  Board bad_hart_reg;
  bad_hart_reg.harts = 0;
  bad_hart_reg.cpus_extra = [](FdtBuilder& b) {
    b.begin_node("cpu@0").prop_string("device_type", "cpu").end_node();
  };
  EXPECT_EQ(extract(bad_hart_reg.build(), info), BootInfoStatus::kBadDeviceTree);
  EXPECT_EQ(info.fdt_error, FdtError::kNotFound);
}

TEST(BootInfoBuilt, StatusNamesAreDistinct) {
  std::set<std::string> names;
  for (int i = 0; i < static_cast<int>(BootInfoStatus::kCount); ++i) {
    const char* n = boot_info_status_name(static_cast<BootInfoStatus>(i));
    EXPECT_STRNE(n, "unknown status");
    names.insert(n);
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(BootInfoStatus::kCount));
}

}  // namespace
