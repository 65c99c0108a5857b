// file:line for kernel addresses, by asking binutils' addr2line about the kernel's ELF
// (its DWARF line tables). One short-lived addr2line per address: backtraces are short.
#pragma once

#include <string>

#include "testing/runner/backtrace_symbolizer.h"

namespace qrv::runner {

// A locator running `addr2line -e elf ADDRESS`; answers "" when addr2line fails.
SourceLocator addr2line_locator(std::string addr2line, std::string elf);

}  // namespace qrv::runner
