// test_init: /proc/boot/init of the test boot image. It runs the user test
// programs as taskman's grandchildren, the way every program runs once
// taskman starts them: spawned, waited for, each ending as expected (an
// exit status or the signal its test ends with), and after each one the
// kernel back at its baseline (objects, heap, free memory). It ends with a
// summary and its status; taskman then powers off.
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/init/start_server.h"
#include "user/tests/check.h"

extern char** environ;

namespace {

struct Program {
  const char* file;  // in /proc/boot
  const char* argv0; // chooses a role in some programs (fault, sigaction_test)
  const char* arg;   // argv[1], or nullptr
  int exit_status;   // expected, when signal == 0
  int signal;        // the signal it is expected to end by, or 0
};

constexpr Program kPrograms[] = {
    {"libc_smoke", "libc_smoke", nullptr, 0, 0},
    {"spawn_test", "spawn_test", nullptr, 0, 0},
    {"tm_fuzz", "tm_fuzz", "1", 0, 0},
    {"tm_fuzz", "tm_fuzz", "2", 0, 0},
    {"bad_args", "bad_args", nullptr, 0, SIGSEGV},  // its last check is a fault
    {"threads", "threads", nullptr, 0, 0},
    {"sched_test", "sched_test", nullptr, 0, 0},
    {"sync_test", "sync_test", nullptr, 0, 0},
    {"pthread_more_test", "pthread_more_test", nullptr, 0, 0},
    {"locks_test", "locks_test", nullptr, 0, 0},
    {"fault", "fault_illegal", nullptr, 0, SIGSEGV},
    {"fault", "fault_misaligned", nullptr, 0, SIGSEGV},
    {"fault", "fault_stack", nullptr, 0, SIGSEGV},
    {"fault", "fault_exec_data", nullptr, 0, SIGSEGV},
    {"fault", "fault_kernel_read", nullptr, 0, SIGSEGV},
    {"fault", "fault_taskman_read", nullptr, 0, SIGSEGV},  // slot 3 is taskman's alone
    {"signal_test", "signal_test", nullptr, 0, SIGTERM},
    {"jobctl_test", "jobctl_test", nullptr, 0, 0},
    {"orphan_test", "orphan_test", nullptr, 0, 0},
    {"rlimit_test", "rlimit_test", nullptr, 0, 0},
    {"fork_test", "fork_test", nullptr, 0, 0},
    {"timer_test", "timer_test", nullptr, 0, SIGALRM},
    {"clock_test", "clock_test", nullptr, 0, 0},
    {"sigaction_test", "sigaction_test", nullptr, 0, SIGKILL},
    {"sigaction_test", "sigaction_bad_handler", nullptr, 0, SIGSEGV},
    {"sigaction_test", "sigaction_bad_stack", nullptr, 0, SIGSEGV},
    {"siginfo_test", "siginfo_test", nullptr, 0, 0},
    {"kcall_regress", "kcall_regress", nullptr, 0, 0},
    {"kcall_regress", "kcall_regress", "leak_receive", 0, 0},
    {"kcall_regress", "kcall_regress", "leak_reply", 0, 0},
    {"kcall_regress", "kcall_regress", "leak_pulse", 0, 0},
    {"io_test", "io_test", nullptr, 0, 0},
    {"pipe_test", "pipe_test", nullptr, 0, 0},
    {"io_priv_test", "io_priv_test", nullptr, 0, 0},
    {"io_fuzz", "io_fuzz", "1", 0, 0},
    {"libc_smoke", "libc_smoke", nullptr, 0, 0},
};

// Runs one program; whether it ended as expected.
bool run(const Program& p) {
  char path[64];
  snprintf(path, sizeof path, "/proc/boot/%s", p.file);
  char* argv[] = {const_cast<char*>(p.argv0), const_cast<char*>(p.arg), nullptr};
  pid_t pid = 0;
  // Each program leads a group of its own, as a shell's job would: a
  // kill(0, ...) of its own reaches nobody else.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  const int r = posix_spawn(&pid, path, nullptr, &attr, argv, environ);
  if (r != 0) {
    printf("test_init: FAIL: %s: spawn: %s\n", p.argv0, strerror(r));
    return false;
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) {
    printf("test_init: FAIL: %s: waitpid\n", p.argv0);
    return false;
  }
  const bool ok = p.signal != 0 ? WIFSIGNALED(status) && WTERMSIG(status) == p.signal
                                : WIFEXITED(status) && WEXITSTATUS(status) == p.exit_status;
  if (WIFSIGNALED(status)) {
    printf("test_init: %s%s (pid %d) ended by signal %d\n", ok ? "" : "FAIL: ", p.argv0, pid, WTERMSIG(status));
  } else {
    printf("test_init: %s%s (pid %d) exited with status %d\n", ok ? "" : "FAIL: ", p.argv0, pid, WEXITSTATUS(status));
  }
  return ok;
}

}  // namespace

int main() {
  printf("test_init: pid %d, running %zu programs\n", getpid(), sizeof kPrograms / sizeof kPrograms[0]);
  const pid_t devnull = qrv_init::start_server("devnull", "/dev/zero", "test_init", "FAIL: ");
  const pid_t pipe = qrv_init::start_server("pipe", "/dev/pipe", "test_init", "FAIL: ");
  int good = 0;
  int total = 0;
  bool at_baseline = true;
  qrv_kernel_counts baseline = {};
  for (const Program& p : kPrograms) {
    ++total;
    good += run(p);
    qrv_kernel_counts now;
    if (DebugKernelCheck(&now) != 0) {
      at_baseline = false;
      printf("test_init: FAIL: after %s: the kernel is inconsistent\n", p.argv0);
    }
    if (total == 1) {
      baseline = now;  // after the first program, which may warm caches
    } else if (!qrv_test::same_counts(baseline, now)) {
      at_baseline = false;
      printf("test_init: FAIL: after %s: %lu processes, %lu threads, %lu channels, %lu connections, %lu heap bytes, "
             "%lu free + %lu held (baseline %lu, %lu, %lu, %lu, %lu, %lu + %lu)\n",
             p.argv0, now.processes, now.threads, now.channels, now.connections, now.heap_bytes, now.free_bytes,
             now.user_bytes, baseline.processes, baseline.threads, baseline.channels, baseline.connections,
             baseline.heap_bytes, baseline.free_bytes, baseline.user_bytes);
      baseline = now;
    }
  }
  printf("test_init: %d of %d programs as expected; kernel at baseline after each: %s\n", good, total,
         at_baseline ? "yes" : "no");
  // The servers (started as a boot script does) end with the tests (and their paths with them).
  bool servers_ok = true;
  const pid_t servers[] = {devnull, pipe};
  for (const pid_t server : servers) {
    int status = 0;
    servers_ok = servers_ok && server > 0 && kill(server, SIGTERM) == 0 && waitpid(server, &status, 0) == server &&
                 WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;
  }
  struct stat st;
  servers_ok = servers_ok && stat("/dev/null", &st) != 0 && stat("/dev/pipe", &st) != 0;
  printf("test_init: servers stopped: %s\n", servers_ok ? "yes" : "no");
  return good == total && at_baseline && servers_ok ? 0 : 1;
}
