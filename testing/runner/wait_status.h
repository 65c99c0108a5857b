// Reading waitpid() statuses: a readable description for reports, and the check against
// the exit status a test expects. QEMU's sifive_test finisher exits 0 on a pass write and
// `code` on a fail write of (code << 16) | 0x3333; SBI SRST shutdown exits 0.
#pragma once

#include <string>

namespace qrv::runner {

// Means "any exit status will do" for --expect_exit.
inline constexpr int kAnyExitStatus = -1;

// "exited with status 3", "killed by signal 9 (Killed)".
std::string describe_wait_status(int status);

// True when the process exited normally with `expected` (or any status for kAnyExitStatus).
// A process killed by a signal never matches.
bool exit_status_matches(int status, int expected);

}  // namespace qrv::runner
