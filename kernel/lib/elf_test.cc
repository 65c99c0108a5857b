// elf_parse against hand-built executables: the good case, every header and
// segment check, and a mutation loop that must never crash (see _asan twin).
#include "kernel/lib/elf.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

namespace {

constexpr uint64_t kUserLo = 0x1000;
constexpr uint64_t kUserHi = 0x4000000000;

struct Seg {
  uint32_t type = 1;
  uint32_t flags = 5;  // R+X
  uint64_t offset = 0x1000;
  uint64_t vaddr = 0x10000;
  uint64_t filesz = 0x100;
  uint64_t memsz = 0x100;
  uint64_t align = 0x1000;
};

void put(std::vector<uint8_t>& b, size_t off, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) b[off + static_cast<size_t>(i)] = static_cast<uint8_t>(v >> (8 * i));
}

std::vector<uint8_t> build(const std::vector<Seg>& segs, uint64_t entry = 0x10000, size_t size = 0x3000) {
  std::vector<uint8_t> b(size, 0);
  const uint8_t ident[] = {0x7f, 'E', 'L', 'F', 2, 1, 1};
  std::memcpy(b.data(), ident, sizeof ident);
  put(b, 16, 2, 2);    // ET_EXEC
  put(b, 18, 243, 2);  // EM_RISCV
  put(b, 20, 1, 4);
  put(b, 24, entry, 8);
  put(b, 32, 64, 8);  // phoff
  put(b, 52, 64, 2);
  put(b, 54, 56, 2);
  put(b, 56, segs.size(), 2);
  for (size_t i = 0; i < segs.size(); ++i) {
    size_t p = 64 + 56 * i;
    put(b, p, segs[i].type, 4);
    put(b, p + 4, segs[i].flags, 4);
    put(b, p + 8, segs[i].offset, 8);
    put(b, p + 16, segs[i].vaddr, 8);
    put(b, p + 24, segs[i].vaddr, 8);
    put(b, p + 32, segs[i].filesz, 8);
    put(b, p + 40, segs[i].memsz, 8);
    put(b, p + 48, segs[i].align, 8);
  }
  return b;
}

ElfStatus parse(const std::vector<uint8_t>& b, ElfImage& img) {
  return elf_parse(b.data(), b.size(), kUserLo, kUserHi, img);
}

ElfStatus parse(const std::vector<uint8_t>& b) {
  ElfImage img;
  return parse(b, img);
}

Seg data_seg() {
  Seg d;
  d.flags = 6;  // R+W
  d.offset = 0x2000;
  d.vaddr = 0x12000;
  d.filesz = 0x80;
  d.memsz = 0x5000;  // .bss tail
  return d;
}

TEST(Elf, ParsesTextAndData) {
  ElfImage img;
  ASSERT_EQ(parse(build({Seg{}, data_seg()}, 0x10010), img), ElfStatus::kOk);
  EXPECT_EQ(img.entry, 0x10010u);
  ASSERT_EQ(img.segment_count, 2u);
  EXPECT_EQ(img.segments[0].vaddr, 0x10000u);
  EXPECT_EQ(img.segments[0].prot, kElfProtRead | kElfProtExec);
  EXPECT_EQ(img.segments[1].memsz, 0x5000u);
  EXPECT_EQ(img.segments[1].filesz, 0x80u);
  EXPECT_EQ(img.segments[1].prot, kElfProtRead | kElfProtWrite);
}

TEST(Elf, SkipsNonLoadAndEmptySegments) {
  Seg note;
  note.type = 4;
  Seg empty = data_seg();
  empty.memsz = 0;
  empty.filesz = 0;
  ElfImage img;
  ASSERT_EQ(parse(build({note, Seg{}, empty}), img), ElfStatus::kOk);
  EXPECT_EQ(img.segment_count, 1u);
}

TEST(Elf, RejectsBadHeaders) {
  auto good = build({Seg{}});
  EXPECT_EQ(parse(std::vector<uint8_t>(good.begin(), good.begin() + 63)), ElfStatus::kTooSmall);
  auto b = good;
  b[1] = 'X';
  EXPECT_EQ(parse(b), ElfStatus::kBadMagic);
  b = good;
  b[4] = 1;
  EXPECT_EQ(parse(b), ElfStatus::kNotElf64);
  b = good;
  b[5] = 2;
  EXPECT_EQ(parse(b), ElfStatus::kNotLittleEndian);
  b = good;
  put(b, 20, 0, 4);
  EXPECT_EQ(parse(b), ElfStatus::kBadVersion);
  b = good;
  put(b, 16, 3, 2);  // ET_DYN
  EXPECT_EQ(parse(b), ElfStatus::kNotExecutable);
  b = good;
  put(b, 18, 62, 2);  // x86-64
  EXPECT_EQ(parse(b), ElfStatus::kWrongMachine);
  b = good;
  put(b, 54, 32, 2);
  EXPECT_EQ(parse(b), ElfStatus::kBadHeaderSize);
}

TEST(Elf, RejectsProgramHeadersOutsideTheFile) {
  auto b = build({Seg{}});
  put(b, 32, b.size() - 10, 8);
  EXPECT_EQ(parse(b), ElfStatus::kPhdrsOutOfFile);
  b = build({Seg{}});
  put(b, 32, ~uint64_t{0} - 8, 8);  // offset + size wraps
  EXPECT_EQ(parse(b), ElfStatus::kPhdrsOutOfFile);
  b = build({Seg{}});
  put(b, 56, 0xffff, 2);
  EXPECT_EQ(parse(b), ElfStatus::kPhdrsOutOfFile);
}

TEST(Elf, RejectsBadSegments) {
  Seg s;
  s.offset = 0x2f80;
  s.vaddr = 0x10f80;
  s.filesz = 0x100;
  s.memsz = 0x100;
  EXPECT_EQ(parse(build({s}, 0x10f80)), ElfStatus::kSegmentOutOfFile);
  s = Seg{};
  s.offset = ~uint64_t{0};
  EXPECT_EQ(parse(build({s})), ElfStatus::kSegmentOutOfFile);
  s = Seg{};
  s.memsz = 0x10;
  EXPECT_EQ(parse(build({s})), ElfStatus::kSegmentFileTooBig);
  s = Seg{};
  s.align = 0x3000;
  EXPECT_EQ(parse(build({s})), ElfStatus::kSegmentBadAlign);
  s = Seg{};
  s.vaddr = 0x10010;  // offset 0x1000: disagree modulo 4 KiB
  EXPECT_EQ(parse(build({s}, 0x10010)), ElfStatus::kSegmentBadAlign);
  s = Seg{};
  s.vaddr = 0;
  s.offset = 0;
  EXPECT_EQ(parse(build({s}, 0)), ElfStatus::kSegmentOutOfRange);
  s = Seg{};
  s.vaddr = 0xffffffc080200000;  // kernel half
  s.offset = 0;
  EXPECT_EQ(parse(build({s}, 0xffffffc080200000)), ElfStatus::kSegmentOutOfRange);
  s = Seg{};
  s.vaddr = kUserHi - 0x1000;
  s.offset = 0;
  s.memsz = ~uint64_t{0} - 0x100;  // wraps
  EXPECT_EQ(parse(build({s}, kUserHi - 0x1000)), ElfStatus::kSegmentOutOfRange);
  s = Seg{};
  s.flags = 7;
  EXPECT_EQ(parse(build({s})), ElfStatus::kSegmentWritableExecutable);
}

TEST(Elf, RejectsOverlapsAndBadEntry) {
  Seg d = data_seg();
  d.vaddr = 0x10080;  // same page as text
  d.offset = 0x2080;
  EXPECT_EQ(parse(build({Seg{}, d})), ElfStatus::kSegmentsOverlap);
  EXPECT_EQ(parse(build({Seg{}, data_seg()}, 0x12000)), ElfStatus::kEntryNotExecutable);
  EXPECT_EQ(parse(build({Seg{}}, 0x10100)), ElfStatus::kEntryNotExecutable);  // one past the end
  EXPECT_EQ(parse(build({})), ElfStatus::kNoLoadableSegment);
  std::vector<Seg> many;
  for (uint64_t i = 0; i <= kElfMaxSegments; ++i) {
    Seg s;
    s.vaddr = 0x10000 + i * 0x1000;
    s.offset = 0x1000;
    s.vaddr = 0x10000 + i * 0x10000;
    many.push_back(s);
  }
  EXPECT_EQ(parse(build(many)), ElfStatus::kTooManySegments);
}

TEST(Elf, EveryStatusHasAName) {
  for (int s = 0; s <= static_cast<int>(ElfStatus::kSegmentWritableExecutable); ++s) {
    EXPECT_STRNE(elf_status_name(static_cast<ElfStatus>(s)), "unknown ELF status");
  }
}

TEST(Elf, MutatedImagesNeverCrash) {
  const auto good = build({Seg{}, data_seg()}, 0x10010);
  std::mt19937_64 rng(12345);
  int ok = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    auto b = good;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < flips; ++k) {
      size_t pos = rng() % 400;  // headers and program headers
      b[pos] = static_cast<uint8_t>(rng());
    }
    b.resize(rng() % 2 ? b.size() : rng() % b.size());
    ElfImage img;
    if (parse(b, img) == ElfStatus::kOk) {
      ++ok;
      for (uint32_t i = 0; i < img.segment_count; ++i) {
        const ElfSegment& s = img.segments[i];
        ASSERT_LE(s.file_offset + s.filesz, b.size());
        ASSERT_GE(s.vaddr, kUserLo);
        ASSERT_LE(s.vaddr + s.memsz, kUserHi);
      }
    }
  }
  EXPECT_GT(ok, 0);  // some mutations are harmless: the parser is not rejecting everything
}

}  // namespace
