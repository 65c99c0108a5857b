// Job control: stop signals stop a process, SIGCONT continues it, and its
// parent hears of both. Run from a boot image (test_init starts it), it
// spawns copies of itself in child roles (argv[1]) and checks: waitpid with
// WUNTRACED and WCONTINUED (and that a plain waitpid hears neither), waitid's
// CLD_STOPPED and CLD_CONTINUED, a stopped process really not running (it
// would have exited), a stop with a handler (the handler runs instead), a
// sleep that spans a stop ending normally, SIGKILL of a stopped process
// with threads blocked and spinning, SIGCHLD on a stop and SA_NOCLDSTOP,
// and that taskman cannot be stopped.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"
#include "user/tests/child_util.h"

using qrv_test::expect;
using qrv_test::expect_eq;
using qrv_test::sleep_ms;
using qrv_test::wait_news;

namespace {

constexpr char kSelf[] = "/proc/boot/jobctl_test";

pid_t spawn_role(const char* role) {
  char* argv[] = {const_cast<char*>("jobctl_test"), const_cast<char*>(role), nullptr};
  pid_t pid = 0;
  return posix_spawn(&pid, kSelf, nullptr, nullptr, argv, nullptr) == 0 ? pid : -1;
}

// --- child roles --------------------------------------------------------

// Stops itself; once continued, exits 7 a little later (so that the
// parent's WCONTINUED wait finds it continued, not already ended).
int role_selfstop() {
  raise(SIGSTOP);
  sleep_ms(200);
  return 7;
}

// A thread sleeping, one blocked on a mutex, the main thread spinning.
pthread_mutex_t g_held = PTHREAD_MUTEX_INITIALIZER;
void* sleeper(void*) {
  sleep_ms(60000);
  return nullptr;
}
void* locker(void*) {
  pthread_mutex_lock(&g_held);
  return nullptr;
}
int role_busy() {
  pthread_mutex_lock(&g_held);
  pthread_t t;
  pthread_create(&t, nullptr, sleeper, nullptr);
  pthread_create(&t, nullptr, locker, nullptr);
  for (;;) asm volatile("" ::: "memory");
}

// Exits 3 from a SIGTSTP handler: a caught stop signal does not stop.
void on_tstp(int) { _exit(3); }
int role_catch_tstp() {
  signal(SIGTSTP, on_tstp);
  for (;;) sleep_ms(1000);
}

// A 300 ms sleep that a stop interrupts: it still ends well (0), not EINTR.
int role_sleep() {
  struct timespec t = {0, 300000000};
  return nanosleep(&t, nullptr) == 0 ? 0 : 1;
}

// --- checks ---------------------------------------------------------------

void stop_and_continue() {
  const pid_t c = spawn_role("selfstop");
  expect(c > 0, "spawn selfstop");
  int st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "WUNTRACED: stopped by SIGSTOP");
  expect(!WIFEXITED(st) && !WIFSIGNALED(st), "a stop is neither an exit nor a kill");
  sleep_ms(100);
  expect_eq(waitpid(c, &st, WNOHANG), 0, "stopped: it has not exited (and the stop was reported once)");
  expect_eq(waitpid(c, &st, WNOHANG | WUNTRACED), 0, "a reported stop is not reported again");
  expect_eq(kill(c, SIGCONT), 0, "SIGCONT");
  st = wait_news(c, WCONTINUED);
  expect(st >= 0 && WIFCONTINUED(st), "WCONTINUED: continued");
  st = wait_news(c, 0);
  expect(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 7, "it runs on and exits 7");
}

void plain_waitpid_hears_no_stop() {
  const pid_t c = spawn_role("busy");
  sleep_ms(50);
  expect_eq(kill(c, SIGTSTP), 0, "SIGTSTP to a busy process");
  int st = 0;
  sleep_ms(50);
  expect_eq(waitpid(c, &st, WNOHANG), 0, "a plain waitpid does not hear a stop");
  siginfo_t info = {};
  expect_eq(waitid(P_PID, static_cast<id_t>(c), &info, WSTOPPED), 0, "waitid WSTOPPED");
  expect(info.si_pid == c && info.si_code == CLD_STOPPED && info.si_status == SIGTSTP, "CLD_STOPPED by SIGTSTP");
  expect_eq(kill(c, SIGCONT), 0, "SIGCONT");
  info = siginfo_t{};
  expect_eq(waitid(P_PID, static_cast<id_t>(c), &info, WCONTINUED), 0, "waitid WCONTINUED");
  expect(info.si_code == CLD_CONTINUED && info.si_status == SIGCONT, "CLD_CONTINUED");
  // Stopped again, with a thread asleep, one on a mutex and one spinning
  // when it stopped: SIGKILL still ends it.
  expect_eq(kill(c, SIGSTOP), 0, "SIGSTOP again");
  st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "stopped again");
  expect_eq(kill(c, SIGKILL), 0, "SIGKILL while stopped");
  st = wait_news(c, 0);
  expect(st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "killed while stopped");
}

void caught_stop_signal_does_not_stop() {
  const pid_t c = spawn_role("catch_tstp");
  sleep_ms(50);
  kill(c, SIGTSTP);
  const int st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 3, "the SIGTSTP handler ran (exit 3), no stop");
}

void sleep_spans_a_stop() {
  const pid_t c = spawn_role("sleep");
  sleep_ms(50);
  kill(c, SIGSTOP);
  int st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFSTOPPED(st), "stopped in its sleep");
  sleep_ms(400);  // past the end of its sleep
  kill(c, SIGCONT);
  st = wait_news(c, 0);
  expect(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "its sleep ended normally after the stop");
}

volatile sig_atomic_t g_chld = 0;
void on_chld(int) { g_chld = g_chld + 1; }

void sigchld_on_stop() {
  struct sigaction sa = {};
  sa.sa_handler = on_chld;
  sigaction(SIGCHLD, &sa, nullptr);
  pid_t c = spawn_role("selfstop");
  int st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFSTOPPED(st), "stopped");
  sleep_ms(20);
  expect(g_chld >= 1, "SIGCHLD on a child's stop");
  kill(c, SIGCONT);
  wait_news(c, 0);
  sa.sa_flags = SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, nullptr);
  c = spawn_role("selfstop");
  st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFSTOPPED(st), "stopped (SA_NOCLDSTOP)");
  g_chld = 0;
  sleep_ms(20);
  expect_eq(g_chld, 0, "SA_NOCLDSTOP: no SIGCHLD for a stop");
  kill(c, SIGCONT);
  wait_news(c, 0);
  expect(g_chld >= 1, "but one when it ends");
  signal(SIGCHLD, SIG_DFL);
}

void taskman_cannot_be_stopped() {
  expect_eq(SignalKill_r(0, 1, 0, SIGSTOP, 0, 0), 0, "SIGSTOP to taskman is accepted");
  sleep_ms(20);
  expect(getppid() > 0, "and taskman still answers");
  const pid_t c = spawn_role("selfstop");
  expect(c > 0, "and spawns");
  kill(c, SIGKILL);
  wait_news(c, 0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2) {
    if (strcmp(argv[1], "selfstop") == 0) return role_selfstop();
    if (strcmp(argv[1], "busy") == 0) return role_busy();
    if (strcmp(argv[1], "catch_tstp") == 0) return role_catch_tstp();
    if (strcmp(argv[1], "sleep") == 0) return role_sleep();
    return 99;
  }
  stop_and_continue();
  plain_waitpid_hears_no_stop();
  caught_stop_signal_does_not_stop();
  sleep_spans_a_stop();
  sigchld_on_stop();
  taskman_cannot_be_stopped();
  return qrv_test::report("jobctl_test");
}
