// spawn, exit and wait through taskman: run from a boot image (test_init
// starts it), it spawns copies of itself in child roles (argv[1]) and checks
// what POSIX and QRV promise: arguments and environment, exit statuses and
// signals, waitpid's choices, groups and sessions, SIGCHLD and no-zombie
// parents, process-group kill, the errors of a bad spawn (ENOENT, ENOEXEC
// for the malformed ELFs of the test image, EACCES, E2BIG, EAGAIN), and
// 1,000 spawns after which the kernel is back at its baseline.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

extern char** environ;

namespace {

constexpr char kSelf[] = "/proc/boot/spawn_test";

// Spawns this program in `role` with one more argument; the pid or -errno.
pid_t spawn_role(const char* role, const char* arg = nullptr, const posix_spawnattr_t* attr = nullptr,
                 char* const* envp = nullptr) {
  char* argv[] = {const_cast<char*>("spawn_test"), const_cast<char*>(role), const_cast<char*>(arg), nullptr};
  pid_t pid = 0;
  const int r = posix_spawn(&pid, kSelf, nullptr, attr, argv, envp);
  return r == 0 ? pid : -r;
}

// waitpid for one child; its status, or -1.
int wait_for(pid_t pid) {
  int status = 0;
  const pid_t r = waitpid(pid, &status, 0);
  return r == pid ? status : -1;
}

void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

// ---- child roles ----------------------------------------------------------

// The main stack is demand-zero: pages far below anything touched yet are
// mapped by the first write, whoever makes it: a kernel call without the big
// kernel lock (ClockTime), one with it (SignalProcmask), a message reply
// (taskman's, copied by the kernel), or the program itself.
__attribute__((noinline)) int deep_stack() {
  volatile uint8_t frame[160 * 1024];  // below everything crt0 and main touched
  uint64_t* clock = reinterpret_cast<uint64_t*>(const_cast<uint8_t*>(&frame[0]));
  uint64_t* mask = reinterpret_cast<uint64_t*>(const_cast<uint8_t*>(&frame[16 * 1024]));
  auto* ids = reinterpret_cast<struct _proc_ids_reply*>(const_cast<uint8_t*>(&frame[32 * 1024]));
  int bad = 0;
  bad += ClockTime_r(CLOCK_MONOTONIC, nullptr, clock) != 0 || *clock == 0;
  bad += SignalProcmask_r(0, 0, SIG_BLOCK, nullptr, mask) != 0;
  const struct _proc_ids ask = {{_PROC_GETIDS, 0, sizeof ask}, 0, 0};
  bad += MsgSend_r(QRV_TASKMAN_COID, &ask, sizeof ask, ids, sizeof *ids) != 0 || ids->pid != getpid();
  frame[64 * 1024] = 5;
  bad += frame[64 * 1024] != 5 || frame[100 * 1024] != 0;
  return bad;
}

int child_main(int argc, char** argv, char** envp) {
  const char* role = argv[1];
  if (strcmp(role, "exit") == 0) return atoi(argv[2]);
  if (strcmp(role, "args") == 0) {  // argv and envp arrive intact
    int ok = argc == 3 && strcmp(argv[2], "two words") == 0;
    ok = ok && envp[0] != nullptr && strcmp(envp[0], "A=1") == 0 && strcmp(envp[1], "B=two") == 0 && envp[2] == nullptr;
    return ok ? 42 : 1;
  }
  if (strcmp(role, "ppid") == 0) return getppid() == atoi(argv[2]) ? 0 : 1;
  if (strcmp(role, "segv") == 0) return *reinterpret_cast<volatile int*>(static_cast<uintptr_t>(argc) * 0);
  if (strcmp(role, "sleep") == 0) {
    sleep_ms(atoi(argv[2]));
    return 7;
  }
  if (strcmp(role, "group") == 0) return getpgrp() == getpid() ? 0 : 1;
  if (strcmp(role, "ignored") == 0) {  // SIGUSR2: ignored as the parent left it?
    struct sigaction old = {};
    sigaction(SIGUSR2, nullptr, &old);
    return old.sa_handler == SIG_IGN ? 0 : 1;
  }
  if (strcmp(role, "mask") == 0) {  // the attribute's signal mask is ours
    sigset_t now;
    sigprocmask(SIG_BLOCK, nullptr, &now);
    return sigismember(&now, SIGUSR1) ? 0 : 1;
  }
  if (strcmp(role, "deep") == 0) return deep_stack();
  if (strcmp(role, "killgroup") == 0) {  // kill(0) reaches every member of our group
    const pid_t sleeper = spawn_role("sleep", "60000");  // in our group, SIGUSR2 at its default
    signal(SIGUSR2, SIG_IGN);                            // we stay
    if (sleeper < 0 || kill(0, SIGUSR2) != 0) return 1;
    int st = 0;
    return waitpid(sleeper, &st, 0) == sleeper && WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2 ? 0 : 1;
  }
  if (strcmp(role, "orphan") == 0) {  // leaves a child behind that outlives us
    return spawn_role("sleep", "50") > 0 ? 0 : 1;
  }
  return 99;
}

// ---- the checks -------------------------------------------------------------

void demand_zero_stack() {
  expect_eq(WEXITSTATUS(wait_for(spawn_role("deep"))), 0, "a demand-zero stack: kernel copies and stores map its pages");
}

void exit_statuses() {
  static const int kCodes[] = {0, 1, 77, 255};
  for (int code : kCodes) {
    char arg[8];
    snprintf(arg, sizeof arg, "%d", code);
    const int st = wait_for(spawn_role("exit", arg));
    expect(WIFEXITED(st) && WEXITSTATUS(st) == code, "exit status reaches waitpid");
  }
  const int st = wait_for(spawn_role("segv"));
  expect(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "a faulting child: WIFSIGNALED, SIGSEGV");
  expect(!WIFEXITED(st), "a faulting child did not exit");
}

void arguments_and_ids() {
  char* envp[] = {const_cast<char*>("A=1"), const_cast<char*>("B=two"), nullptr};
  const int st = wait_for(spawn_role("args", "two words", nullptr, envp));
  expect_eq(WEXITSTATUS(st), 42, "argv and envp reach the child");
  char me[16];
  snprintf(me, sizeof me, "%d", getpid());
  expect_eq(WEXITSTATUS(wait_for(spawn_role("ppid", me))), 0, "the child's getppid is its spawner");
  expect(getpid() > 1 && getppid() >= 1, "getpid and getppid");
  expect_eq(getpgid(0), getpgrp(), "getpgid(0) is getpgrp");
  expect_eq(getsid(0), getsid(getpid()), "getsid(0) is getsid(self)");
  expect_eq(getpgid(99999), -1, "getpgid of nobody: -1");
  expect_eq(errno, ESRCH, "getpgid of nobody: ESRCH");
}

void waits() {
  int status = 0;
  expect_eq(waitpid(-1, &status, WNOHANG), -1, "no children: waitpid fails");
  expect_eq(errno, ECHILD, "no children: ECHILD");
  const pid_t slow = spawn_role("sleep", "30");
  expect_eq(waitpid(slow, &status, WNOHANG), 0, "WNOHANG with a running child: 0");
  expect_eq(waitpid(1, &status, 0), -1, "waitpid of a non-child fails");
  expect_eq(errno, ECHILD, "waitpid of a non-child: ECHILD");
  expect_eq(waitpid(slow, &status, 0x100), -1, "unknown waitpid options fail");
  expect_eq(errno, EINVAL, "unknown waitpid options: EINVAL");
  // waitpid waits: the child is still sleeping when we ask (no-zombie pitfall).
  expect_eq(waitpid(-1, &status, 0), slow, "waitpid(-1) waits for the running child");
  expect_eq(WEXITSTATUS(status), 7, "and collects its status");
  const pid_t a = spawn_role("exit", "3");
  const pid_t b = spawn_role("exit", "4");
  int sa = 0, sb = 0;
  expect_eq(waitpid(b, &sb, 0), b, "waitpid(b) picks b");
  expect_eq(waitpid(0, &sa, 0), a, "waitpid(0) picks a child of our group");
  expect(WEXITSTATUS(sa) == 3 && WEXITSTATUS(sb) == 4, "each status with its child");
  expect_eq(wait(&status), -1, "all collected: wait fails with ECHILD");
  // waitid: the same children, as siginfo; WNOWAIT leaves the child waitable.
  const pid_t six = spawn_role("exit", "6");
  siginfo_t si = {};
  expect_eq(waitid(P_PID, static_cast<id_t>(six), &si, WEXITED | WNOWAIT), 0, "waitid(P_PID, WNOWAIT)");
  expect(si.si_pid == six && si.si_signo == SIGCHLD && si.si_code == CLD_EXITED && si.si_status == 6,
         "waitid: pid, SIGCHLD, CLD_EXITED, the exit status");
  si = {};
  expect_eq(waitid(P_PGID, 0, &si, WEXITED), 0, "waitid(P_PGID, own group) after WNOWAIT");
  expect_eq(si.si_pid, six, "the child was still there to collect");
  expect_eq(waitid(P_ALL, 0, &si, WEXITED | WNOHANG), -1, "waitid with nothing left fails");
  expect_eq(errno, ECHILD, "waitid with nothing left: ECHILD");
  wait_for(-1);  // nothing
  const pid_t segv = spawn_role("segv");
  expect_eq(waitid(P_ALL, 0, &si, WEXITED), 0, "waitid(P_ALL) of a faulting child");
  expect(si.si_pid == segv && si.si_code == CLD_KILLED && si.si_status == SIGSEGV, "waitid: CLD_KILLED, SIGSEGV");
  expect_eq(waitid(P_ALL, 0, &si, WNOHANG), -1, "waitid without WEXITED fails");
  expect_eq(errno, EINVAL, "waitid without WEXITED: EINVAL");
  expect_eq(waitpid(-1, &status, WNOWAIT), -1, "waitpid does not take WNOWAIT");
}

volatile sig_atomic_t g_chld = 0;
void on_chld(int) { g_chld = g_chld + 1; }

void sigchld_and_nozombie() {
  struct sigaction sa = {};
  sa.sa_handler = on_chld;
  sigaction(SIGCHLD, &sa, nullptr);
  g_chld = 0;
  wait_for(spawn_role("exit", "0"));
  for (int i = 0; i < 100 && g_chld == 0; ++i) sleep_ms(1);
  expect(g_chld >= 1, "SIGCHLD reaches the parent");
  // SIGCHLD ignored: no zombie; a waitpid waits for the child, then ECHILD.
  sa.sa_handler = SIG_IGN;
  sigaction(SIGCHLD, &sa, nullptr);
  const pid_t c = spawn_role("sleep", "10");
  int status = 0;
  expect_eq(waitpid(c, &status, 0), -1, "SIGCHLD ignored: waitpid ends with -1");
  expect_eq(errno, ECHILD, "SIGCHLD ignored: ECHILD once the child is gone");
  sa.sa_handler = SIG_DFL;
  sa.sa_flags = SA_NOCLDWAIT;
  sigaction(SIGCHLD, &sa, nullptr);
  const pid_t d = spawn_role("exit", "0");
  sleep_ms(20);
  expect_eq(waitpid(d, &status, WNOHANG), -1, "SA_NOCLDWAIT: no zombie to collect");
  sa.sa_flags = 0;
  sigaction(SIGCHLD, &sa, nullptr);
  // An orphan's parent becomes taskman; its own parent still collects it.
  expect_eq(WEXITSTATUS(wait_for(spawn_role("orphan"))), 0, "a parent that leaves a child behind");
}

void groups_and_sessions() {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  expect_eq(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP), 0, "setflags SETPGROUP");
  posix_spawnattr_setpgroup(&attr, 0);
  expect_eq(WEXITSTATUS(wait_for(spawn_role("group", nullptr, &attr))), 0, "SETPGROUP 0: the child leads a group");
  expect_eq(posix_spawnattr_setflags(&attr, 0x4000), EINVAL, "unknown spawn flags: EINVAL");
  // Two sleepers in one new group; one kill(-group) ends both.
  const pid_t lead = spawn_role("sleep", "5000", &attr);
  posix_spawnattr_setpgroup(&attr, lead);
  const pid_t member = spawn_role("sleep", "5000", &attr);
  expect(lead > 0 && member > 0, "two children in a new group");
  expect_eq(getpgid(member), lead, "the second joined the first's group");
  expect_eq(kill(-lead, SIGTERM), 0, "kill(-group)");
  const int s1 = wait_for(lead);
  const int s2 = wait_for(member);
  expect(WIFSIGNALED(s1) && WTERMSIG(s1) == SIGTERM && WIFSIGNALED(s2) && WTERMSIG(s2) == SIGTERM,
         "every member of the group got SIGTERM");
  posix_spawnattr_setpgroup(&attr, 0);  // a group of its own, so we are not in it
  expect_eq(WEXITSTATUS(wait_for(spawn_role("killgroup", nullptr, &attr))), 0,
            "kill(0, sig) reaches the other members of the caller's group");
  expect_eq(kill(-lead, SIGTERM), -1, "kill of an empty group fails");
  expect_eq(errno, ESRCH, "kill of an empty group: ESRCH");
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 4242);
  expect_eq(-spawn_role("exit", "0", &attr), EPERM, "SETPGROUP to a group that does not exist: EPERM");
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGUSR1);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setsigmask(&attr, &mask);
  expect_eq(WEXITSTATUS(wait_for(spawn_role("mask", nullptr, &attr))), 0, "SETSIGMASK: the child's mask");
  // Ignored signals stay ignored in the child, unless SETSIGDEF names them.
  signal(SIGUSR2, SIG_IGN);
  expect_eq(WEXITSTATUS(wait_for(spawn_role("ignored"))), 0, "an ignored signal stays ignored in the child");
  sigset_t def;
  sigemptyset(&def);
  sigaddset(&def, SIGUSR2);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setsigdefault(&attr, &def);
  expect_eq(WEXITSTATUS(wait_for(spawn_role("ignored", nullptr, &attr))), 1, "SETSIGDEF: back to SIG_DFL in the child");
  signal(SIGUSR2, SIG_DFL);
  expect_eq(WEXITSTATUS(wait_for(spawn_role("ignored"))), 1, "a signal no longer ignored is not ignored in the child");
  // setpgid and setsid, as POSIX says.
  expect_eq(setpgid(0, 0), 0, "setpgid(0, 0): a group of our own");
  expect_eq(getpgrp(), getpid(), "we lead it");
  expect_eq(setsid(), -1, "setsid as a group leader fails");
  expect_eq(errno, EPERM, "setsid as a group leader: EPERM");
  expect_eq(setpgid(99999, 0), -1, "setpgid of nobody fails");
  expect_eq(errno, ESRCH, "setpgid of nobody: ESRCH");
  expect_eq(umask(027), 022, "umask: the default is 022");
  expect_eq(umask(0), 027, "umask returns the previous mask");
}

void bad_spawns() {
  char* argv[] = {const_cast<char*>("x"), nullptr};
  pid_t pid = 0;
  expect_eq(posix_spawn(&pid, "/proc/boot/no_such_program", nullptr, nullptr, argv, nullptr), ENOENT,
            "no such program: ENOENT");
  expect_eq(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, nullptr), ENOENT, "outside /proc/boot: ENOENT");
  expect_eq(posix_spawn(&pid, "/proc/boot/", nullptr, nullptr, argv, nullptr), ENOENT, "a directory name: ENOENT");
  expect_eq(posix_spawn(&pid, "/proc/boot/not_executable", nullptr, nullptr, argv, nullptr), EACCES,
            "a file without x bits: EACCES");
  static const char* const kMalformed[] = {
      "bad_truncated", "bad_magic",    "bad_type",        "bad_machine", "bad_phoff",    "bad_phnum",
      "bad_seg_file",  "bad_filesz",   "bad_overlap",     "bad_kernel",  "bad_entry",    "bad_wx",
      "bad_huge",      "bad_taskman_slot",
  };
  int enoexec = 0;
  for (const char* name : kMalformed) {
    char path[64];
    snprintf(path, sizeof path, "/proc/boot/%s", name);
    const int r = posix_spawn(&pid, path, nullptr, nullptr, argv, nullptr);
    if (r != ENOEXEC) printf("spawn_test: %s: got %d (%s), want ENOEXEC\n", name, r, strerror(r));
    enoexec += r == ENOEXEC;
  }
  expect_eq(enoexec, sizeof kMalformed / sizeof kMalformed[0], "every malformed ELF: ENOEXEC");
  // Arguments beyond _PROC_SPAWN_MAX bytes.
  static char big[20000];
  memset(big, 'a', sizeof big - 1);
  char* long_argv[] = {big, nullptr};
  expect_eq(posix_spawn(&pid, kSelf, nullptr, nullptr, long_argv, nullptr), E2BIG, "huge arguments: E2BIG");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  expect_eq(posix_spawn_file_actions_adddup2(&fa, 1, 2), 0, "file actions are kept (io_test runs them)");
  expect_eq(posix_spawn(&pid, kSelf, &fa, nullptr, argv, nullptr), EBADF, "dup2 of an fd that is not open: EBADF");
  posix_spawn_file_actions_destroy(&fa);
  expect_eq(posix_spawnp(&pid, "no_such_program", nullptr, nullptr, argv, nullptr), ENOENT, "spawnp: ENOENT");
  // QNX's spawn(): the inheritance as attributes (io_test maps fds).
  char* exit9[] = {const_cast<char*>("spawn_test"), const_cast<char*>("group"), nullptr};
  struct inheritance inh = {};
  inh.flags = SPAWN_SETGROUP;
  inh.pgroup = SPAWN_NEWPGROUP;
  expect_eq(WEXITSTATUS(wait_for(spawn(kSelf, 0, nullptr, &inh, exit9, nullptr))), 0,
            "spawn() with SPAWN_SETGROUP: the child leads a group");
  const int fds[] = {0, 1, 2};
  expect_eq(spawn(kSelf, 3, fds, nullptr, exit9, nullptr), -1, "spawn() mapping fds that are not open fails");
  expect_eq(errno, EBADF, "spawn() mapping fds that are not open: EBADF");
  expect_eq(spawn("/proc/boot/no_such_program", 0, nullptr, nullptr, exit9, nullptr), -1, "spawn() of nothing fails");
  expect_eq(errno, ENOENT, "spawn() of nothing: ENOENT");
  expect_eq(WEXITSTATUS(wait_for([] {
              char* a[] = {const_cast<char*>("spawn_test"), const_cast<char*>("exit"), const_cast<char*>("5"), nullptr};
              pid_t p = 0;
              return posix_spawnp(&p, "spawn_test", nullptr, nullptr, a, nullptr) == 0 ? p : -1;
            }())),
            5, "spawnp finds the program in /proc/boot");
}

// The process table fills up: EAGAIN, and everything comes back.
void table_full() {
  pid_t kids[200];
  int n = 0;
  int last = 0;
  while (n < 200) {
    const pid_t p = spawn_role("sleep", "60000");
    if (p < 0) {
      last = -p;
      break;
    }
    kids[n++] = p;
  }
  expect_eq(last, EAGAIN, "a full process table: EAGAIN");
  expect(n > 10, "dozens of processes before it is full");
  for (int i = 0; i < n; ++i) kill(kids[i], SIGKILL);
  int ended = 0;
  for (int i = 0; i < n; ++i) {
    const int st = wait_for(kids[i]);
    if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL) printf("spawn_test: pid %d: status %#x\n", kids[i], st);
    ended += WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
  }
  expect_eq(ended, n, "every one killed and collected");
}

void print_counts(const char* what, const qrv_kernel_counts& c) {
  printf("spawn_test: %s: %lu processes, %lu threads, %lu channels, %lu connections, %lu pulses, %lu heap bytes, %lu free\n",
         what, c.processes, c.threads, c.channels, c.connections, c.pulses, c.heap_bytes, c.free_bytes);
}

void spawn_loop(int rounds) {
  qrv_kernel_counts before, after;
  wait_for(spawn_role("exit", "0"));  // warm the caches
  expect_eq(DebugKernelCheck(&before), 0, "the kernel is consistent before the loop");
  int ok = 0;
  for (int i = 0; i < rounds; ++i) {
    const int st = wait_for(spawn_role("exit", "3"));
    ok += WIFEXITED(st) && WEXITSTATUS(st) == 3;
  }
  expect_eq(DebugKernelCheck(&after), 0, "and after it");
  expect_eq(ok, rounds, "every spawn+exit+wait of the loop");
  const bool same = qrv_test::same_counts(before, after);
  if (!same) {
    print_counts("before", before);
    print_counts("after", after);
  }
  expect(same, "after the loop the kernel's objects and free memory are at their baseline");
  printf("spawn_test: %d spawn+exit+wait rounds, kernel at baseline: %s\n", rounds, same ? "yes" : "no");
}

}  // namespace

int main(int argc, char** argv, char** envp) {
  if (argc >= 2) return child_main(argc, argv, envp);
  exit_statuses();
  demand_zero_stack();
  arguments_and_ids();
  waits();
  sigchld_and_nozombie();
  bad_spawns();
  table_full();
  groups_and_sessions();
  spawn_loop(1000);
  return qrv_test::report("spawn_test");
}
