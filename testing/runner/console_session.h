// One QEMU run under watch: streams the console verbatim to stdout (and the log), runs the
// steps in order (expectations matched on partial and complete lines, send steps written to
// QEMU's stdin, a pipe then, without ever blocking the runner: console_matcher.h), and ends
// at the first of: panic pattern, timeout, signal to the runner, QEMU exit; after a panic
// line the rest of the report (backtrace) is still shown until QEMU exits or a short grace
// ends. QEMU's process group is killed on every path.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "testing/runner/backtrace_symbolizer.h"
#include "testing/runner/elf_symbols.h"
#include "testing/runner/expect_steps.h"

namespace qrv::runner {

struct SessionOptions {
  std::vector<std::string> argv;  // Full QEMU command line.
  bool inherit_stdin = false;     // Interactive runs without a terminal.
  bool match = true;              // False: pass bytes through, no expectations or panics.
  std::vector<ExpectStep> steps;  // With a send step, QEMU's stdin is the runner's pipe.
  std::vector<std::string> panic_patterns;
  absl::Duration timeout = absl::Seconds(60);
  int expect_exit = 0;            // kAnyExitStatus: stop QEMU once all lines matched.
  std::FILE* log = nullptr;       // Optional copy of the console.
  int signal_fd = -1;             // From install_signal_pipe().
  // Names kernel addresses on each console line (before matching); null: lines verbatim.
  const ElfSymbols* symbols = nullptr;
  SourceLocator locate;  // Optional file:line for those addresses.
  // After a panic line, how long the console is still read (the backtrace, the power-off)
  // before QEMU is killed and the run fails.
  absl::Duration panic_grace = absl::Seconds(2);
};

struct SessionResult {
  bool pass = false;
  std::string summary;  // Printed after "qemu_runner: PASS " or "qemu_runner: FAIL: ".
};

SessionResult run_session(const SessionOptions& options);

}  // namespace qrv::runner
