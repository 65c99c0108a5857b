// Orphaned process groups (POSIX: a group none of whose members has a parent
// in another group of its session). Run from a boot image (test_init starts
// it), it spawns copies of itself in child roles (argv[1]) and checks: the
// terminal stop signals (SIGTSTP, SIGTTIN, SIGTTOU) do not stop a member of
// an orphaned group while SIGSTOP does; a group that a death orphans while
// a member is stopped gets SIGHUP and then SIGCONT; one with no stopped
// member gets no SIGHUP, but its members are orphaned from then on.
//
// The middle role stands between this test and the orphan: it leads a group
// of its own (the test, in another group of the session, is its link) and its
// child stays in that group, linked only through it until it exits.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

constexpr char kSelf[] = "/proc/boot/orphan_test";

pid_t spawn_role(const char* role, const char* arg, bool own_group) {
  char* argv[] = {const_cast<char*>("orphan_test"), const_cast<char*>(role), const_cast<char*>(arg), nullptr};
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  if (own_group) {
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
  }
  pid_t pid = 0;
  const int r = posix_spawn(&pid, kSelf, nullptr, &attr, argv, nullptr);
  posix_spawnattr_destroy(&attr);
  return r == 0 ? pid : -1;
}

// Polls `done` every 10 ms for up to 10 s; whether it came true.
template <typename Done>
bool within_10s(Done done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    sleep_ms(10);
  }
  return done();
}

volatile sig_atomic_t g_usr1 = 0, g_usr2 = 0;
pid_t g_tell = 0;  // the test, for the roles' handlers

// --- child roles --------------------------------------------------------

// A new session: its group is orphaned (its parent is in another session).
int role_leader() {
  if (setsid() < 0) return 90;
  raise(SIGTSTP);
  raise(SIGTTIN);
  raise(SIGTTOU);
  return 5;  // none of them stopped it
}
int role_leader_stop() {
  if (setsid() < 0) return 90;
  raise(SIGSTOP);  // SIGSTOP always stops
  return 6;
}

// Runs `role` as its child (in this group) and exits once it is ready.
int role_middle(const char* role, const char* tell) {
  const pid_t c = spawn_role(role, tell, false);
  if (c < 0) return 91;
  if (strcmp(role, "stopper") == 0) {
    const int st = wait_news(c, WUNTRACED);
    if (st < 0 || !WIFSTOPPED(st)) return 92;
  }
  return 0;  // the child's group is orphaned now
}

void hup_tells(int) { kill(g_tell, SIGUSR1); }
void hup_is_wrong(int) { kill(g_tell, SIGUSR2); }

// Stops; the test hears of the SIGHUP the orphaning brings (the handler runs
// once SIGCONT has continued it).
int role_stopper(const char* tell) {
  g_tell = static_cast<pid_t>(atoi(tell));
  signal(SIGHUP, hup_tells);
  raise(SIGSTOP);
  return 0;
}

// Never stopped: no SIGHUP. Once its parent is gone (taskman is its
// parent), SIGTSTP no longer stops it, and it tells the test so.
int role_calm(const char* tell) {
  g_tell = static_cast<pid_t>(atoi(tell));
  signal(SIGHUP, hup_is_wrong);
  for (int i = 0; i < 1000 && getppid() != 1; ++i) sleep_ms(10);
  if (getppid() != 1) return 93;
  raise(SIGTSTP);
  kill(g_tell, SIGUSR1);
  return 0;
}

// --- the checks ---------------------------------------------------------

void terminal_stops_pass_an_orphaned_group_by() {
  pid_t c = spawn_role("leader", nullptr, false);
  int st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 5, "SIGTSTP, SIGTTIN, SIGTTOU do not stop an orphaned group");
  if (st >= 0 && WIFSTOPPED(st)) {
    kill(c, SIGKILL);
    wait_news(c, 0);
  }
  c = spawn_role("leader_stop", nullptr, false);
  st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "SIGSTOP stops it");
  kill(c, SIGCONT);
  st = wait_news(c, 0);
  expect(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 6, "and SIGCONT continues it");
}

void usr(int signo) { (signo == SIGUSR1 ? g_usr1 : g_usr2) = 1; }

// Runs middle with `role` below it; whether the role told us (SIGUSR1), and
// whether it also said something was wrong (SIGUSR2).
void orphan_below(const char* role, bool* told, bool* wrong) {
  g_usr1 = 0;
  g_usr2 = 0;
  const pid_t m = spawn_role("middle", role, true);  // it tells `role` our pid
  const int st = wait_news(m, 0);
  expect(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "the middle process started its child and ended");
  *told = within_10s([] { return g_usr1 != 0; });
  // Its group is m's: gone once the orphan has ended (taskman reaps it).
  expect(within_10s([m] { return kill(-m, 0) < 0 && errno == ESRCH; }), "the orphan ended");
  *wrong = g_usr2 != 0;
}

void a_stopped_orphaned_group_is_hung_up() {
  bool told = false, wrong = false;
  orphan_below("stopper", &told, &wrong);
  expect(told, "a group orphaned with a stopped member gets SIGHUP, then SIGCONT");
}

void a_running_orphaned_group_is_not() {
  bool told = false, wrong = false;
  orphan_below("calm", &told, &wrong);
  expect(told, "a member of a group orphaned by a death is not stopped by SIGTSTP");
  expect(!wrong, "and, never stopped, got no SIGHUP");
}

void a_linked_group_still_stops() {
  const pid_t c = spawn_role("leader_tstp_linked", nullptr, true);
  int st = wait_news(c, WUNTRACED);
  expect(st >= 0 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGTSTP, "SIGTSTP stops a group whose parent links it");
  kill(c, SIGCONT);
  st = wait_news(c, 0);
  expect(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 4, "and SIGCONT continues it");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2) {
    const char* arg = argc >= 3 ? argv[2] : "";
    if (strcmp(argv[1], "leader") == 0) return role_leader();
    if (strcmp(argv[1], "leader_stop") == 0) return role_leader_stop();
    if (strcmp(argv[1], "leader_tstp_linked") == 0) return raise(SIGTSTP) == 0 ? 4 : 94;
    if (strcmp(argv[1], "middle") == 0) {
      char me[16];
      snprintf(me, sizeof me, "%d", getppid());  // the test
      return role_middle(arg, me);
    }
    if (strcmp(argv[1], "stopper") == 0) return role_stopper(arg);
    if (strcmp(argv[1], "calm") == 0) return role_calm(arg);
    return 99;
  }
  signal(SIGUSR1, usr);
  signal(SIGUSR2, usr);
  a_linked_group_still_stops();
  terminal_stops_pass_an_orphaned_group_by();
  a_stopped_orphaned_group_is_hung_up();
  a_running_orphaned_group_is_not();
  return qrv_test::report("orphan_test");
}
