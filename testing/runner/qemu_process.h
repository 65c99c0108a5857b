// QEMU as a child process: its own process group (so everything it starts can be killed at
// once), PR_SET_PDEATHSIG(SIGKILL) so it dies with the runner, console (stdout and stderr)
// on a nonblocking pipe. stdin is /dev/null, the runner's own (interactive runs), or a pipe
// whose write end the runner holds, nonblocking (so a guest that never reads cannot stall
// the runner), for tests that type into the serial console. The group is SIGKILLed and the
// child reaped on every path, including destruction, which also closes both pipes.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace qrv::runner {

enum class QemuStdin {
  kDevNull,  // Tests that only read the console.
  kInherit,  // Interactive runs without a terminal.
  kPipe,     // Tests with send steps: input_fd() is the write end.
};

class QemuProcess {
 public:
  // Starts argv (argv[0] looked up in PATH when it has no '/'). Fails with the exec error
  // (e.g. "No such file or directory").
  static absl::StatusOr<QemuProcess> spawn(const std::vector<std::string>& argv,
                                           QemuStdin stdin_mode);

  QemuProcess(QemuProcess&& other) noexcept;
  QemuProcess& operator=(QemuProcess&&) = delete;
  QemuProcess(const QemuProcess&) = delete;
  QemuProcess& operator=(const QemuProcess&) = delete;
  ~QemuProcess();

  int output_fd() const { return output_fd_; }
  // The nonblocking write end of QEMU's stdin (kPipe), -1 otherwise or once closed.
  int input_fd() const { return input_fd_; }
  void close_input();
  pid_t pid() const { return pid_; }

  // The wait status once the child has exited (non-blocking); stays set afterwards.
  std::optional<int> poll_exit();
  // SIGKILLs the whole process group (also after the leader exited, for stragglers).
  void kill_group();
  // kill_group, then waits for the child; returns its wait status.
  int kill_and_reap();

 private:
  QemuProcess(pid_t pid, int output_fd, int input_fd)
      : pid_(pid), output_fd_(output_fd), input_fd_(input_fd) {}

  pid_t pid_ = -1;
  int output_fd_ = -1;
  int input_fd_ = -1;
  std::optional<int> status_;
};

}  // namespace qrv::runner
