// Signal handling for the runner: only async-signal-safe calls inside the handler.
#include "testing/runner/signal_pipe.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace qrv::runner {
namespace {

volatile sig_atomic_t g_guarded_group = 0;
volatile sig_atomic_t g_write_fd = -1;

void on_signal(int sig) {
  int saved_errno = errno;
  pid_t group = g_guarded_group;
  if (group > 0) kill(-group, SIGKILL);
  unsigned char byte = static_cast<unsigned char>(sig);
  if (g_write_fd >= 0) {
    ssize_t ignored = write(g_write_fd, &byte, 1);
    (void)ignored;
  }
  errno = saved_errno;
}

}  // namespace

absl::StatusOr<int> install_signal_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    return absl::InternalError(absl::StrCat("pipe2: ", std::strerror(errno)));
  }
  g_write_fd = fds[1];
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // No SA_RESTART: a blocked write returns so the loop sees the signal.
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    if (sigaction(sig, &action, nullptr) != 0) {
      return absl::InternalError(absl::StrCat("sigaction: ", std::strerror(errno)));
    }
  }
  return fds[0];
}

void guard_process_group(pid_t pgid) { g_guarded_group = pgid; }

int take_pending_signal(int read_fd) {
  unsigned char byte;
  ssize_t n = read(read_fd, &byte, 1);
  return n == 1 ? byte : 0;
}

}  // namespace qrv::runner
