// Bazel ends a test with SIGTERM (then SIGKILL), and a user with Ctrl-C: the handler
// installed here SIGKILLs the guarded QEMU process group at once, then reports the signal
// as a byte on a pipe that the runner's poll loop watches, so the run ends cleanly.
#pragma once

#include <sys/types.h>

#include "absl/status/statusor.h"

namespace qrv::runner {

// Installs handlers for SIGTERM, SIGINT and SIGHUP; returns the pipe's (nonblocking) read end.
absl::StatusOr<int> install_signal_pipe();

// The process group the handler kills (0: none). Set once QEMU runs, cleared before reaping.
void guard_process_group(pid_t pgid);

// Reads one reported signal from the pipe; 0 when none is pending.
int take_pending_signal(int read_fd);

}  // namespace qrv::runner
