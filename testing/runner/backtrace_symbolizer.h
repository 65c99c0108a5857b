// Names the kernel addresses on a console line: every 16-digit 0x address inside the ELF's
// text gets "  [function+0xoffset file:line]" appended to the line, in the order the
// addresses appear, so an expectation that matched the bare line still matches.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "testing/runner/elf_symbols.h"

namespace qrv::runner {

// "file:line" of an address from the ELF's debug info, or "" when unknown.
using SourceLocator = std::function<std::string(uint64_t address)>;

// Backtrace frames "#N 0x..." with N >= 1 hold return addresses: they are looked up one byte
// back, so a call that is the last instruction of its function names that function (and
// the call's line). With a locator, each note is "[function+0xoffset file:line]".
std::string symbolize_line(const ElfSymbols& symbols, std::string_view line,
                           const SourceLocator& locate = nullptr);

// Tidies addr2line's answer: "/proc/self/cwd/kernel/x.cc:12 (discriminator 3)\n" ->
// "kernel/x.cc:12"; "??:0" and "??:?" -> "".
std::string clean_source_location(std::string_view addr2line_output);

}  // namespace qrv::runner
