// symbolize_line: scan for "0x" + 16 hex digits, look each up, append the names (and
// source lines).
#include "testing/runner/backtrace_symbolizer.h"

#include <cctype>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace qrv::runner {
namespace {

constexpr size_t kDigits = 16;

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// True if the address token starting at `pos` follows "#N" (N >= 1) and blanks.
bool is_return_frame(std::string_view line, size_t pos) {
  size_t i = pos;
  while (i > 0 && line[i - 1] == ' ') --i;
  size_t digits_end = i;
  while (i > 0 && std::isdigit(static_cast<unsigned char>(line[i - 1]))) --i;
  if (i == digits_end || i == 0 || line[i - 1] != '#') return false;
  return line.substr(i, digits_end - i) != "0";
}

// "f() [clone .constprop.0] [clone .isra.0]" -> "f()": GCC's clones are the same function.
std::string without_clones(std::string name) {
  for (size_t at; (at = name.find(" [clone ")) != std::string::npos;) {
    size_t end = name.find(']', at);
    name.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
  }
  return name;
}

}  // namespace

std::string clean_source_location(std::string_view out) {
  std::string s(out.substr(0, out.find('\n')));
  if (size_t at = s.find(" (discriminator"); at != std::string::npos) s.erase(at);
  constexpr std::string_view kSandboxCwd = "/proc/self/cwd/";
  if (s.rfind(kSandboxCwd, 0) == 0) s.erase(0, kSandboxCwd.size());
  if (s.empty() || s.rfind("??", 0) == 0) return "";
  return s;
}

std::string symbolize_line(const ElfSymbols& symbols, std::string_view line,
                           const SourceLocator& locate) {
  std::string notes;
  for (size_t pos = 0; (pos = line.find("0x", pos)) != std::string_view::npos;) {
    size_t end = pos + 2;
    while (end < line.size() && is_hex(line[end])) ++end;
    const bool whole_token =
        (pos == 0 || std::isalnum(static_cast<unsigned char>(line[pos - 1])) == 0) &&
        (end == line.size() || std::isalnum(static_cast<unsigned char>(line[end])) == 0) &&
        end - pos - 2 == kDigits;
    if (whole_token) {
      uint64_t address = 0;
      for (size_t i = pos + 2; i < end; ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(line[i])));
        address = (address << 4) | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      }
      const bool ret = is_return_frame(line, pos) && address > 0;
      const uint64_t where = ret ? address - 1 : address;
      if (std::optional<SymbolHit> hit = symbols.lookup(where)) {
        absl::StrAppend(&notes, "  [", without_clones(hit->symbol->name),
                        absl::StrFormat("+0x%x", hit->offset + (ret ? 1 : 0)));
        if (locate) {
          if (std::string source = locate(where); !source.empty()) {
            absl::StrAppend(&notes, " ", source);
          }
        }
        notes += "]";
      }
    }
    pos = end;
  }
  return std::string(line) + notes;
}

}  // namespace qrv::runner
