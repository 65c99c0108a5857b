// One QEMU run under watch: streams the console verbatim to stdout (and the log), matches
// expectations in order, and ends at the first of: panic pattern, timeout, signal to the
// runner, QEMU exit. QEMU's process group is killed on every one of those paths.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace qrv::runner {

struct SessionOptions {
  std::vector<std::string> argv;  // Full QEMU command line.
  bool inherit_stdin = false;     // Interactive runs without a terminal.
  bool match = true;              // False: pass bytes through, no expectations or panics.
  std::vector<std::string> expected;
  std::vector<std::string> panic_patterns;
  absl::Duration timeout = absl::Seconds(60);
  int expect_exit = 0;            // kAnyExitStatus: stop QEMU once all lines matched.
  std::FILE* log = nullptr;       // Optional copy of the console.
  int signal_fd = -1;             // From install_signal_pipe().
};

struct SessionResult {
  bool pass = false;
  std::string summary;  // Printed after "qemu_runner: PASS " or "qemu_runner: FAIL: ".
};

SessionResult run_session(const SessionOptions& options);

}  // namespace qrv::runner
