// ElfSymbols: section headers -> .symtab/.strtab -> STT_FUNC and untyped text symbols.
// ELF64 layouts per the System V gABI (Elf64_Ehdr, Elf64_Shdr, Elf64_Sym).
#include "testing/runner/elf_symbols.h"

#include <cxxabi.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace qrv::runner {
namespace {

constexpr uint32_t kShtSymtab = 2;
constexpr uint64_t kShfExecinstr = 0x4;
constexpr uint8_t kSttNotype = 0;
constexpr uint8_t kSttFunc = 2;
constexpr uint16_t kShnUndef = 0;
constexpr uint16_t kShnLoreserve = 0xff00;
constexpr size_t kEhdrSize = 64;
constexpr size_t kShdrSize = 64;
constexpr size_t kSymSize = 24;

absl::Status bad(const char* why) {
  return absl::InvalidArgumentError(absl::StrCat("not a usable ELF64 file: ", why));
}

// Little-endian reads that fail instead of reading past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool fits(uint64_t offset, uint64_t size) const {
    return offset <= bytes_.size() && size <= bytes_.size() - offset;
  }
  uint64_t le(uint64_t offset, int width) const {
    uint64_t v = 0;
    for (int i = width - 1; i >= 0; --i) {
      v = (v << 8) | static_cast<uint8_t>(bytes_[offset + static_cast<uint64_t>(i)]);
    }
    return v;
  }
  std::string_view bytes() const { return bytes_; }

 private:
  std::string_view bytes_;
};

struct Section {
  uint32_t type;
  uint64_t flags;
  uint64_t addr;
  uint64_t offset;
  uint64_t size;
  uint32_t link;
  uint64_t entsize;
};

Section section_at(const Reader& r, uint64_t off) {
  return {static_cast<uint32_t>(r.le(off + 4, 4)), r.le(off + 8, 8),  r.le(off + 16, 8),
          r.le(off + 24, 8),                       r.le(off + 32, 8), static_cast<uint32_t>(r.le(off + 40, 4)),
          r.le(off + 56, 8)};
}

}  // namespace

std::string demangle(const std::string& name) {
  if (name.rfind("_Z", 0) != 0) return name;
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> out(
      abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status), std::free);
  return status == 0 && out ? std::string(out.get()) : name;
}

absl::StatusOr<ElfSymbols> ElfSymbols::parse(std::string_view file) {
  Reader r(file);
  if (!r.fits(0, kEhdrSize) || file.substr(0, 4) != "\x7f" "ELF") return bad("no ELF header");
  if (file[4] != 2 || file[5] != 1) return bad("not 64-bit little-endian");
  const uint64_t shoff = r.le(0x28, 8);
  const uint64_t shentsize = r.le(0x3a, 2);
  const uint64_t shnum = r.le(0x3c, 2);
  if (shentsize != kShdrSize || !r.fits(shoff, shnum * kShdrSize)) {
    return bad("section headers out of bounds");
  }
  std::vector<Section> sections;
  for (uint64_t i = 0; i < shnum; ++i) sections.push_back(section_at(r, shoff + i * kShdrSize));

  ElfSymbols out;
  bool have_text = false;
  for (const Section& s : sections) {
    if ((s.flags & kShfExecinstr) == 0 || s.size == 0) continue;
    if (!have_text || s.addr < out.text_begin_) out.text_begin_ = s.addr;
    if (!have_text || s.addr + s.size > out.text_end_) out.text_end_ = s.addr + s.size;
    have_text = true;
  }
  const Section* symtab = nullptr;
  for (const Section& s : sections) {
    if (s.type == kShtSymtab) symtab = &s;
  }
  if (symtab == nullptr) return bad("no .symtab (stripped?)");
  if (symtab->entsize != kSymSize || !r.fits(symtab->offset, symtab->size) ||
      symtab->link >= sections.size()) {
    return bad(".symtab out of bounds");
  }
  const Section& strtab = sections[symtab->link];
  if (!r.fits(strtab.offset, strtab.size)) return bad(".strtab out of bounds");
  std::string_view strings = file.substr(strtab.offset, strtab.size);

  for (uint64_t off = symtab->offset; off + kSymSize <= symtab->offset + symtab->size;
       off += kSymSize) {
    const uint64_t name_off = r.le(off, 4);
    const uint8_t type = static_cast<uint8_t>(r.le(off + 4, 1) & 0xf);
    const uint16_t shndx = static_cast<uint16_t>(r.le(off + 6, 2));
    const uint64_t value = r.le(off + 8, 8);
    const uint64_t size = r.le(off + 16, 8);
    if (shndx == kShnUndef || shndx >= kShnLoreserve || shndx >= sections.size()) continue;
    if ((sections[shndx].flags & kShfExecinstr) == 0) continue;
    if (type != kSttFunc && type != kSttNotype) continue;
    if (name_off >= strings.size()) return bad("symbol name out of bounds");
    size_t end = strings.find('\0', name_off);
    if (end == std::string_view::npos) return bad("unterminated symbol name");
    std::string name(strings.substr(name_off, end - name_off));
    // Skip the assembler's local labels ($x, .L...), which name no function.
    if (name.empty() || name[0] == '$' || name.rfind(".L", 0) == 0) continue;
    out.symbols_.push_back({value, size, demangle(name)});
  }
  // By address; at one address, labels first, so a backwards walk meets functions first.
  std::stable_sort(out.symbols_.begin(), out.symbols_.end(),
                   [](const ElfSymbol& a, const ElfSymbol& b) {
                     if (a.address != b.address) return a.address < b.address;
                     return a.size < b.size;
                   });
  return out;
}

absl::StatusOr<ElfSymbols> ElfSymbols::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot open '", path, "': ", std::strerror(errno)));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  absl::StatusOr<ElfSymbols> symbols = parse(ss.str());
  if (!symbols.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", symbols.status().message()));
  }
  return symbols;
}

std::optional<SymbolHit> ElfSymbols::lookup(uint64_t address) const {
  if (address < text_begin_ || address >= text_end_) return std::nullopt;
  auto it = std::upper_bound(symbols_.begin(), symbols_.end(), address,
                             [](uint64_t a, const ElfSymbol& s) { return a < s.address; });
  // Back from the nearest symbol at or below `address`: a sized function that contains it
  // wins; an unsized label counts only when it is the nearest.
  for (bool nearest = true; it != symbols_.begin(); nearest = false) {
    --it;
    const uint64_t offset = address - it->address;
    if (it->size == 0 ? nearest : offset < it->size) return SymbolHit{&*it, offset};
  }
  return std::nullopt;
}

}  // namespace qrv::runner
