// The boot image qrv_boot_image built (//kernel/init:ktest_boot_image), read
// back on the host with the kernel's CPIO reader: entry names and modes in
// order, programs that are RISC-V static executables, the data file verbatim.
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kernel/lib/cpio.h"
#include "kernel/lib/elf.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(KtestBootImageTest, EntriesModesAndPrograms) {
  const std::string a = read_file("kernel/init/ktest_boot_image.cpio");
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size() % 4, 0u);
  std::vector<uint32_t> words(a.size() / 4);
  std::memcpy(words.data(), a.data(), a.size());
  CpioOr<Cpio> c = Cpio::open(words.data(), a.size());
  ASSERT_TRUE(c.ok()) << cpio_status_name(c.status);

  struct Expected {
    const char* name;
    uint32_t mode;
  };
  const Expected expected[] = {
      {"bin", 040755}, {"bin/libc_smoke", 0100755}, {"bin/threads", 0100755},
      {"etc", 040755}, {"etc/motd", 0100644},
  };
  ASSERT_EQ(c.value.entry_count(), std::size(expected));
  size_t i = 0;
  EXPECT_EQ(c.value.for_each([&](const CpioEntry& e) {
    EXPECT_EQ(std::string(e.name, e.name_len), expected[i].name);
    EXPECT_EQ(e.mode, expected[i].mode) << expected[i].name;
    EXPECT_EQ(e.mtime, 0u);
    EXPECT_EQ(e.ino, i + 1);
    if (e.is_regular() && (e.permissions() & 0111) != 0) {
      EXPECT_GE(e.size, 64u) << e.name;
      if (e.size < 4) return false;
      EXPECT_EQ(std::memcmp(e.data,
                            "\x7f"
                            "ELF",
                            4),
                0)
          << e.name;
      // The loader's own check: static RISC-V ET_EXEC inside the user range
      // (kernel/mm/aspace.h: [4 KiB, 2^38)).
      ElfImage img;
      EXPECT_EQ(elf_parse(e.data, e.size, 0x1000, uint64_t{1} << 38, img), ElfStatus::kOk)
          << e.name;
    }
    ++i;
    return true;
  }),
            CpioStatus::kOk);

  CpioOr<CpioEntry> motd = c.value.find("/etc/motd");
  ASSERT_TRUE(motd.ok());
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(motd.value.data), motd.value.size),
            read_file("kernel/init/testdata/motd"));
}

}  // namespace
