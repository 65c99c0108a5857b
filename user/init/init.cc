// init: the first program taskman starts (/proc/boot/init, pid 2). It runs
// the boot sequence a QNX boot script would: the console's driver first
// (its /dev/console becomes init's standard streams, inherited by all it
// starts; with no driver for the console the kernel's console stays), then
// devnull and the pipe manager, each waited for until its path exists;
// then the shell, /proc/boot/qsh, as a session leader on the console,
// which it takes as its controlling terminal. init restarts the shell when
// it exits (giving up after five quick deaths in a row) and logs a server
// that dies. SIGTERM (`shutdown`) stops everything: SIGHUP and SIGTERM to
// every process, up to a second's grace, SIGKILL to what is left, the console
// last; then init ends and taskman powers the machine off with init's
// status.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/init/console_driver.h"
#include "user/init/start_server.h"

extern char** environ;

namespace {

volatile sig_atomic_t g_shutdown = 0;
void on_term(int) { g_shutdown = 1; }

struct Server {
  const char* name;
  const char* path;
  pid_t pid;
};

int64_t now_ms() {
  struct timespec ts = {};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

void sleep_ms(long ms) {
  const struct timespec t = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&t, nullptr);
}

pid_t start_shell() {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  char arg0[] = "qsh";
  char* argv[] = {arg0, nullptr};
  pid_t pid = -1;
  const int r = posix_spawn(&pid, "/proc/boot/qsh", nullptr, &attr, argv, environ);
  posix_spawnattr_destroy(&attr);
  if (r != 0) {
    printf("init: cannot start /proc/boot/qsh: %s\n", strerror(r));
    return -1;
  }
  return pid;
}

// Every pid /proc lists but taskman (1), init and `spare`; how many.
int others(pid_t* out, int cap, pid_t spare) {
  DIR* d = opendir("/proc");
  if (d == nullptr) return 0;
  int n = 0;
  while (struct dirent* e = readdir(d)) {
    char* end = nullptr;
    const long pid = strtol(e->d_name, &end, 10);
    if (*end != '\0' || pid <= 1 || pid == getpid() || pid == spare) continue;
    if (n < cap) out[n++] = static_cast<pid_t>(pid);
  }
  closedir(d);
  return n;
}

// SIGHUP and SIGTERM to everyone but the console, a grace period, SIGKILL;
// then the console.
void stop_everything(pid_t console) {
  pid_t pids[64];
  int n = others(pids, 64, console);
  for (int i = 0; i < n; ++i) {
    kill(pids[i], SIGHUP);  // the terminal is going: an interactive shell ends on this, not on SIGTERM
    kill(pids[i], SIGTERM);
  }
  const int64_t deadline = now_ms() + 1000;
  while (n > 0 && now_ms() < deadline) {
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    sleep_ms(20);
    n = others(pids, 64, console);
  }
  for (int i = 0; i < n; ++i) kill(pids[i], SIGKILL);
  while (waitpid(-1, nullptr, WNOHANG) > 0) {
  }
  printf("init: everything stopped; powering off\n");
  fflush(stdout);
  if (console > 0) {  // it sends what is queued and ends; nothing is printed after
    kill(console, SIGTERM);
    waitpid(console, nullptr, 0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  struct sigaction sa = {};
  sa.sa_handler = on_term;
  sigaction(SIGTERM, &sa, nullptr);
  printf("init: pid %d, parent %d, group %d, session %d; argv[0] %s (%d argument%s)\n", getpid(), getppid(),
         getpgrp(), getsid(0), argc > 0 ? argv[0] : "?", argc, argc == 1 ? "" : "s");
  // The console first: what init and its children print goes through it.
  const char* driver = qrv_init::console_driver();
  const pid_t console = driver != nullptr ? qrv_init::start_server(driver, "/dev/console", "init") : -1;
  if (console > 0 && open("/dev/console", O_RDWR | O_NOCTTY) == STDIN_FILENO) {
    dup2(STDIN_FILENO, STDOUT_FILENO);
    dup2(STDIN_FILENO, STDERR_FILENO);
    printf("init: %s (pid %d) serves /dev/console, init's standard streams\n", driver, console);
  } else {
    printf("init: no console driver: the kernel's console it is\n");
  }
  Server servers[] = {{"devnull", "/dev/null", -1}, {"pipe", "/dev/pipe", -1}};
  for (Server& s : servers) {
    s.pid = qrv_init::start_server(s.name, s.path, "init");
    if (s.pid > 0) printf("init: %s (pid %d) serves %s\n", s.name, s.pid, s.path);
  }
  if (DIR* dev = opendir("/dev")) {
    printf("init: /dev:");
    while (struct dirent* e = readdir(dev)) printf(" %s", e->d_name);
    printf("\n");
    closedir(dev);
  }
  fflush(stdout);

  pid_t shell = start_shell();
  int quick_deaths = 0;
  int64_t started = now_ms();
  while (!g_shutdown) {
    int st = 0;
    const pid_t pid = waitpid(-1, &st, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      if (errno == ECHILD && shell < 0) break;  // nothing left to wait for, no shell
      sleep_ms(100);
      continue;
    }
    if (pid == shell) {
      quick_deaths = now_ms() - started < 1000 ? quick_deaths + 1 : 0;
      if (quick_deaths >= 5) {
        printf("init: the shell keeps dying: not restarting it\n");
        shell = -1;
        continue;
      }
      shell = start_shell();
      started = now_ms();
      continue;
    }
    const char* name = pid == console ? driver : "a child";  // a server or driver died: say so
    for (const Server& s : servers) {
      if (s.pid == pid) name = s.name;
    }
    printf("init: %s (pid %d) %s %d\n", name, pid, WIFSIGNALED(st) ? "was killed by signal" : "exited with status",
           WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    fflush(stdout);
  }
  printf("init: shutting down\n");
  fflush(stdout);
  stop_everything(console);
  return 0;
}
