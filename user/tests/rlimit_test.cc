// Resource limits (sys/resource.h; taskman keeps them, sys/procmsg.h says
// what each bounds). Run from a boot image (test_init starts it, as root),
// it spawns copies of itself in child roles (argv[1]) and checks: the
// defaults; setrlimit's errors; children inherit the limits; RLIMIT_DATA
// and RLIMIT_AS bound anonymous memory, RLIMIT_AS a spawn too; RLIMIT_STACK
// sizes a child's stack (deep recursion dies under the default, lives
// under a larger one); RLIMIT_NOFILE bounds descriptors (EMFILE, dup2's
// EBADF), inherited ones included; RLIMIT_NPROC bounds a non-root user's
// processes (EAGAIN), and only root raises a maximum.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"
#include "user/tests/child_util.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

constexpr char kSelf[] = "/proc/boot/rlimit_test";
constexpr rlim_t kMiB = 1024 * 1024;

// posix_spawn's result (0 or an errno), the child's pid in *pid.
int spawn_role(const char* role, pid_t* pid) {
  char* argv[] = {const_cast<char*>("rlimit_test"), const_cast<char*>(role), nullptr};
  return posix_spawn(pid, kSelf, nullptr, nullptr, argv, nullptr);
}

// How the role ended: its exit status, or 100 + the signal.
int run_role(const char* role) {
  pid_t pid = 0;
  if (spawn_role(role, &pid) != 0) return -1;
  const int st = qrv_test::wait_news(pid, 0);
  return st < 0 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

int set(int resource, rlim_t cur, rlim_t max) {
  const struct rlimit rl = {cur, max};
  return setrlimit(resource, &rl) == 0 ? 0 : errno;
}
rlim_t cur_of(int resource) {
  struct rlimit rl = {};
  return getrlimit(resource, &rl) == 0 ? rl.rlim_cur : 0;
}

// --- child roles --------------------------------------------------------

// Uses about 1 MiB of stack.
int deep(int n) {
  volatile char frame[1024];
  frame[0] = static_cast<char>(n);
  return n == 0 ? frame[0] : deep(n - 1) + frame[0];
}

// Opens /dev/null until it fails; the lowest fd that could not be had.
int open_until_full() {
  for (;;) {
    const int fd = open("/dev/null", O_RDONLY);
    if (fd < 0) return errno == EMFILE ? 1000 : -errno;
    if (fd > 64) return -1;
  }
}

// The first descriptor refused, as an exit status (the lowest free one at
// that point is the limit, when 0..limit-1 are all taken).
int role_nofile() {
  const int r = open_until_full();
  if (r != 1000) return 90;
  int highest = -1;
  for (int fd = 0; fd < 64; ++fd) {
    if (fcntl(fd, F_GETFD) >= 0) highest = fd;
  }
  return highest + 1;
}

// Lowers its own descriptor limit: EMFILE past it, dup2 past it EBADF, and
// raising the soft limit back up to the maximum works.
int role_nofile_self() {
  if (set(RLIMIT_NOFILE, 8, 64) != 0) return 91;
  if (role_nofile() != 8) return 92;
  if (dup2(0, 10) != -1 || errno != EBADF) return 93;
  if (set(RLIMIT_NOFILE, 64, 64) != 0) return 94;
  if (open("/dev/null", O_RDONLY) < 8) return 95;
  return 0;
}

int role_pause() {
  struct timespec t = {30, 0};
  nanosleep(&t, nullptr);
  return 0;
}

// As user 1000, limited to 2 processes: itself and one child; a second
// child is EAGAIN. And a user cannot raise a maximum back up.
int role_nproc() {
  if (setuid(1000) != 0) return 80;
  if (set(RLIMIT_NPROC, 2, 2) != 0) return 81;
  pid_t a = 0, b = 0;
  if (spawn_role("pause", &a) != 0) return 82;
  const int second = spawn_role("pause", &b);
  kill(a, SIGKILL);
  waitpid(a, nullptr, 0);
  if (second != EAGAIN) {
    if (second == 0) {
      kill(b, SIGKILL);
      waitpid(b, nullptr, 0);
    }
    return 83;
  }
  if (set(RLIMIT_NPROC, 2, 3) != EPERM) return 84;
  if (set(RLIMIT_DATA, 64 * kMiB, 64 * kMiB) != 0) return 85;
  if (set(RLIMIT_DATA, 64 * kMiB, 128 * kMiB) != EPERM) return 86;
  return 0;
}

// --- the checks ---------------------------------------------------------

void defaults_and_errors() {
  struct rlimit rl = {};
  expect_eq(getrlimit(RLIMIT_STACK, &rl), 0, "getrlimit(RLIMIT_STACK)");
  expect(rl.rlim_cur == 256 * 1024 && rl.rlim_max == 64 * kMiB, "the stack: 256 KiB, at most 64 MiB");
  expect_eq(getrlimit(RLIMIT_NOFILE, &rl), 0, "getrlimit(RLIMIT_NOFILE)");
  expect(rl.rlim_cur == 64 && rl.rlim_max == 64, "descriptors: the kernel's 64");
  expect(cur_of(RLIMIT_AS) == RLIM_INFINITY && cur_of(RLIMIT_DATA) == RLIM_INFINITY, "memory: unlimited");
  expect(cur_of(RLIMIT_CORE) == 0, "no core files unless asked");
  expect_eq(set(RLIMIT_DATA, 2, 1), EINVAL, "cur past max: EINVAL");
  expect_eq(set(RLIMIT_NLIMITS, 1, 1), EINVAL, "no such resource: EINVAL");
  expect_eq(set(-1, 1, 1), EINVAL, "a negative resource: EINVAL");
  expect_eq(set(RLIMIT_CPU, 10, RLIM_INFINITY), EINVAL, "CPU time is not measured: EINVAL");
  expect_eq(set(RLIMIT_NOFILE, 64, 65), EPERM, "descriptors past the kernel's table: EPERM, even for root");
  expect(getrlimit(RLIMIT_DATA, nullptr) == -1 && errno == EFAULT, "getrlimit(NULL): EFAULT");
  expect(setrlimit(RLIMIT_DATA, nullptr) == -1 && errno == EFAULT, "setrlimit(NULL): EFAULT");
}

void memory_limits() {
  expect_eq(set(RLIMIT_DATA, 2 * kMiB, RLIM_INFINITY), 0, "RLIMIT_DATA 2 MiB");
  void* big = malloc(4 * kMiB);
  expect(big == nullptr, "malloc of 4 MiB past RLIMIT_DATA fails");
  free(big);
  expect_eq(set(RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY), 0, "and root lifts it");
  big = malloc(4 * kMiB);
  expect(big != nullptr, "malloc of 4 MiB works again");
  free(big);
  expect_eq(set(RLIMIT_AS, 64 * 1024, RLIM_INFINITY), 0, "RLIMIT_AS 64 KiB");
  pid_t pid = 0;
  expect_eq(spawn_role("pause", &pid), ENOMEM, "a child's image and stack do not fit: the spawn is ENOMEM");
  expect_eq(set(RLIMIT_AS, RLIM_INFINITY, RLIM_INFINITY), 0, "RLIMIT_AS lifted");
}

void inherited_limits() {
  expect_eq(set(RLIMIT_STACK, 4 * kMiB, 64 * kMiB), 0, "RLIMIT_STACK 4 MiB");
  expect_eq(run_role("deep"), 0, "a child recursing 1 MiB deep lives with a 4 MiB stack");
  expect_eq(set(RLIMIT_STACK, 256 * 1024, 64 * kMiB), 0, "RLIMIT_STACK back to 256 KiB");
  expect_eq(run_role("deep"), 100 + SIGSEGV, "and dies with the default");
  expect_eq(set(RLIMIT_NOFILE, 6, 64), 0, "RLIMIT_NOFILE 6");
  expect_eq(run_role("nofile"), 6, "a child inherits it: its sixth descriptor is refused");
  expect_eq(set(RLIMIT_NOFILE, 64, 64), 0, "RLIMIT_NOFILE back to 64");
  expect_eq(run_role("nofile_self"), 0, "a process lowers its own: EMFILE, dup2's EBADF, and back up");
  expect_eq(run_role("nproc"), 0, "RLIMIT_NPROC bounds a user's processes; only root raises a maximum");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2) {
    if (strcmp(argv[1], "deep") == 0) return deep(1000) == 12345 ? 1 : 0;
    if (strcmp(argv[1], "nofile") == 0) return role_nofile();
    if (strcmp(argv[1], "nofile_self") == 0) return role_nofile_self();
    if (strcmp(argv[1], "pause") == 0) return role_pause();
    if (strcmp(argv[1], "nproc") == 0) return role_nproc();
    return 99;
  }
  defaults_and_errors();
  memory_limits();
  inherited_limits();
  return qrv_test::report("rlimit_test");
}
