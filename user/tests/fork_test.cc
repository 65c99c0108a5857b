// fork (taskman's _PROC_FORK, an eager copy of the address space in the
// kernel): the child is a copy at the moment of the call (globals, heap,
// stack, large allocations, callee-saved integer and floating-point registers),
// with its own pid and the parent's ids; later writes on either side stay
// there. Descriptors come along at the same numbers (close-on-exec kept),
// signal actions and the mask too, pending signals and alarms do not.
// pthread_atfork handlers run in POSIX order. A process with two threads
// gets ENOSYS; forking until taskman's table or memory runs out gets EAGAIN
// or ENOMEM and nothing else; malformed _PROC_FORK messages get EINVAL. The
// kernel is back at its baseline after 200 fork+exit+wait rounds.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/tests/check.h"
#include "user/tests/child_util.h"

using qrv_test::expect;
using qrv_test::expect_eq;
using qrv_test::wait_news;

namespace {

// The child's verdict as its exit status: 0 when every check held, else the
// number of the first that did not.
template <typename Child>
int in_child(Child child) {
  fflush(stdout);  // nothing buffered gets printed twice
  const pid_t pid = fork();
  if (pid == 0) _exit(child());
  if (pid < 0) return -errno;
  const int st = wait_news(pid, 0);
  if (!WIFEXITED(st)) {
    printf("fork_test: child %d: status %#x\n", pid, st);
    return -1000;
  }
  return WEXITSTATUS(st);
}

int g_global = 11;
volatile sig_atomic_t g_usr1 = 0;
void on_usr1(int) { g_usr1 = 1; }

void returns_and_ids() {
  const pid_t me = getpid();
  fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) _exit(getpid() != me && getppid() == me && getpgrp() == getpgid(me) && getsid(0) == getsid(me) ? 7 : 1);
  expect(pid > 0 && pid != me, "the parent gets the child's pid");
  const int st = wait_news(pid, 0);
  expect(WIFEXITED(st) && WEXITSTATUS(st) == 7, "the child: its own pid, the parent's ppid, group and session");
  expect_eq(getpid(), me, "the parent keeps its pid");
}

void memory_is_copied() {
  g_global = 11;
  int* heap = static_cast<int*>(malloc(64 * 1024));
  for (int i = 0; i < 16 * 1024; ++i) heap[i] = i;
  int* mapped = static_cast<int*>(malloc(1 << 20));  // large: its own mapping
  expect(mapped != nullptr, "a large allocation for the copy test");
  mapped[0] = 21;
  mapped[2047] = 22;
  volatile int local = 31;
  const int r = in_child([&] {
    if (g_global != 11 || local != 31) return 1;
    for (int i = 0; i < 16 * 1024; ++i) {
      if (heap[i] != i) return 2;
    }
    if (mapped[0] != 21 || mapped[2047] != 22) return 3;
    g_global = 12;  // the child's copies only
    heap[5] = -1;
    mapped[0] = -1;
    local = -1;
    void* more = malloc(1000);  // its heap works
    if (more == nullptr) return 4;
    free(more);
    return 0;
  });
  expect_eq(r, 0, "the child sees globals, heap, a large allocation and the stack as they were");
  expect(g_global == 11 && heap[5] == 5 && mapped[0] == 21 && local == 31, "the child's writes stay its own");
  free(heap);
  free(mapped);
}

// Callee-saved registers: values the compiler keeps in s- and fs-registers
// across the call, in both processes.
[[gnu::noinline]] int registers_survive() {
  volatile double seed = 1.25;
  double d0 = seed * 2, d1 = seed * 3, d2 = seed * 5, d3 = seed * 7;
  long l0 = static_cast<long>(seed * 11), l1 = static_cast<long>(seed * 13);
  fflush(stdout);
  const pid_t pid = fork();
  const bool same = d0 == 2.5 && d1 == 3.75 && d2 == 6.25 && d3 == 8.75 && l0 == 13 && l1 == 16;
  if (pid == 0) _exit(same ? 0 : 1);
  const int st = wait_news(pid, 0);
  return (same ? 0 : 2) + (WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 4);
}

void descriptors() {
  int fds[2];
  expect_eq(pipe(fds), 0, "a pipe");
  const int cloexec = fcntl(fds[0], F_DUPFD_CLOEXEC, 10);
  expect(cloexec >= 10, "a close-on-exec duplicate");
  const int r = in_child([&] {
    if (write(fds[1], "forked", 6) != 6) return 1;
    if ((fcntl(cloexec, F_GETFD) & FD_CLOEXEC) == 0) return 2;  // kept, and still close-on-exec
    if ((fcntl(fds[1], F_GETFD) & FD_CLOEXEC) != 0) return 3;
    return 0;
  });
  expect_eq(r, 0, "the child writes the parent's pipe; close-on-exec is kept");
  char buf[8] = {};
  expect_eq(read(fds[0], buf, sizeof buf), 6, "the parent reads what the child wrote");
  expect(memcmp(buf, "forked", 6) == 0, "the bytes");
  close(fds[1]);
  expect_eq(read(cloexec, buf, sizeof buf), 0, "end of file once both processes closed the write end");
  close(fds[0]);
  close(cloexec);
}

void signals() {
  struct sigaction sa = {};
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, nullptr);
  signal(SIGUSR2, SIG_IGN);
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &old);
  raise(SIGTERM);  // pending in the parent only
  alarm(100);
  const int r = in_child([] {
    sigset_t now, pending;
    sigprocmask(SIG_BLOCK, nullptr, &now);
    if (!sigismember(&now, SIGTERM)) return 1;  // the mask is inherited
    sigpending(&pending);
    if (sigismember(&pending, SIGTERM)) return 2;  // pending signals are not
    if (alarm(0) != 0) return 3;                   // nor alarms
    raise(SIGUSR2);                                // ignored, still
    g_usr1 = 0;
    raise(SIGUSR1);
    if (g_usr1 != 1) return 4;  // the handler is inherited
    return 0;
  });
  expect_eq(r, 0, "mask, actions and ignored signals inherited; pending signals and alarms not");
  expect(alarm(0) > 0, "the parent's alarm is still set");
  sigset_t pending;
  sigpending(&pending);
  expect(sigismember(&pending, SIGTERM), "the parent's SIGTERM is still pending");
  signal(SIGTERM, SIG_IGN);  // drop it before unblocking
  sigprocmask(SIG_SETMASK, &old, nullptr);
  signal(SIGTERM, SIG_DFL);
  signal(SIGUSR1, SIG_DFL);
  signal(SIGUSR2, SIG_DFL);
}

char g_order[16];
int g_norder = 0;
void mark(char c) { g_order[g_norder++] = c; }

void atfork() {
  pthread_atfork([] { mark('p'); }, [] { mark('a'); }, [] { mark('c'); });
  pthread_atfork([] { mark('P'); }, [] { mark('A'); }, [] { mark('C'); });
  g_norder = 0;
  const int r = in_child([] { return g_norder == 4 && memcmp(g_order, "PpcC", 4) == 0 ? 0 : 1; });
  expect_eq(r, 0, "the child ran prepare handlers last-first, then child handlers first-first");
  expect(g_norder == 4 && memcmp(g_order, "PpaA", 4) == 0, "the parent ran prepare, then parent handlers");
}

void* sleeper(void*) {
  sleep(1);
  return nullptr;
}
void* report_tid(void*) { return reinterpret_cast<void*>(static_cast<intptr_t>(7)); }

void threads() {
  pthread_t t;
  expect_eq(pthread_create(&t, nullptr, sleeper, nullptr), 0, "a second thread");
  errno = 0;
  const pid_t pid = fork();
  if (pid == 0) _exit(99);  // must not happen
  expect(pid == -1 && errno == ENOSYS, "fork with two threads: ENOSYS");
  pthread_join(t, nullptr);
  const int r = in_child([] {
    pthread_t u;  // the child's one thread has its tid right: it can create and join
    void* v = nullptr;
    if (pthread_create(&u, nullptr, report_tid, nullptr) != 0) return 1;
    if (pthread_join(u, &v) != 0 || v != reinterpret_cast<void*>(static_cast<intptr_t>(7))) return 2;
    if (!pthread_equal(pthread_self(), pthread_self())) return 3;
    return 0;
  });
  expect_eq(r, 0, "once alone again it forks, and the child runs threads");
}

void grandchild() {
  const int r = in_child([] {
    const pid_t me = getpid();
    fflush(stdout);
    const pid_t g = fork();
    if (g == 0) _exit(getppid() == me ? 5 : 1);
    const int st = wait_news(g, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 5 ? 0 : 1;
  });
  expect_eq(r, 0, "a forked child forks too");
}

void until_refused() {
  constexpr int kMax = 200;  // more than taskman's table holds
  static pid_t kids[kMax];
  int n = 0;
  int err = 0;
  fflush(stdout);
  while (n < kMax) {
    const pid_t pid = fork();
    if (pid == 0) {
      for (;;) pause();
    }
    if (pid < 0) {
      err = errno;
      break;
    }
    kids[n++] = pid;
  }
  printf("fork_test: %d children before the refusal (%s)\n", n, strerror(err));
  expect(n >= 20, "at least 20 children at once");
  expect(err == EAGAIN || err == ENOMEM, "then EAGAIN (table full) or ENOMEM, nothing else");
  int ended = 0;
  for (int i = 0; i < n; ++i) {
    kill(kids[i], SIGKILL);
    const int st = wait_news(kids[i], 0);
    ended += WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
  }
  expect_eq(ended, n, "every one killed and collected");
  expect(in_child([] { return 0; }) == 0, "and fork works again");
}

// Raw _PROC_FORK messages that are wrong.
void bad_messages() {
  struct {
    struct _proc_fork m;
    struct _proc_spawn_fd fds[2];
  } msg;
  auto send = [&](size_t len) {
    struct _proc_spawn_reply reply = {};
    return MsgSend_r(QRV_TASKMAN_COID, &msg, len, &reply, sizeof reply);
  };
  uint64_t stack_word = 0;
  const uint64_t sp = reinterpret_cast<uint64_t>(&stack_word) & ~uint64_t{15};
  const auto reset = [&] {
    memset(&msg, 0, sizeof msg);
    msg.m.hdr = {_PROC_FORK, 0, sizeof msg.m};
    msg.m.entry = reinterpret_cast<uint64_t>(&_exit);
    msg.m.sp = sp;
  };
  reset();
  msg.m.hdr.size = sizeof msg.m - 8;
  expect_eq(send(sizeof msg.m - 8), -EINVAL, "short");
  reset();
  msg.m.reserved = 1;
  expect_eq(send(sizeof msg.m), -EINVAL, "reserved bits");
  reset();
  msg.m.entry = 0;
  expect_eq(send(sizeof msg.m), -EINVAL, "entry 0");
  reset();
  msg.m.entry = 0xffffffc080200000ull;
  expect_eq(send(sizeof msg.m), -EINVAL, "entry in the kernel");
  reset();
  msg.m.entry = 0xc0000000ull;
  expect_eq(send(sizeof msg.m), -EINVAL, "entry in taskman's slot");
  reset();
  msg.m.sp = sp + 8;
  expect_eq(send(sizeof msg.m), -EINVAL, "a misaligned sp");
  reset();
  msg.m.nfds = 2;
  expect_eq(send(sizeof msg.m), -EINVAL, "descriptors announced, not sent");
  reset();
  msg.m.nfds = 1;
  msg.m.hdr.size = sizeof msg.m + sizeof msg.fds[0];
  msg.fds[0] = {64, 0, 1, 1};
  expect_eq(send(msg.m.hdr.size), -EINVAL, "fd 64");
  reset();
  msg.m.nfds = 2;
  msg.m.hdr.size = sizeof msg;
  msg.fds[0] = {3, 3, 1, 1};
  msg.fds[1] = {3, 4, 1, 1};
  expect_eq(send(sizeof msg), -EINVAL, "fd 3 twice");
  reset();
  msg.m.cloexec = 1;
  expect_eq(send(sizeof msg.m), -EINVAL, "close-on-exec for an absent fd");
  // Well-formed, but naming a connection the caller does not have: the
  // server refuses the child's _IO_DUP and the fork fails; nobody else notices.
  reset();
  msg.m.nfds = 1;
  msg.m.hdr.size = sizeof msg.m + sizeof msg.fds[0];
  int fds[2];
  expect_eq(pipe(fds), 0, "a pipe, for its server");
  struct qrv_server_info info = {};
  expect_eq(ConnectServerInfo_r(0, fds[0], &info), fds[0], "the pipe's server");
  msg.fds[0] = {fds[0], 40, info.pid, info.chid};  // (fd 40 is not open)
  const long r = send(msg.m.hdr.size);
  expect(r < 0 && r != -EINVAL, "a descriptor the caller does not have: the child's loading fails");
  close(fds[0]);
  close(fds[1]);
  expect(in_child([] { return 0; }) == 0, "fork still works");
}

void fork_loop(int rounds) {
  qrv_kernel_counts before, after;
  in_child([] { return 0; });  // warm the caches
  expect_eq(DebugKernelCheck(&before), 0, "the kernel is consistent before the loop");
  int ok = 0;
  for (int i = 0; i < rounds; ++i) ok += in_child([] { return 3; }) == 3;
  expect_eq(DebugKernelCheck(&after), 0, "and after it");
  expect_eq(ok, rounds, "every fork+exit+wait of the loop");
  const bool same = qrv_test::same_counts(before, after);
  expect(same, "after the loop the kernel's objects and free memory are at their baseline");
  printf("fork_test: %d fork+exit+wait rounds, kernel at baseline: %s\n", rounds, same ? "yes" : "no");
}

}  // namespace

int main() {
  returns_and_ids();
  memory_is_copied();
  expect_eq(registers_survive(), 0, "callee-saved registers hold their values in both processes");
  descriptors();
  signals();
  atfork();
  threads();
  grandchild();
  bad_messages();
  until_refused();
  fork_loop(200);
  return qrv_test::report("fork_test");
}
