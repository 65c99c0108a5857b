// The function symbols of a 64-bit little-endian ELF (the kernel's image.elf), read from its
// .symtab and .strtab with every offset and size bounds-checked, for naming the addresses
// in the kernel's backtraces. Names are demangled; lookups find the enclosing function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace qrv::runner {

struct ElfSymbol {
  uint64_t address = 0;
  uint64_t size = 0;  // 0 for assembly labels without .size
  std::string name;   // demangled
};

struct SymbolHit {
  const ElfSymbol* symbol = nullptr;
  uint64_t offset = 0;  // address - symbol->address
};

class ElfSymbols {
 public:
  // Fails (InvalidArgument) on anything but a well-formed ELF64 LE file with a .symtab.
  static absl::StatusOr<ElfSymbols> parse(std::string_view file);
  static absl::StatusOr<ElfSymbols> read(const std::string& path);

  // The function containing `address`: the nearest symbol at or below it, if `address` is
  // inside its size (or, for a sized-0 label, before the next symbol and inside the text).
  std::optional<SymbolHit> lookup(uint64_t address) const;

  const std::vector<ElfSymbol>& symbols() const { return symbols_; }
  uint64_t text_begin() const { return text_begin_; }
  uint64_t text_end() const { return text_end_; }

 private:
  std::vector<ElfSymbol> symbols_;  // sorted by address
  uint64_t text_begin_ = 0;         // lowest and one past highest executable section address
  uint64_t text_end_ = 0;
};

// "_ZN3foo3barEv" -> "foo::bar()"; anything that is not a mangled name comes back unchanged.
std::string demangle(const std::string& name);

}  // namespace qrv::runner
