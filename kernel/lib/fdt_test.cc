// Fdt reader tests: the real QEMU virt trees, hand-built trees for each
// feature, one test per class of malformed input, and a mutation loop that
// must never crash (the _asan twin turns any stray read into a failure).
#include "kernel/lib/fdt.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "kernel/lib/boot_info.h"
#include "kernel/lib/testdata/fdt_builder.h"

namespace {

using fdt_test::FdtBuilder;
using fdt_test::get_be32;
using fdt_test::put_be32;

std::vector<uint8_t> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::vector<uint8_t> v(std::istreambuf_iterator<char>(in), {});
  v.shrink_to_fit();  // exactly sized, so ASan catches any read past the end
  return v;
}

std::vector<uint8_t> qemu_smp4() { return read_file("kernel/lib/testdata/qemu_virt_smp4.dtb"); }

Fdt open_ok(const std::vector<uint8_t>& blob) {
  FdtOr<Fdt> f = Fdt::open(blob.data(), blob.size());
  EXPECT_TRUE(f.ok()) << fdt_error_name(f.error);
  return f.value;
}

FdtError open_error(const std::vector<uint8_t>& blob) {
  return Fdt::open(blob.data(), blob.size()).error;
}

// ---- the real QEMU tree ------------------------------------------------------

TEST(FdtQemu, OpensAndFindsNodesByPath) {
  std::vector<uint8_t> blob = qemu_smp4();
  Fdt f = open_ok(blob);
  EXPECT_EQ(f.total_size(), blob.size());
  EXPECT_STREQ(f.root().name, "");
  FdtOr<FdtNode> cpus = f.find_path("/cpus");
  ASSERT_TRUE(cpus.ok());
  EXPECT_STREQ(cpus.value.name, "cpus");
  EXPECT_EQ(cpus.value.depth, 1u);
  FdtOr<FdtNode> uart = f.find_path("/soc/serial@10000000");
  ASSERT_TRUE(uart.ok());
  EXPECT_STREQ(uart.value.name, "serial@10000000");
  EXPECT_EQ(uart.value.depth, 2u);
  // A component without a unit address matches the first "name@unit".
  FdtOr<FdtNode> by_name = f.find_path("/soc/serial");
  ASSERT_TRUE(by_name.ok());
  EXPECT_EQ(by_name.value.offset, uart.value.offset);
  EXPECT_TRUE(f.find_path("/").ok());
  EXPECT_EQ(f.find_path("/").value.offset, f.root().offset);
  EXPECT_EQ(f.find_path("/soc/serial@10000001").error, FdtError::kNotFound);
  EXPECT_EQ(f.find_path("/nope").error, FdtError::kNotFound);
  EXPECT_EQ(f.find_path("").error, FdtError::kBadPath);
  EXPECT_EQ(f.find_path("//soc").error, FdtError::kBadPath);
  EXPECT_EQ(f.find_path(nullptr).error, FdtError::kBadPath);
  // No /aliases in QEMU's tree: an alias lookup is "not found".
  EXPECT_EQ(f.find_path("serial0").error, FdtError::kNotFound);
}

TEST(FdtQemu, StdoutPathAndCompatible) {
  std::vector<uint8_t> blob = qemu_smp4();
  Fdt f = open_ok(blob);
  const char* options = "unset";
  FdtOr<FdtNode> out = f.stdout_node(&options);
  ASSERT_TRUE(out.ok());
  EXPECT_STREQ(out.value.name, "serial@10000000");
  EXPECT_EQ(options, nullptr);
  EXPECT_TRUE(f.is_compatible(out.value, "ns16550a"));
  EXPECT_FALSE(f.is_compatible(out.value, "ns16550"));

  FdtOr<FdtNode> test = f.find_compatible("sifive,test0");
  ASSERT_TRUE(test.ok());
  EXPECT_STREQ(test.value.name, "test@100000");
  FdtOr<FdtProperty> compat = f.property(test.value, "compatible");
  ASSERT_TRUE(compat.ok());
  EXPECT_EQ(compat.value.string_count().value, 3u);
  EXPECT_STREQ(compat.value.string_at(0).value, "sifive,test1");
  EXPECT_STREQ(compat.value.string_at(2).value, "syscon");
  EXPECT_EQ(compat.value.string_at(3).error, FdtError::kNotFound);
  EXPECT_TRUE(compat.value.contains_string("syscon"));
  EXPECT_FALSE(compat.value.contains_string("sifive"));

  // find_compatible continues after a given node.
  FdtOr<FdtNode> v1 = f.find_compatible("virtio,mmio");
  ASSERT_TRUE(v1.ok());
  EXPECT_STREQ(v1.value.name, "virtio_mmio@10008000");
  FdtOr<FdtNode> v2 = f.find_compatible("virtio,mmio", &v1.value);
  ASSERT_TRUE(v2.ok());
  EXPECT_STREQ(v2.value.name, "virtio_mmio@10007000");
  EXPECT_EQ(f.find_compatible("no,such-device").error, FdtError::kNotFound);
}

TEST(FdtQemu, RegDecodingUsesTheParentsCells) {
  std::vector<uint8_t> blob = qemu_smp4();
  Fdt f = open_ok(blob);
  FdtOr<FdtNode> mem = f.find_path("/memory@80000000");
  ASSERT_TRUE(mem.ok());
  EXPECT_EQ(f.reg_count(mem.value).value, 1u);
  FdtOr<FdtRegion> r = f.reg(mem.value, 0);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.base, 0x80000000u);
  EXPECT_EQ(r.value.size, 256u << 20);
  EXPECT_EQ(f.reg(mem.value, 1).error, FdtError::kNotFound);

  FdtOr<FdtNode> cpus = f.find_path("/cpus");
  EXPECT_EQ(f.address_cells(cpus.value).value, 1u);
  EXPECT_EQ(f.size_cells(cpus.value).value, 0u);
  FdtOr<FdtNode> cpu3 = f.find_path("/cpus/cpu@3");
  ASSERT_TRUE(cpu3.ok());
  EXPECT_EQ(f.reg(cpu3.value, 0).value.base, 3u);
  EXPECT_EQ(f.reg(cpu3.value, 0).value.size, 0u);

  FdtOr<FdtNode> flash = f.find_path("/flash");
  ASSERT_TRUE(flash.ok());
  EXPECT_EQ(f.reg_count(flash.value).value, 2u);
  EXPECT_EQ(f.reg(flash.value, 1).value.base, 0x22000000u);

  FdtOr<FdtProperty> tb = f.property(cpus.value, "timebase-frequency");
  ASSERT_TRUE(tb.ok());
  EXPECT_EQ(tb.value.u32().value, 10000000u);
  EXPECT_EQ(tb.value.u64().error, FdtError::kBadLength);
  EXPECT_EQ(tb.value.u32_or_u64().value, 10000000u);

  FdtOr<FdtNode> soc = f.find_path("/soc");
  FdtOr<FdtNode> parent = f.parent(cpu3.value);
  ASSERT_TRUE(parent.ok());
  EXPECT_EQ(parent.value.offset, cpus.value.offset);
  EXPECT_EQ(f.parent(f.root()).error, FdtError::kNotFound);
  EXPECT_EQ(f.parent(soc.value).value.offset, f.root().offset);
}

TEST(FdtQemu, WalkVisitsEveryNodeInDocumentOrder) {
  std::vector<uint8_t> blob = qemu_smp4();
  Fdt f = open_ok(blob);
  std::vector<std::string> names;
  EXPECT_EQ(f.walk([&](const FdtNode& n) {
    names.push_back(n.name);
    return true;
  }),
            FdtError::kOk);
  ASSERT_GE(names.size(), 30u);
  EXPECT_EQ(names[0], "");
  EXPECT_EQ(names[1], "pmu");
  EXPECT_EQ(names.back(), "clint@2000000");
  // Navigation by first_child/next_sibling sees the same nodes.
  size_t count = 0;
  std::vector<FdtNode> stack = {f.root()};
  while (!stack.empty()) {
    FdtNode n = stack.back();
    stack.pop_back();
    ++count;
    for (FdtOr<FdtNode> c = f.first_child(n); c.ok(); c = f.next_sibling(c.value)) {
      stack.push_back(c.value);
    }
  }
  EXPECT_EQ(count, names.size());
  // Stopping early.
  int seen = 0;
  EXPECT_EQ(f.walk([&](const FdtNode&) { return ++seen < 3; }), FdtError::kOk);
  EXPECT_EQ(seen, 3);
}

TEST(FdtQemu, PropertyIteration) {
  std::vector<uint8_t> blob = qemu_smp4();
  Fdt f = open_ok(blob);
  FdtOr<FdtNode> chosen = f.find_path("/chosen");
  ASSERT_TRUE(chosen.ok());
  std::vector<std::string> names;
  for (FdtOr<FdtProperty> p = f.first_property(chosen.value); p.ok();
       p = f.next_property(p.value)) {
    names.push_back(p.value.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"rng-seed", "stdout-path"}));
  EXPECT_EQ(f.property(chosen.value, "bootargs").error, FdtError::kNotFound);
  EXPECT_EQ(f.reserved_count(), 0u);
  EXPECT_EQ(f.reserved_entry(0).error, FdtError::kNotFound);
  // A node without properties.
  FdtOr<FdtNode> cluster = f.find_path("/cpus/cpu-map/cluster0");
  ASSERT_TRUE(cluster.ok());
  EXPECT_EQ(f.first_property(cluster.value).error, FdtError::kNotFound);
}

// ---- hand-built trees ----------------------------------------------------------

TEST(FdtBuilt, AliasesAndStdoutOptions) {
  FdtBuilder b;
  b.begin_node("")
      .begin_node("aliases")
      .prop_string("serial0", "/soc/uart@1000")
      .prop_string("soc", "/soc")
      .prop_string("broken", "relative/path")
      .end_node()
      .begin_node("chosen")
      .prop_string("stdout-path", "serial0:115200n8")
      .end_node()
      .begin_node("soc")
      .begin_node("uart@1000")
      .end_node()
      .end_node()
      .end_node()
      .end();
  std::vector<uint8_t> blob = b.finish();
  Fdt f = open_ok(blob);
  FdtOr<FdtNode> u = f.find_path("serial0");
  ASSERT_TRUE(u.ok());
  EXPECT_STREQ(u.value.name, "uart@1000");
  EXPECT_EQ(u.value.depth, 2u);
  EXPECT_TRUE(f.find_path("serial0:9600").ok());
  EXPECT_TRUE(f.find_path("/soc/uart@1000:9600").ok());
  FdtOr<FdtNode> via = f.find_path("soc/uart@1000");
  ASSERT_TRUE(via.ok());
  EXPECT_EQ(via.value.offset, u.value.offset);
  EXPECT_EQ(f.find_path("soc/uart@2000").error, FdtError::kNotFound);
  EXPECT_EQ(f.find_path("seria").error, FdtError::kNotFound);
  EXPECT_EQ(f.find_path("broken").error, FdtError::kBadPath);
  const char* options = nullptr;
  FdtOr<FdtNode> out = f.stdout_node(&options);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out.value.offset, u.value.offset);
  EXPECT_STREQ(options, "115200n8");
  EXPECT_TRUE(f.child(f.root(), "soc").ok());
  EXPECT_EQ(f.child(f.root(), "uart").error, FdtError::kNotFound);
}

TEST(FdtBuilt, DefaultCellsAndMemoryReservations) {
  FdtBuilder b;
  b.reserve(0x80000000, 0x20000).reserve(0x90000000, 0x1000);
  b.begin_node("")  // no #address-cells / #size-cells: 2 and 1
      .begin_node("dev@1")
      .prop_cells("reg", {0x1, 0x2, 0x3, 0x0, 0x10, 0x20})
      .end_node()
      .end_node()
      .end();
  std::vector<uint8_t> blob = b.finish();
  Fdt f = open_ok(blob);
  FdtOr<FdtNode> dev = f.find_path("/dev@1");
  ASSERT_TRUE(dev.ok());
  EXPECT_EQ(f.address_cells(f.root()).value, 2u);
  EXPECT_EQ(f.size_cells(f.root()).value, 1u);
  EXPECT_EQ(f.reg_count(dev.value).value, 2u);
  EXPECT_EQ(f.reg(dev.value, 0).value.base, 0x100000002u);
  EXPECT_EQ(f.reg(dev.value, 0).value.size, 3u);
  EXPECT_EQ(f.reg(dev.value, 1).value.base, 0x10u);
  EXPECT_EQ(f.reg(dev.value, 1).value.size, 0x20u);
  ASSERT_EQ(f.reserved_count(), 2u);
  EXPECT_EQ(f.reserved_entry(0).value.base, 0x80000000u);
  EXPECT_EQ(f.reserved_entry(0).value.size, 0x20000u);
  EXPECT_EQ(f.reserved_entry(1).value.base, 0x90000000u);
  EXPECT_EQ(f.reserved_entry(2).error, FdtError::kNotFound);
}

std::vector<uint8_t> tree_with_cells(uint32_t address_cells, uint32_t size_cells,
                                     std::initializer_list<uint32_t> reg) {
  FdtBuilder b;
  b.begin_node("")
      .prop_u32("#address-cells", address_cells)
      .prop_u32("#size-cells", size_cells)
      .begin_node("dev")
      .prop_cells("reg", reg)
      .end_node()
      .end_node()
      .end();
  return b.finish();
}

TEST(FdtBuilt, AbsurdCellCountsAreErrors) {
  for (uint32_t ac : {0u, 3u, 5u, 0xffffffffu}) {
    std::vector<uint8_t> blob = tree_with_cells(ac, 1, {1, 2, 3, 4, 5, 6});
    Fdt f = open_ok(blob);
    FdtNode dev = f.find_path("/dev").value;
    EXPECT_EQ(f.reg(dev, 0).error, FdtError::kBadCellCount) << ac;
    EXPECT_EQ(f.reg_count(dev).error, FdtError::kBadCellCount) << ac;
  }
  for (uint32_t sc : {3u, 0x80000000u, 0xffffffffu}) {
    std::vector<uint8_t> blob = tree_with_cells(1, sc, {1, 2, 3, 4});
    Fdt f = open_ok(blob);
    EXPECT_EQ(f.reg(f.find_path("/dev").value, 0).error, FdtError::kBadCellCount) << sc;
  }
  // Length not a multiple of the entry size.
  std::vector<uint8_t> blob = tree_with_cells(2, 2, {1, 2, 3});
  Fdt f = open_ok(blob);
  EXPECT_EQ(f.reg(f.find_path("/dev").value, 0).error, FdtError::kBadLength);
  EXPECT_EQ(f.reg_count(f.find_path("/dev").value).error, FdtError::kBadLength);
  // #address-cells of the wrong size.
  FdtBuilder b;
  b.begin_node("")
      .prop_u64("#address-cells", 1)
      .begin_node("dev")
      .prop_cells("reg", {1, 2, 3})
      .end_node()
      .end_node()
      .end();
  std::vector<uint8_t> blob2 = b.finish();
  Fdt f2 = open_ok(blob2);
  EXPECT_EQ(f2.reg(f2.find_path("/dev").value, 0).error, FdtError::kBadLength);
}

TEST(FdtBuilt, PropertyValueReaders) {
  FdtBuilder b;
  b.begin_node("")
      .prop_u64("big", 0x1122334455667788ull)
      .prop("unterminated", {'a', 'b'})
      .prop_empty("empty")
      .prop_strings("list", {"one", "", "three"})
      .prop("odd", {1, 2, 3})
      .end_node()
      .end();
  std::vector<uint8_t> blob = b.finish();
  Fdt f = open_ok(blob);
  FdtNode root = f.root();
  FdtProperty big = f.property(root, "big").value;
  EXPECT_EQ(big.u64().value, 0x1122334455667788ull);
  EXPECT_EQ(big.u32_or_u64().value, 0x1122334455667788ull);
  EXPECT_EQ(big.u32().error, FdtError::kBadLength);
  EXPECT_EQ(big.cells(1, 1).value, 0x55667788u);
  EXPECT_EQ(big.cells(0, 2).value, 0x1122334455667788ull);
  EXPECT_EQ(big.cells(1, 2).error, FdtError::kBadLength);
  EXPECT_EQ(big.cells(0xffffffffu, 2).error, FdtError::kBadLength);
  EXPECT_EQ(big.cells(0, 3).error, FdtError::kBadCellCount);
  EXPECT_EQ(big.cells(0, 0).error, FdtError::kBadCellCount);
  FdtProperty un = f.property(root, "unterminated").value;
  EXPECT_EQ(un.string().error, FdtError::kUnterminatedString);
  EXPECT_EQ(un.string_count().error, FdtError::kUnterminatedString);
  EXPECT_FALSE(un.contains_string("ab"));
  FdtProperty empty = f.property(root, "empty").value;
  EXPECT_EQ(empty.len, 0u);
  EXPECT_EQ(empty.string().error, FdtError::kUnterminatedString);
  EXPECT_EQ(empty.u32().error, FdtError::kBadLength);
  FdtProperty list = f.property(root, "list").value;
  EXPECT_EQ(list.string_count().value, 3u);
  EXPECT_STREQ(list.string_at(1).value, "");
  EXPECT_STREQ(list.string_at(2).value, "three");
  EXPECT_TRUE(list.contains_string(""));
  EXPECT_TRUE(list.contains_string("three"));
  EXPECT_FALSE(list.contains_string("thre"));
  EXPECT_EQ(f.property(root, "odd").value.u32_or_u64().error, FdtError::kBadLength);
  EXPECT_EQ(f.property_string(root, "missing").error, FdtError::kNotFound);
}

TEST(FdtBuilt, NopsAreSkippedEverywhere) {
  FdtBuilder b;
  b.nop()
      .begin_node("")
      .nop()
      .prop_u32("a", 1)
      .nop()
      .prop_u32("b", 2)
      .nop()
      .begin_node("x")
      .nop()
      .end_node()
      .nop()
      .begin_node("y")
      .end_node()
      .nop()
      .end_node()
      .nop()
      .end();
  std::vector<uint8_t> blob = b.finish();
  Fdt f = open_ok(blob);
  FdtNode root = f.root();
  EXPECT_EQ(f.property(root, "b").value.u32().value, 2u);
  FdtOr<FdtProperty> p = f.first_property(root);
  ASSERT_TRUE(p.ok());
  EXPECT_STREQ(p.value.name, "a");
  EXPECT_STREQ(f.next_property(p.value).value.name, "b");
  FdtOr<FdtNode> x = f.first_child(root);
  ASSERT_TRUE(x.ok());
  EXPECT_STREQ(x.value.name, "x");
  EXPECT_EQ(f.first_child(x.value).error, FdtError::kNotFound);
  FdtOr<FdtNode> y = f.next_sibling(x.value);
  ASSERT_TRUE(y.ok());
  EXPECT_STREQ(y.value.name, "y");
  EXPECT_EQ(f.next_sibling(y.value).error, FdtError::kNotFound);
  EXPECT_EQ(f.next_sibling(root).error, FdtError::kNotFound);
}

TEST(FdtBuilt, StatusDecidesEnabled) {
  FdtBuilder b;
  b.begin_node("")
      .begin_node("a")
      .prop_string("status", "okay")
      .end_node()
      .begin_node("b")
      .prop_string("status", "disabled")
      .end_node()
      .begin_node("c")
      .end_node()
      .begin_node("d")
      .prop_string("status", "ok")
      .end_node()
      .begin_node("e")
      .prop("status", {'o', 'k'})
      .end_node()
      .end_node()
      .end();
  std::vector<uint8_t> blob = b.finish();
  Fdt f = open_ok(blob);
  EXPECT_TRUE(f.is_enabled(f.find_path("/a").value));
  EXPECT_FALSE(f.is_enabled(f.find_path("/b").value));
  EXPECT_TRUE(f.is_enabled(f.find_path("/c").value));
  EXPECT_TRUE(f.is_enabled(f.find_path("/d").value));
  EXPECT_FALSE(f.is_enabled(f.find_path("/e").value));
}

// ---- malformed headers ----------------------------------------------------------

std::vector<uint8_t> small_tree() {
  FdtBuilder b;
  b.begin_node("").prop_u32("#address-cells", 1).begin_node("n").end_node().end_node().end();
  return b.finish();
}

TEST(FdtMalformed, BadMagic) {
  std::vector<uint8_t> blob = small_tree();
  blob[0] ^= 1;
  EXPECT_EQ(open_error(blob), FdtError::kBadMagic);
  EXPECT_EQ(Fdt::open(nullptr, 100).error, FdtError::kTruncated);
}

TEST(FdtMalformed, EveryTruncatedHeaderLength) {
  std::vector<uint8_t> blob = small_tree();
  for (size_t n = 0; n < blob.size(); ++n) {
    std::vector<uint8_t> cut(blob.begin(), blob.begin() + static_cast<long>(n));
    EXPECT_EQ(Fdt::open(cut.data(), cut.size()).error, FdtError::kTruncated) << n;
  }
  EXPECT_TRUE(Fdt::open(blob.data(), blob.size()).ok());
}

TEST(FdtMalformed, TotalSizeLargerThanBufferOrSmallerThanHeader) {
  std::vector<uint8_t> blob = small_tree();
  put_be32(blob, fdt_test::kOffTotalSize, static_cast<uint32_t>(blob.size() + 1));
  EXPECT_EQ(open_error(blob), FdtError::kTruncated);
  put_be32(blob, fdt_test::kOffTotalSize, 0xffffffffu);
  EXPECT_EQ(open_error(blob), FdtError::kTruncated);
  put_be32(blob, fdt_test::kOffTotalSize, 20);
  EXPECT_EQ(open_error(blob), FdtError::kTruncated);
}

TEST(FdtMalformed, Versions) {
  std::vector<uint8_t> blob = small_tree();
  put_be32(blob, fdt_test::kOffVersion, 15);
  EXPECT_EQ(open_error(blob), FdtError::kBadVersion);
  blob = small_tree();
  put_be32(blob, fdt_test::kOffLastComp, 18);
  EXPECT_EQ(open_error(blob), FdtError::kBadVersion);
  // Version 16: no size_dt_struct; the structure runs up to the strings.
  blob = small_tree();
  put_be32(blob, fdt_test::kOffVersion, 16);
  put_be32(blob, fdt_test::kOffStructSize, 0xdeadbeef);
  Fdt f = open_ok(blob);
  EXPECT_TRUE(f.find_path("/n").ok());
  // A newer version that stays compatible with 16/17 is accepted.
  blob = small_tree();
  put_be32(blob, fdt_test::kOffVersion, 18);
  EXPECT_TRUE(Fdt::open(blob.data(), blob.size()).ok());
}

TEST(FdtMalformed, BlockOffsetsAndSizes) {
  const std::vector<uint8_t> good = small_tree();
  uint32_t total = get_be32(good, fdt_test::kOffTotalSize);
  uint32_t off_struct = get_be32(good, fdt_test::kOffStruct);
  uint32_t off_strings = get_be32(good, fdt_test::kOffStrings);
  uint32_t struct_size = get_be32(good, fdt_test::kOffStructSize);
  struct Case {
    size_t field;
    uint32_t value;
    FdtError want;
  };
  const Case cases[] = {
      {fdt_test::kOffStruct, total + 4, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffStruct, 0xfffffffcu, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffStruct, 8, FdtError::kOffsetOutOfRange},  // inside the header
      {fdt_test::kOffStrings, total + 1, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffStrings, 4, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffRsvmap, 0, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffRsvmap, total + 8, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffRsvmap, 44, FdtError::kMisaligned},
      {fdt_test::kOffStructSize, struct_size + 4 + (total - off_strings),
       FdtError::kOffsetOutOfRange},
      {fdt_test::kOffStructSize, 0xfffffff0u, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffStringsSize, total, FdtError::kOffsetOutOfRange},
      {fdt_test::kOffStringsSize, 0xffffffffu, FdtError::kOffsetOutOfRange},
      // Structure block overlapping the strings block.
      {fdt_test::kOffStrings, off_struct + 4, FdtError::kOffsetOutOfRange},
      // Structure block too short to hold the tree: FDT_END missing.
      {fdt_test::kOffStructSize, struct_size - 4, FdtError::kTruncated},
      {fdt_test::kOffStructSize, 0, FdtError::kOffsetOutOfRange},
  };
  for (const Case& c : cases) {
    std::vector<uint8_t> blob = good;
    put_be32(blob, c.field, c.value);
    EXPECT_EQ(open_error(blob), c.want)
        << "field " << c.field << " = " << c.value << ": " << fdt_error_name(open_error(blob));
  }
}

TEST(FdtMalformed, UnalignedStructureBlock) {
  // Move the structure block two bytes later inside a larger blob.
  std::vector<uint8_t> blob = small_tree();
  uint32_t off_struct = get_be32(blob, fdt_test::kOffStruct);
  blob.insert(blob.begin() + off_struct, {0, 0});
  put_be32(blob, fdt_test::kOffTotalSize, static_cast<uint32_t>(blob.size()));
  put_be32(blob, fdt_test::kOffStruct, off_struct + 2);
  put_be32(blob, fdt_test::kOffStrings, get_be32(blob, fdt_test::kOffStrings) + 2);
  EXPECT_EQ(open_error(blob), FdtError::kMisaligned);
}

TEST(FdtMalformed, ReservationBlockWithoutTerminator) {
  std::vector<uint8_t> blob = small_tree();
  // Point the block at the last 8 bytes before the structure block: the
  // terminator would run into the structure block.
  put_be32(blob, fdt_test::kOffRsvmap, get_be32(blob, fdt_test::kOffStruct) - 8);
  EXPECT_EQ(open_error(blob), FdtError::kOffsetOutOfRange);
  // Non-zero entries up to the end of the blob.
  FdtBuilder b;
  b.reserve(1, 1).begin_node("").end_node().end();
  std::vector<uint8_t> blob2 = b.finish();
  for (size_t i = 56; i < 72; ++i) {
    blob2[i] = 0xff;  // overwrite the terminator
  }
  EXPECT_NE(open_error(blob2), FdtError::kOk);
}

// ---- malformed structure blocks ----------------------------------------------------

TEST(FdtMalformed, UnterminatedNodeName) {
  FdtBuilder b;
  b.begin_node("").begin_node_unterminated("abc");
  EXPECT_EQ(open_error(b.finish()), FdtError::kUnterminatedString);
}

TEST(FdtMalformed, UnterminatedPropertyName) {
  FdtBuilder b;
  b.raw_strings("name-without-nul");
  b.begin_node("").prop_raw(0, {1, 2, 3, 4}).end_node().end();
  EXPECT_EQ(open_error(b.finish()), FdtError::kUnterminatedString);
}

TEST(FdtMalformed, PropertyNameOffsetPastStrings) {
  for (uint32_t off : {1000u, 0xffffffffu, 0x80000000u}) {
    FdtBuilder b;
    b.begin_node("").prop_u32("x", 1).prop_raw(off, {1, 2, 3, 4}).end_node().end();
    EXPECT_EQ(open_error(b.finish()), FdtError::kOffsetOutOfRange) << off;
  }
  // Exactly at the end of the strings block.
  FdtBuilder b;
  b.begin_node("").prop_u32("x", 1);
  b.prop_raw(b.strings_size(), {}).end_node().end();
  EXPECT_EQ(open_error(b.finish()), FdtError::kOffsetOutOfRange);
}

TEST(FdtMalformed, PropertyLengthPastTheBlock) {
  for (uint32_t len : {100u, 0xfffffffcu, 0xffffffffu, 0x80000000u}) {
    FdtBuilder b;
    b.begin_node("").prop_header_only("p", len).end_node().end();
    EXPECT_EQ(open_error(b.finish()), FdtError::kOffsetOutOfRange) << len;
  }
}

TEST(FdtMalformed, NestingTooDeep) {
  auto nested = [](uint32_t levels) {
    FdtBuilder b;
    for (uint32_t i = 0; i < levels; ++i) {
      b.begin_node(i == 0 ? "" : "n");
    }
    for (uint32_t i = 0; i < levels; ++i) {
      b.end_node();
    }
    b.end();
    return b.finish();
  };
  std::vector<uint8_t> ok = nested(Fdt::kMaxDepth + 1);  // depths 0..kMaxDepth
  Fdt f = open_ok(ok);
  uint32_t deepest = 0;
  EXPECT_EQ(f.walk([&](const FdtNode& n) {
    deepest = n.depth;
    return true;
  }),
            FdtError::kOk);
  EXPECT_EQ(deepest, Fdt::kMaxDepth);
  EXPECT_EQ(open_error(nested(Fdt::kMaxDepth + 2)), FdtError::kTooDeep);
  EXPECT_EQ(open_error(nested(1000)), FdtError::kTooDeep);
}

TEST(FdtMalformed, TokenSequences) {
  struct Case {
    const char* what;
    FdtBuilder b;
    FdtError want;
  };
  std::vector<Case> cases;
  cases.push_back(
      {"missing FDT_END", FdtBuilder().begin_node("").end_node(), FdtError::kTruncated});
  cases.push_back({"unclosed root", FdtBuilder().begin_node("").end(), FdtError::kBadToken});
  cases.push_back({"unknown token", FdtBuilder().begin_node("").token(7).end_node().end(),
                   FdtError::kBadToken});
  cases.push_back({"no root", FdtBuilder().end(), FdtError::kBadToken});
  cases.push_back({"empty block", FdtBuilder(), FdtError::kOffsetOutOfRange});
  cases.push_back({"end node first", FdtBuilder().end_node().end(), FdtError::kBadToken});
  cases.push_back({"two roots",
                   FdtBuilder().begin_node("").end_node().begin_node("").end_node().end(),
                   FdtError::kBadToken});
  cases.push_back({"extra end node", FdtBuilder().begin_node("").end_node().end_node().end(),
                   FdtError::kBadToken});
  cases.push_back(
      {"property after child",
       FdtBuilder().begin_node("").begin_node("c").end_node().prop_u32("p", 1).end_node().end(),
       FdtError::kBadToken});
  cases.push_back({"property outside root",
                   FdtBuilder().begin_node("").end_node().prop_u32("p", 1).end(),
                   FdtError::kBadToken});
  for (Case& c : cases) {
    EXPECT_EQ(open_error(c.b.finish()), c.want) << c.what;
  }
}

TEST(FdtMalformed, ErrorNamesAreDistinct) {
  std::set<std::string> names;
  for (int i = 0; i < static_cast<int>(FdtError::kCount); ++i) {
    const char* n = fdt_error_name(static_cast<FdtError>(i));
    EXPECT_STRNE(n, "unknown error");
    names.insert(n);
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(FdtError::kCount));
  EXPECT_STREQ(fdt_error_name(FdtError::kCount), "unknown error");
}

// ---- mutation loop ------------------------------------------------------------------

// Exercises every reader entry point on whatever open() accepted.
void exercise(const std::vector<uint8_t>& blob) {
  FdtOr<Fdt> opened = Fdt::open(blob.data(), blob.size());
  if (!opened.ok()) {
    return;
  }
  const Fdt& f = opened.value;
  f.walk([&](const FdtNode& n) {
    for (FdtOr<FdtProperty> p = f.first_property(n); p.ok(); p = f.next_property(p.value)) {
      p.value.u32();
      p.value.u64();
      p.value.u32_or_u64();
      p.value.cells(1, 2);
      p.value.string_count();
      p.value.string_at(1);
      p.value.contains_string("ns16550a");
    }
    f.reg_count(n);
    f.reg(n, 0);
    f.reg(n, 1);
    f.address_cells(n);
    f.is_enabled(n);
    f.next_sibling(n);
    f.first_child(n);
    return true;
  });
  f.find_path("/soc/serial@10000000");
  f.find_path("serial0/x");
  const char* options = nullptr;
  f.stdout_node(&options);
  f.find_compatible("sifive,test0");
  for (uint32_t i = 0; i < f.reserved_count() && i < 4; ++i) {
    f.reserved_entry(i);
  }
  BootInfo info;
  boot_info_from(f, 0x82200000, info);
}

uint64_t next_random(uint64_t& state) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

TEST(FdtFuzz, MutatedQemuTreesNeverCrash) {
  const std::vector<uint8_t> good = qemu_smp4();
  ASSERT_GT(good.size(), 1000u);
  uint64_t rng = 0x9e3779b97f4a7c15ull;
  int opened = 0;
  constexpr int kRounds = 10000;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<uint8_t> blob = good;
    uint64_t kind = next_random(rng) % 4;
    if (kind == 0) {
      // Truncate, with and without a matching totalsize.
      size_t n = next_random(rng) % good.size();
      blob.resize(n);
      if (n >= 8 && (next_random(rng) & 1) != 0) {
        put_be32(blob, fdt_test::kOffTotalSize, static_cast<uint32_t>(n));
      }
    } else {
      // Flip 1-4 bytes; half the time aim at the header or the first tokens.
      int flips = 1 + static_cast<int>(next_random(rng) % 4);
      for (int i = 0; i < flips; ++i) {
        size_t range = (next_random(rng) & 1) != 0 ? 160 : blob.size();
        size_t pos = next_random(rng) % range;
        uint8_t x = static_cast<uint8_t>(next_random(rng));
        blob[pos] = kind == 3 ? x : static_cast<uint8_t>(blob[pos] ^ (1u << (x % 8)));
      }
    }
    // An exactly sized heap copy, so ASan sees any read past its end.
    std::vector<uint8_t> exact(blob.begin(), blob.end());
    exact.shrink_to_fit();
    opened += Fdt::open(exact.data(), exact.size()).ok() ? 1 : 0;
    exercise(exact);
  }
  std::printf("mutation rounds: %d, still opened: %d\n", kRounds, opened);
  // Most single-bit flips land in property values and still open.
  EXPECT_GT(opened, kRounds / 10);
  EXPECT_LT(opened, kRounds);
}

}  // namespace
