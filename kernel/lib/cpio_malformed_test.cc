// Cpio reader on malformed archives: each defect is refused by Cpio::open
// with its own status, and so is each truncation of a valid archive.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kernel/lib/cpio.h"
#include "kernel/lib/testdata/cpio_builder.h"

namespace {

using cpio_test::CpioBuilder;
using cpio_test::Member;
using cpio_test::patch;
using cpio_test::patch_hex;

CpioStatus status_of(const std::vector<uint8_t>& v) {
  return Cpio::open(v.data(), v.size()).status;
}

// Two files and the trailer; *second is the second header's offset.
std::vector<uint8_t> two_files(size_t* second) {
  CpioBuilder b;
  b.file("a", "AAAA");
  *second = b.file("bb", "BBBBB");
  b.trailer();
  return b.bytes();
}

TEST(CpioMalformedTest, BadMagic) {
  size_t at;
  for (const char* magic : {"070700", "070703", "070707", "07070 ", "\0\0\0\0\0\0", "170701"}) {
    std::vector<uint8_t> v = two_files(&at);
    patch(v, at, cpio_test::kOffMagic, std::string(magic, 6));
    EXPECT_EQ(status_of(v), CpioStatus::kBadMagic) << magic;
  }
  std::vector<uint8_t> v = two_files(&at);
  v[0] = 'x';
  EXPECT_EQ(status_of(v), CpioStatus::kBadMagic);
}

TEST(CpioMalformedTest, NonHexFields) {
  for (size_t field = 6; field < cpio_test::kHeader; field += 8) {
    for (const char* bad : {"0000000g", " 0000001", "0x000001", "-0000001", "0000000\0"}) {
      size_t at;
      std::vector<uint8_t> v = two_files(&at);
      patch(v, at, field, std::string(bad, 8));
      EXPECT_EQ(status_of(v), CpioStatus::kBadHeaderField) << field << " " << bad;
    }
  }
}

TEST(CpioMalformedTest, TruncatedHeader) {
  size_t at;
  const std::vector<uint8_t> full = two_files(&at);
  for (size_t len = at + 1; len < at + cpio_test::kHeader; ++len) {
    std::vector<uint8_t> v(full.begin(), full.begin() + static_cast<ptrdiff_t>(len));
    EXPECT_EQ(status_of(v), CpioStatus::kTruncatedHeader) << len;
  }
  std::vector<uint8_t> v(full.begin(), full.begin() + 50);
  EXPECT_EQ(status_of(v), CpioStatus::kTruncatedHeader);
}

TEST(CpioMalformedTest, NoTrailer) {
  size_t at;
  const std::vector<uint8_t> full = two_files(&at);
  std::vector<uint8_t> v(full.begin(), full.begin() + static_cast<ptrdiff_t>(at));
  EXPECT_EQ(status_of(v), CpioStatus::kNoTrailer);
}

TEST(CpioMalformedTest, TruncatedNameAndBody) {
  size_t at;
  const std::vector<uint8_t> full = two_files(&at);
  // Header of "bb": name at +110 ("bb\0" + 3 pad), data at +116 (5 bytes + 3 pad).
  const size_t name = at + cpio_test::kHeader;
  for (size_t len = name; len < name + 6; ++len) {
    std::vector<uint8_t> v(full.begin(), full.begin() + static_cast<ptrdiff_t>(len));
    EXPECT_EQ(status_of(v), CpioStatus::kTruncatedName) << len;
  }
  for (size_t len = name + 6; len < name + 14; ++len) {
    std::vector<uint8_t> v(full.begin(), full.begin() + static_cast<ptrdiff_t>(len));
    EXPECT_EQ(status_of(v), CpioStatus::kTruncatedBody) << len;
  }
}

TEST(CpioMalformedTest, SizesPastTheEnd) {
  // (6 would stay inside the padding and be a consistent archive.)
  for (uint32_t size : {9u, 100u, 0x7fffffffu, 0xfffffff0u, 0xffffffffu}) {
    size_t at;
    std::vector<uint8_t> v = two_files(&at);
    patch_hex(v, at, cpio_test::kOffFileSize, size);
    const CpioStatus s = status_of(v);
    // A size that stays inside the archive moves the next header onto other bytes.
    EXPECT_TRUE(s == CpioStatus::kTruncatedBody || s == CpioStatus::kTruncatedHeader ||
                s == CpioStatus::kBadMagic || s == CpioStatus::kBadPadding)
        << size << " " << cpio_status_name(s);
    if (size > 1000) {
      EXPECT_EQ(s, CpioStatus::kTruncatedBody);
    }
  }
  for (uint32_t namesize : {200u, 0x10000u, 0xffffffffu}) {
    size_t at;
    std::vector<uint8_t> v = two_files(&at);
    patch_hex(v, at, cpio_test::kOffNameSize, namesize);
    const CpioStatus s = status_of(v);
    EXPECT_TRUE(s == CpioStatus::kTruncatedName || s == CpioStatus::kNameTooLong)
        << namesize << " " << cpio_status_name(s);
  }
}

TEST(CpioMalformedTest, NameSizeZeroOrEmpty) {
  for (uint32_t namesize : {0u, 1u}) {
    size_t at;
    std::vector<uint8_t> v = two_files(&at);
    patch_hex(v, at, cpio_test::kOffNameSize, namesize);
    EXPECT_EQ(status_of(v), CpioStatus::kBadNameSize) << namesize;
  }
}

TEST(CpioMalformedTest, NameWithoutNul) {
  CpioBuilder b;
  Member m;
  m.name = "abc";  // 110 + 3 = 113: the writer's NUL would be at 113
  m.nul = false;
  m.namesize = 3;  // counts no NUL: the last name byte is 'c'
  m.data = "xyz!";
  b.add(m);
  b.trailer();
  EXPECT_EQ(status_of(b.bytes()), CpioStatus::kNameNotTerminated);

  // namesize covers an embedded NUL: "ab\0c\0".
  CpioBuilder b2;
  Member m2;
  m2.name = std::string("ab\0c", 4);
  b2.add(m2);
  b2.trailer();
  EXPECT_EQ(status_of(b2.bytes()), CpioStatus::kNameNotTerminated);
}

TEST(CpioMalformedTest, NameTooLong) {
  CpioBuilder ok;
  ok.file(std::string(kCpioMaxNameLength, 'n'), "x");
  ok.trailer();
  EXPECT_EQ(status_of(ok.bytes()), CpioStatus::kOk);
  CpioBuilder b;
  b.file(std::string(kCpioMaxNameLength + 1, 'n'), "x");
  b.trailer();
  EXPECT_EQ(status_of(b.bytes()), CpioStatus::kNameTooLong);
}

TEST(CpioMalformedTest, MissingOrNonzeroPadding) {
  // "abc" + NUL ends at 114: two bytes of name padding; "AAAAA": three of data padding.
  CpioBuilder b;
  Member m;
  m.name = "abc";
  m.data = "AAAAA";
  m.pad = false;
  b.add(m);
  b.trailer();
  EXPECT_NE(status_of(b.bytes()), CpioStatus::kOk);

  CpioBuilder good;
  good.file("abc", "AAAAA");
  good.trailer();
  const std::vector<uint8_t> base = good.bytes();
  ASSERT_EQ(status_of(base), CpioStatus::kOk);
  for (size_t pad : {114u, 115u, 121u, 122u, 123u}) {
    std::vector<uint8_t> v = base;
    ASSERT_EQ(v[pad], 0u) << pad;
    v[pad] = 'p';
    EXPECT_EQ(status_of(v), CpioStatus::kBadPadding) << pad;
  }
}

TEST(CpioMalformedTest, Misaligned) {
  CpioBuilder b;
  b.file("a", "A");
  b.trailer();
  std::vector<uint8_t> v = b.bytes();
  std::vector<uint8_t> shifted(v.size() + 1);
  std::copy(v.begin(), v.end(), shifted.begin() + 1);
  EXPECT_EQ(Cpio::open(shifted.data() + 1, v.size()).status, CpioStatus::kMisaligned);
}

TEST(CpioMalformedTest, TooManyEntries) {
  CpioBuilder at_cap;
  for (uint32_t i = 0; i < kCpioMaxEntries; ++i) at_cap.file("f", "");
  at_cap.trailer();
  const std::vector<uint8_t> v = at_cap.bytes();
  CpioOr<Cpio> c = Cpio::open(v.data(), v.size());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value.entry_count(), kCpioMaxEntries);

  CpioBuilder over;
  for (uint32_t i = 0; i <= kCpioMaxEntries; ++i) over.file("f", "");
  over.trailer();
  EXPECT_EQ(status_of(over.bytes()), CpioStatus::kTooManyEntries);
}

TEST(CpioMalformedTest, EveryTruncationOfAValidArchiveFails) {
  size_t at;
  const std::vector<uint8_t> full = two_files(&at);
  const size_t used = Cpio::open(full.data(), full.size()).value.used_size();
  for (size_t len = 0; len < used; ++len) {
    std::vector<uint8_t> v(full.begin(), full.begin() + static_cast<ptrdiff_t>(len));
    EXPECT_NE(status_of(v), CpioStatus::kOk) << len;
  }
}

}  // namespace
