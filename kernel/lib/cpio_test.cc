// Cpio reader: well-formed archives read back entry by entry and by name,
// and every kind of malformed archive refused with its own status.
#include "kernel/lib/cpio.h"

#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kernel/lib/testdata/cpio_builder.h"

namespace {

using cpio_test::CpioBuilder;
using cpio_test::Member;

CpioOr<Cpio> open(const std::vector<uint8_t>& v) { return Cpio::open(v.data(), v.size()); }

CpioStatus status_of(const std::vector<uint8_t>& v) { return open(v).status; }

std::string name_of(const CpioEntry& e) { return std::string(e.name, e.name_len); }

std::vector<uint8_t> sample(size_t* second_header = nullptr) {
  CpioBuilder b;
  b.dir("bin");
  const size_t at = b.file("bin/init",
                           std::string("\x7f"
                                       "ELF\x02\x01\x01",
                                       7),
                           0100755);
  if (second_header != nullptr) *second_header = at;
  b.file("etc/motd", "hello\n");
  b.file("empty", "");
  b.trailer();
  return b.bytes();
}

TEST(CpioTest, ReadsEveryEntryInOrder) {
  const std::vector<uint8_t> v = sample();
  CpioOr<Cpio> c = open(v);
  ASSERT_TRUE(c.ok()) << cpio_status_name(c.status);
  EXPECT_EQ(c.value.entry_count(), 4u);
  std::vector<std::string> names;
  std::vector<uint32_t> modes;
  EXPECT_EQ(c.value.for_each([&](const CpioEntry& e) {
    names.push_back(name_of(e));
    modes.push_back(e.mode);
    EXPECT_EQ(e.name[e.name_len], '\0');
    EXPECT_EQ(reinterpret_cast<uintptr_t>(e.data) % 4, 0u);
    return true;
  }),
            CpioStatus::kOk);
  EXPECT_EQ(names, (std::vector<std::string>{"bin", "bin/init", "etc/motd", "empty"}));
  EXPECT_EQ(modes, (std::vector<uint32_t>{040755, 0100755, 0100644, 0100644}));
}

TEST(CpioTest, EntryFields) {
  const std::vector<uint8_t> v = sample();
  CpioOr<Cpio> c = open(v);
  ASSERT_TRUE(c.ok());
  CpioOr<CpioEntry> e = c.value.first();
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e.value.is_directory());
  EXPECT_EQ(e.value.size, 0u);
  EXPECT_EQ(e.value.ino, 1u);
  EXPECT_EQ(e.value.offset, 0u);
  e = c.value.next(e.value);
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e.value.is_regular());
  EXPECT_EQ(e.value.permissions(), 0755u);
  ASSERT_EQ(e.value.size, 7u);
  EXPECT_EQ(std::memcmp(e.value.data,
                        "\x7f"
                        "ELF",
                        4),
            0);
  e = c.value.next(e.value);
  e = c.value.next(e.value);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(name_of(e.value), "empty");
  EXPECT_EQ(e.value.size, 0u);
  e = c.value.next(e.value);
  EXPECT_EQ(e.status, CpioStatus::kNotFound);  // the trailer
  EXPECT_LE(c.value.used_size(), v.size());
}

TEST(CpioTest, FindNormalizesLeadingSlashAndDot) {
  CpioBuilder b;
  b.file("./bin/sh", "sh");
  b.file("/etc/passwd", "root");
  b.file("plain", "p");
  b.dir(".");
  b.trailer();
  const std::vector<uint8_t> v = b.bytes();
  CpioOr<Cpio> c = open(v);
  ASSERT_TRUE(c.ok());
  for (const char* q : {"bin/sh", "/bin/sh", "./bin/sh", "//bin/sh", "././bin/sh"}) {
    CpioOr<CpioEntry> e = c.value.find(q);
    ASSERT_TRUE(e.ok()) << q;
    EXPECT_EQ(name_of(e.value), "./bin/sh");
  }
  EXPECT_TRUE(c.value.find("etc/passwd").ok());
  EXPECT_TRUE(c.value.find("./plain").ok());
  EXPECT_TRUE(c.value.find("/").ok());  // "." is the root
  EXPECT_EQ(c.value.find("bin").status, CpioStatus::kNotFound);
  EXPECT_EQ(c.value.find("bin/s").status, CpioStatus::kNotFound);
  EXPECT_EQ(c.value.find("bin/shx").status, CpioStatus::kNotFound);
  EXPECT_EQ(c.value.find("TRAILER!!!").status, CpioStatus::kNotFound);
  // A length-bounded query need not be NUL-terminated.
  EXPECT_TRUE(c.value.find("plainXYZ", 5).ok());
}

TEST(CpioTest, EmptyArchiveAndBlockPadding) {
  CpioBuilder b;
  b.trailer();
  b.append(std::string(512 - 124, '\0'));  // GNU cpio pads to 512-byte blocks
  std::vector<uint8_t> v = b.bytes();
  CpioOr<Cpio> c = open(v);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value.entry_count(), 0u);
  EXPECT_EQ(c.value.used_size(), 121u);
  EXPECT_EQ(c.value.first().status, CpioStatus::kNotFound);
  EXPECT_EQ(c.value.find("x").status, CpioStatus::kNotFound);
  // The trailer's own padding is not required; bytes after it are not read.
  v.resize(121);
  EXPECT_EQ(status_of(v), CpioStatus::kOk);
  v.push_back('Z');
  EXPECT_EQ(status_of(v), CpioStatus::kOk);
}

TEST(CpioTest, CrcFormatChecksum) {
  CpioBuilder b;
  Member m;
  m.name = "data";
  m.data = "\xff\xfe\x01 checksum me";
  m.magic = "070702";
  const size_t at = b.add(m);
  b.trailer();
  std::vector<uint8_t> v = b.bytes();
  EXPECT_EQ(status_of(v), CpioStatus::kOk);
  cpio_test::patch_hex(v, at, cpio_test::kOffCheck, 12345);
  EXPECT_EQ(status_of(v), CpioStatus::kBadChecksum);
}

TEST(CpioTest, LowercaseHexAccepted) {
  size_t at;
  std::vector<uint8_t> v = sample(&at);
  cpio_test::patch(v, at, cpio_test::kOffMode, "000081ed");
  CpioOr<Cpio> c = open(v);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value.find("bin/init").value.mode, 0100755u);
}

TEST(CpioTest, NullAndEmpty) {
  EXPECT_EQ(Cpio::open(nullptr, 0).status, CpioStatus::kNoTrailer);
  std::vector<uint8_t> v;
  EXPECT_EQ(status_of(v), CpioStatus::kNoTrailer);
  Cpio unopened;
  EXPECT_EQ(unopened.first().status, CpioStatus::kNotFound);
  EXPECT_EQ(unopened.find("x").status, CpioStatus::kNotFound);
}

TEST(CpioTest, StatusNames) {
  for (int s = 0; s < static_cast<int>(CpioStatus::kCount); ++s) {
    EXPECT_STRNE(cpio_status_name(static_cast<CpioStatus>(s)), "unknown status") << s;
  }
  EXPECT_STREQ(cpio_status_name(CpioStatus::kCount), "unknown status");
}

}  // namespace
