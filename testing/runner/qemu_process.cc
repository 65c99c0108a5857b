// QemuProcess: fork/exec with a process group, parent-death signal, exec-error pipe and an
// optional stdin pipe.
#include "testing/runner/qemu_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "testing/runner/signal_pipe.h"

namespace qrv::runner {
namespace {

absl::Status errno_status(const char* what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

// Runs in the forked child: only async-signal-safe calls until exec.
[[noreturn]] void exec_child(char* const* args, pid_t parent, int stdin_fd, int output_fd,
                             int error_fd) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);  // The runner died before prctl took effect.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  signal(SIGPIPE, SIG_DFL);  // An ignored disposition would survive exec.
  if (stdin_fd >= 0) dup2(stdin_fd, STDIN_FILENO);
  dup2(output_fd, STDOUT_FILENO);
  dup2(output_fd, STDERR_FILENO);
  execvp(args[0], args);
  int err = errno;
  ssize_t ignored = write(error_fd, &err, sizeof err);
  (void)ignored;
  _exit(127);
}

absl::Status set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
    return errno_status("fcntl O_NONBLOCK");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<QemuProcess> QemuProcess::spawn(const std::vector<std::string>& argv,
                                               QemuStdin stdin_mode) {
  if (argv.empty() || argv[0].empty()) return absl::InvalidArgumentError("empty QEMU command");
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return errno_status("pipe2");
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    absl::Status status = errno_status("pipe2");
    close(out[0]);
    close(out[1]);
    return status;
  }
  int stdin_fd = -1;  // The child's end.
  int input_fd = -1;  // Ours: the write end of the stdin pipe.
  if (stdin_mode == QemuStdin::kDevNull) stdin_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (stdin_mode == QemuStdin::kPipe) {
    int in[2];
    if (pipe2(in, O_CLOEXEC) != 0) {
      absl::Status status = errno_status("pipe2");
      for (int fd : {out[0], out[1], err_pipe[0], err_pipe[1]}) close(fd);
      return status;
    }
    stdin_fd = in[0];
    input_fd = in[1];
  }

  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) exec_child(args.data(), parent, stdin_fd, out[1], err_pipe[1]);
  int fork_errno = errno;
  close(out[1]);
  close(err_pipe[1]);
  close_fd(stdin_fd);
  if (pid < 0) {
    close(out[0]);
    close(err_pipe[0]);
    close_fd(input_fd);
    return absl::InternalError(absl::StrCat("fork: ", std::strerror(fork_errno)));
  }
  setpgid(pid, pid);  // Also done by the child; whichever runs first wins the race.
  guard_process_group(pid);
  QemuProcess process(pid, out[0], input_fd);

  int exec_errno = 0;
  ssize_t n;
  do {
    n = read(err_pipe[0], &exec_errno, sizeof exec_errno);
  } while (n < 0 && errno == EINTR);
  close(err_pipe[0]);
  if (n == static_cast<ssize_t>(sizeof exec_errno)) {
    process.kill_and_reap();
    return absl::NotFoundError(
        absl::StrCat("cannot run '", argv[0], "': ", std::strerror(exec_errno)));
  }
  // On failure the destructor kills and reaps the child.
  if (absl::Status s = set_nonblocking(process.output_fd_); !s.ok()) return s;
  if (input_fd >= 0) {
    if (absl::Status s = set_nonblocking(input_fd); !s.ok()) return s;
  }
  return process;
}

QemuProcess::QemuProcess(QemuProcess&& other) noexcept
    : pid_(other.pid_),
      output_fd_(other.output_fd_),
      input_fd_(other.input_fd_),
      status_(other.status_) {
  other.pid_ = -1;
  other.output_fd_ = -1;
  other.input_fd_ = -1;
  other.status_.reset();
}

QemuProcess::~QemuProcess() {
  if (pid_ > 0) kill_and_reap();
  close_fd(output_fd_);
  close_fd(input_fd_);
}

void QemuProcess::close_input() { close_fd(input_fd_); }

std::optional<int> QemuProcess::poll_exit() {
  if (status_.has_value() || pid_ <= 0) return status_;
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == pid_) status_ = status;
  return status_;
}

void QemuProcess::kill_group() {
  if (pid_ > 0) kill(-pid_, SIGKILL);
}

int QemuProcess::kill_and_reap() {
  kill_group();
  if (!status_.has_value() && pid_ > 0) {
    int status = 0;
    pid_t r;
    do {
      r = waitpid(pid_, &status, 0);
    } while (r < 0 && errno == EINTR);
    status_ = r == pid_ ? status : SIGKILL;  // Not ours to wait for: report it as killed.
  }
  guard_process_group(0);
  return *status_;
}

}  // namespace qrv::runner
