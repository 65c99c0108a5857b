// write_newc: archives read back through the kernel's reader (kernel/lib/cpio)
// with their names, modes, data, alignment and implied parents; bad member
// lists refused; output identical for identical input.
#include "tools/mkbootimg/newc_writer.h"

#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kernel/lib/cpio.h"

namespace qrv::mkbootimg {
namespace {

Member file(const std::string& name, const std::string& data, uint32_t perms = 0644) {
  Member m;
  m.name = name;
  m.data = data;
  m.permissions = perms;
  return m;
}

Member dir(const std::string& name, uint32_t perms = 0755) {
  Member m;
  m.name = name;
  m.directory = true;
  m.permissions = perms;
  return m;
}

struct ReadBack {
  std::string name;
  uint32_t mode;
  uint32_t ino;
  std::string data;
};

// Parses `archive` with the kernel's reader, from a 4-aligned copy.
std::vector<ReadBack> read_back(const std::string& archive) {
  std::vector<uint32_t> words((archive.size() + 3) / 4);
  std::memcpy(words.data(), archive.data(), archive.size());
  CpioOr<Cpio> c = Cpio::open(words.data(), archive.size());
  EXPECT_TRUE(c.ok()) << cpio_status_name(c.status);
  std::vector<ReadBack> out;
  if (!c.ok()) return out;
  EXPECT_EQ(c.value.for_each([&](const CpioEntry& e) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(e.data) % 4, 0u) << e.name;
    EXPECT_EQ(e.offset % 4, 0u);
    EXPECT_EQ(e.mtime, 0u);
    out.push_back({std::string(e.name, e.name_len), e.mode, e.ino,
                   std::string(reinterpret_cast<const char*>(e.data), e.size)});
    return true;
  }),
            CpioStatus::kOk);
  EXPECT_EQ(c.value.entry_count(), out.size());
  EXPECT_EQ(c.value.used_size() + 3 - (c.value.used_size() + 3) % 4, archive.size());
  return out;
}

TEST(NewcWriterTest, RoundTripNamesModesAndData) {
  const std::string elf = std::string(
                              "\x7f"
                              "ELF\x02\x01\x01\0",
                              8) +
                          std::string(1000, 'x');
  absl::StatusOr<std::string> a = write_newc({
      file("bin/init", elf, 0755),
      file("etc/motd", "hello\n"),
      file("empty", ""),
      file("odd", "123"),
  });
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->size() % 4, 0u);
  const std::vector<ReadBack> r = read_back(*a);
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[0].name, "bin");
  EXPECT_EQ(r[0].mode, 040755u);
  EXPECT_EQ(r[1].name, "bin/init");
  EXPECT_EQ(r[1].mode, 0100755u);
  EXPECT_EQ(r[1].data, elf);
  EXPECT_EQ(r[2].name, "etc");
  EXPECT_EQ(r[2].mode, 040755u);
  EXPECT_EQ(r[3].name, "etc/motd");
  EXPECT_EQ(r[3].mode, 0100644u);
  EXPECT_EQ(r[3].data, "hello\n");
  EXPECT_EQ(r[4].name, "empty");
  EXPECT_EQ(r[4].data, "");
  EXPECT_EQ(r[5].data, "123");
  for (size_t i = 0; i < r.size(); ++i) EXPECT_EQ(r[i].ino, i + 1);  // inodes in order
}

TEST(NewcWriterTest, EmptyArchiveIsJustTheTrailer) {
  absl::StatusOr<std::string> a = write_newc({});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->size(), 124u);  // 110 + "TRAILER!!!\0" padded to 4
  EXPECT_EQ(a->substr(0, 6), "070701");
  EXPECT_EQ(a->substr(110, 10), "TRAILER!!!");
  EXPECT_TRUE(read_back(*a).empty());
}

TEST(NewcWriterTest, HeaderIsDeterministicAscii) {
  absl::StatusOr<std::string> a = write_newc({file("ab", "xyz", 0600)});
  ASSERT_TRUE(a.ok());
  // magic, ino 1, mode 0100600, uid 0, gid 0, nlink 1, mtime 0, size 3, dev/rdev 0,
  // namesize 3, check 0.
  EXPECT_EQ(a->substr(0, 110),
            "070701" "00000001" "00008180" "00000000" "00000000" "00000001" "00000000"
            "00000003" "00000000" "00000000" "00000000" "00000000" "00000003" "00000000");
  EXPECT_EQ(a->substr(110, 3), std::string("ab\0", 3));  // name and NUL end at 113,
  EXPECT_EQ(a->substr(113, 3), std::string(3, '\0'));    // padded to 116
  EXPECT_EQ(a->substr(116, 4), std::string("xyz\0", 4));
  absl::StatusOr<std::string> again = write_newc({file("ab", "xyz", 0600)});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*a, *again);
}

TEST(NewcWriterTest, AlignmentForEveryNameAndDataLength) {
  for (size_t nl = 1; nl <= 8; ++nl) {
    for (size_t dl = 0; dl <= 8; ++dl) {
      absl::StatusOr<std::string> a =
          write_newc({file(std::string(nl, 'n'), std::string(dl, 'd')), file("z", "zz")});
      ASSERT_TRUE(a.ok());
      EXPECT_EQ(a->size() % 4, 0u);
      const std::vector<ReadBack> r = read_back(*a);
      ASSERT_EQ(r.size(), 2u) << nl << " " << dl;
      EXPECT_EQ(r[0].data, std::string(dl, 'd'));
      EXPECT_EQ(r[1].data, "zz");
    }
  }
}

TEST(NewcWriterTest, ExplicitDirectoriesKeepTheirModeWhereverListed) {
  absl::StatusOr<std::string> a = write_newc({
      file("a/b/c", "c"),
      dir("a/b", 0700),
      dir("d", 0711),
      file("a/e", "e"),
  });
  ASSERT_TRUE(a.ok()) << a.status();
  const std::vector<ReadBack> r = read_back(*a);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].name, "a");
  EXPECT_EQ(r[0].mode, 040755u);
  EXPECT_EQ(r[1].name, "a/b");
  EXPECT_EQ(r[1].mode, 040700u);  // written where first needed, with its own mode
  EXPECT_EQ(r[2].name, "a/b/c");
  EXPECT_EQ(r[3].name, "d");
  EXPECT_EQ(r[3].mode, 040711u);
  EXPECT_EQ(r[4].name, "a/e");
}

TEST(NewcWriterTest, ReaderFindsWrittenNames) {
  absl::StatusOr<std::string> a = write_newc({file("bin/taskman", "tm", 0755)});
  ASSERT_TRUE(a.ok());
  std::vector<uint32_t> words((a->size() + 3) / 4);
  std::memcpy(words.data(), a->data(), a->size());
  CpioOr<Cpio> c = Cpio::open(words.data(), a->size());
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c.value.find("/bin/taskman").ok());
  EXPECT_TRUE(c.value.find("bin").value.is_directory());
}

TEST(NewcWriterTest, BadNames) {
  for (const char* bad :
       {"", "/abs", "./rel", "a//b", "a/", "a/./b", "a/../b", "..", ".", "TRAILER!!!"}) {
    EXPECT_FALSE(write_newc({file(bad, "x")}).ok()) << bad;
  }
  EXPECT_FALSE(write_newc({file(std::string("a\0b", 3), "x")}).ok());
  EXPECT_TRUE(write_newc({file(std::string(kCpioMaxNameLength, 'n'), "x")}).ok());
  EXPECT_FALSE(write_newc({file(std::string(kCpioMaxNameLength + 1, 'n'), "x")}).ok());
}

TEST(NewcWriterTest, ConflictsRefused) {
  EXPECT_FALSE(write_newc({file("a", "1"), file("a", "2")}).ok());
  EXPECT_FALSE(write_newc({dir("a"), dir("a")}).ok());
  EXPECT_FALSE(write_newc({file("a", "1"), file("a/b", "2")}).ok());  // file as directory
  EXPECT_FALSE(write_newc({file("a/b", "2"), file("a", "1")}).ok());  // implied dir, then file
  EXPECT_FALSE(write_newc({file("a", "1"), dir("a")}).ok());
  Member bad = file("m", "x");
  bad.permissions = 010000;
  EXPECT_FALSE(write_newc({bad}).ok());
  Member d = dir("d");
  d.data = "x";
  EXPECT_FALSE(write_newc({d}).ok());
}

TEST(NewcWriterTest, EntryCap) {
  std::vector<Member> many;
  for (uint32_t i = 0; i < kCpioMaxEntries; ++i) many.push_back(file("f" + std::to_string(i), ""));
  EXPECT_TRUE(write_newc(many).ok());
  many.push_back(file("one_more", ""));
  EXPECT_FALSE(write_newc(many).ok());
  // Implied directories count too.
  many.pop_back();
  many.back() = file("x/y", "");
  EXPECT_FALSE(write_newc(many).ok());
}

}  // namespace
}  // namespace qrv::mkbootimg
