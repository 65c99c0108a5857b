// ElfSymbols and symbolize_line against small ELF files built here byte by byte: function
// lookup, labels, data symbols ignored, demangling, return-address frames, and every kind
// of truncated or malformed file refused.
#include "testing/runner/elf_symbols.h"

#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "testing/runner/backtrace_symbolizer.h"

namespace qrv::runner {
namespace {

constexpr uint64_t kText = 0xffffffc080200000;

struct Sym {
  std::string name;
  uint64_t value;
  uint64_t size;
  uint8_t type;    // 0 notype, 1 object, 2 func
  uint16_t shndx;  // 1 .text, 2 .data, 0 undefined
};

void put(std::string& out, uint64_t offset, uint64_t value, int width) {
  if (out.size() < offset + static_cast<uint64_t>(width)) out.resize(offset + static_cast<uint64_t>(width));
  for (int i = 0; i < width; ++i) out[offset + static_cast<uint64_t>(i)] = static_cast<char>(value >> (8 * i));
}

// Sections: 0 null, 1 .text (AX, 0x1000 bytes at kText), 2 .data (WA), 3 .symtab, 4 .strtab.
std::string build_elf(const std::vector<Sym>& syms) {
  std::string strtab(1, '\0');
  std::string symtab(24, '\0');  // symbol 0 is null
  for (const Sym& s : syms) {
    std::string entry;
    put(entry, 0, strtab.size(), 4);
    put(entry, 4, s.type, 1);
    put(entry, 6, s.shndx, 2);
    put(entry, 8, s.value, 8);
    put(entry, 16, s.size, 8);
    symtab += entry;
    strtab += s.name + '\0';
  }
  std::string elf(64, '\0');
  elf.replace(0, 6, "\x7f" "ELF\x02\x01");
  const uint64_t symtab_off = elf.size();
  elf += symtab;
  const uint64_t strtab_off = elf.size();
  elf += strtab;
  const uint64_t shoff = elf.size();
  put(elf, 0x28, shoff, 8);
  put(elf, 0x3a, 64, 2);
  put(elf, 0x3c, 5, 2);
  struct Sh { uint32_t type; uint64_t flags, addr, off, size; uint32_t link; uint64_t entsize; };
  const Sh sh[5] = {{0, 0, 0, 0, 0, 0, 0},
                    {1, 0x6, kText, 0, 0x1000, 0, 0},
                    {1, 0x3, kText + 0x2000, 0, 0x100, 0, 0},
                    {2, 0, 0, symtab_off, symtab.size(), 4, 24},
                    {3, 0, 0, strtab_off, strtab.size(), 0, 0}};
  for (int i = 0; i < 5; ++i) {
    const uint64_t o = shoff + 64 * static_cast<uint64_t>(i);
    put(elf, o + 4, sh[i].type, 4);
    put(elf, o + 8, sh[i].flags, 8);
    put(elf, o + 16, sh[i].addr, 8);
    put(elf, o + 24, sh[i].off, 8);
    put(elf, o + 32, sh[i].size, 8);
    put(elf, o + 40, sh[i].link, 4);
    put(elf, o + 56, sh[i].entsize, 8);
  }
  return elf;
}

const std::vector<Sym> kSyms = {
    {"_start", kText, 0, 0, 1},                      // assembly label, no size
    {"kmain", kText + 0x100, 0x80, 2, 1},
    {"_ZN12_GLOBAL__N_19load_fromEm.constprop.0.isra.0", kText + 0x200, 0x20, 2, 1},
    {"$x", kText + 0x200, 0, 0, 1},                  // mapping symbol: ignored
    {".L42", kText + 0x210, 0, 0, 1},                // local label: ignored
    {"g_data", kText + 0x2000, 8, 1, 2},             // object: ignored
    {"undefined_thing", 0, 0, 2, 0},
};

std::string name_at(const ElfSymbols& s, uint64_t address) {
  std::optional<SymbolHit> hit = s.lookup(address);
  return hit ? hit->symbol->name + "+" + std::to_string(hit->offset) : "none";
}

TEST(ElfSymbols, FindsTheEnclosingFunction) {
  absl::StatusOr<ElfSymbols> s = ElfSymbols::parse(build_elf(kSyms));
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->symbols().size(), 3u);
  EXPECT_EQ(s->text_begin(), kText);
  EXPECT_EQ(s->text_end(), kText + 0x1000);
  EXPECT_EQ(name_at(*s, kText), "_start+0");
  EXPECT_EQ(name_at(*s, kText + 0xfe), "_start+254");  // a label reaches to the next symbol
  EXPECT_EQ(name_at(*s, kText + 0x100), "kmain+0");
  EXPECT_EQ(name_at(*s, kText + 0x17f), "kmain+127");
  EXPECT_EQ(name_at(*s, kText + 0x180), "none");       // past kmain's size, before the next
  EXPECT_EQ(name_at(*s, kText + 0x21c),
            "(anonymous namespace)::load_from(unsigned long) [clone .constprop.0] [clone "
            ".isra.0]+28");
  EXPECT_EQ(name_at(*s, kText + 0x1000), "none");      // outside the text
  EXPECT_EQ(name_at(*s, kText + 0x2000), "none");      // data
  EXPECT_EQ(name_at(*s, kText - 1), "none");
}

TEST(ElfSymbols, RefusesMalformedFiles) {
  const std::string good = build_elf(kSyms);
  EXPECT_FALSE(ElfSymbols::parse("").ok());
  EXPECT_FALSE(ElfSymbols::parse("not an elf file at all, but long enough to hold a header....").ok());
  std::string elf32 = good;
  elf32[4] = 1;
  EXPECT_FALSE(ElfSymbols::parse(elf32).ok());
  // Every truncation fails cleanly (the section headers are at the end).
  for (size_t n = 0; n < good.size(); n += 7) {
    EXPECT_FALSE(ElfSymbols::parse(good.substr(0, n)).ok()) << n;
  }
  std::string bad_name = build_elf({{"f", kText, 4, 2, 1}});
  // Point symbol 1's name past the string table.
  const uint64_t symtab_off = 64;
  put(bad_name, symtab_off + 24, 0xffff, 4);
  EXPECT_FALSE(ElfSymbols::parse(bad_name).ok());
  std::string no_symtab = good;
  put(no_symtab, good.size() - 2 * 64 + 4, 1, 4);  // .symtab becomes PROGBITS
  EXPECT_FALSE(ElfSymbols::parse(no_symtab).ok());
}

TEST(ElfSymbols, ReadsFilesAndReportsMissingOnes) {
  EXPECT_EQ(ElfSymbols::read("/nonexistent/image.elf").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(Demangle, NamesAndNonNames) {
  EXPECT_EQ(demangle("_Z6kpanicPKcz"), "kpanic(char const*, ...)");
  EXPECT_EQ(demangle("trap_entry"), "trap_entry");
  EXPECT_EQ(demangle("_Znot_valid"), "_Znot_valid");
}

TEST(SymbolizeLine, AppendsNamesAndKeepsTheLine) {
  absl::StatusOr<ElfSymbols> s = ElfSymbols::parse(build_elf(kSyms));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(symbolize_line(*s, "  #0  0xffffffc080200210"),
            "  #0  0xffffffc080200210  [(anonymous namespace)::load_from(unsigned long)+0x10]");
  // A return address that is the first byte after a function names that function.
  EXPECT_EQ(symbolize_line(*s, "  #3  0xffffffc080200180"), "  #3  0xffffffc080200180  [kmain+0x80]");
  EXPECT_EQ(symbolize_line(*s, "  #0  0xffffffc080200180"), "  #0  0xffffffc080200180");
  EXPECT_EQ(symbolize_line(*s, "  sepc 0xffffffc080200104  stval 0x0000000000000010  ra 0xFFFFFFC080200000"),
            "  sepc 0xffffffc080200104  stval 0x0000000000000010  ra 0xFFFFFFC080200000"
            "  [kmain+0x4]  [_start+0x0]");
  // Not 16 digits, or part of a longer token: left alone.
  EXPECT_EQ(symbolize_line(*s, "pc 0xffffffc08020010 x0xffffffc080200104 0xffffffc0802001040"),
            "pc 0xffffffc08020010 x0xffffffc080200104 0xffffffc0802001040");
  EXPECT_EQ(symbolize_line(*s, "qrv: boot complete"), "qrv: boot complete");
}

TEST(SymbolizeLine, AddsSourceLinesWhenALocatorKnowsThem) {
  absl::StatusOr<ElfSymbols> s = ElfSymbols::parse(build_elf(kSyms));
  ASSERT_TRUE(s.ok());
  std::vector<uint64_t> asked;
  SourceLocator locate = [&](uint64_t a) -> std::string {
    asked.push_back(a);
    return a == kText + 0x17f ? "kernel/init/main.cc:57" : "";
  };
  EXPECT_EQ(symbolize_line(*s, "  #1  0xffffffc080200180  #0  0xffffffc080200000", locate),
            "  #1  0xffffffc080200180  #0  0xffffffc080200000  [kmain+0x80 kernel/init/main.cc:57]"
            "  [_start+0x0]");
  // The return address is located at the call (one byte back), like the function.
  EXPECT_EQ(asked, (std::vector<uint64_t>{kText + 0x17f, kText}));
}

TEST(CleanSourceLocation, TidiesAddr2lineOutput) {
  EXPECT_EQ(clean_source_location("/proc/self/cwd/kernel/init/main.cc:53\n"),
            "kernel/init/main.cc:53");
  EXPECT_EQ(clean_source_location("kernel/lib/fdt.cc:120 (discriminator 2)\n"),
            "kernel/lib/fdt.cc:120");
  EXPECT_EQ(clean_source_location("??:0\n"), "");
  EXPECT_EQ(clean_source_location("??:?\n"), "");
  EXPECT_EQ(clean_source_location(""), "");
}

}  // namespace
}  // namespace qrv::runner
