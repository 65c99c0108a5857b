// init: the first program taskman starts (/proc/boot/init, pid 2). It runs
// the boot script /proc/boot/rc (boot_script.h), QNX-style: typically the
// console's driver first (its /dev/console becomes init's standard streams,
// inherited by all it starts), then the resource managers, each waited for
// until its path exists, then the shell as a session leader on the console.
// A script that is missing or malformed is reported, and a built-in one
// starts just the console and a shell. init reaps orphans, starts +respawn
// programs again when they end (giving up after five quick deaths in a
// row) and logs any other child that dies. SIGTERM (`shutdown`) stops
// everything: SIGHUP and SIGTERM to every process, up to a second's grace,
// SIGKILL to what is left, the console last; then init ends and taskman
// powers the machine off with init's status.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/init/boot_script.h"
#include "user/init/console_driver.h"
#include "user/init/start_server.h"

extern char** environ;

namespace {

volatile sig_atomic_t g_shutdown = 0;
void on_term(int) { g_shutdown = 1; }

// A program the script started in the background.
struct Child {
  const qrv_init::Step* step;
  pid_t pid;
  int quick_deaths;
  int64_t started;
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

// Starts a script's program: /proc/boot/NAME unless it names a path. The
// pid, or -1 (said why).
pid_t spawn_step(const qrv_init::Step& st) {
  char file[96];
  snprintf(file, sizeof file, strchr(st.argv[0], '/') != nullptr ? "%s" : "/proc/boot/%s", st.argv[0]);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  if (st.session) posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  pid_t pid = -1;
  const int r = posix_spawn(&pid, file, nullptr, &attr, st.argv, environ);
  posix_spawnattr_destroy(&attr);
  if (r != 0) {
    printf("init: rc line %d: cannot start %s: %s\n", st.line, file, strerror(r));
    return -1;
  }
  return pid;
}

// The console's driver, serving /dev/console, as init's standard streams.
pid_t start_console() {
  const char* driver = qrv_init::console_driver();
  const pid_t console = driver != nullptr ? qrv_init::start_server(driver, "/dev/console", "init") : -1;
  if (console > 0 && open("/dev/console", O_RDWR | O_NOCTTY) == STDIN_FILENO) {
    dup2(STDIN_FILENO, STDOUT_FILENO);
    dup2(STDIN_FILENO, STDERR_FILENO);
    printf("init: %s (pid %d) serves /dev/console, init's standard streams\n", driver, console);
  } else {
    printf("init: no console driver: the kernel's console it is\n");
  }
  return console;
}

bool wait_for_path(const char* path, long ms) {
  struct stat st;
  for (const int64_t deadline = now_ms() + ms;;) {
    if (stat(path, &st) == 0) return true;
    if (now_ms() >= deadline) return false;
    sleep_ms(1);
  }
}

void report_end(const char* name, pid_t pid, int st) {
  printf("init: %s (pid %d) %s %d\n", name, pid, WIFSIGNALED(st) ? "was killed by signal" : "exited with status",
         WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
  fflush(stdout);
}

// /proc/boot/rc, parsed; on any trouble the built-in script, said why.
const qrv_init::BootScript& load_script() {
  static qrv_init::BootScript script;
  static char text[8192];
  char err[160] = "";
  long n = -1;
  const int fd = open("/proc/boot/rc", O_RDONLY);
  if (fd >= 0) {
    n = read(fd, text, sizeof text);
    close(fd);
  }
  if (n >= 0 && n < static_cast<long>(sizeof text) &&
      qrv_init::parse_boot_script(text, static_cast<size_t>(n), &script, err, sizeof err)) {
    return script;
  }
  static const char kBuiltIn[] = "console\n[+session] [+respawn] qsh &\n";
  printf("init: /proc/boot/rc: %s; running the built-in script (console, shell)\n",
         fd < 0 ? strerror(errno) : n < 0 ? "unreadable" : n >= static_cast<long>(sizeof text) ? "too long" : err);
  qrv_init::parse_boot_script(kBuiltIn, sizeof kBuiltIn - 1, &script, err, sizeof err);
  return script;
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
  const qrv_init::BootScript& script = load_script();
  pid_t console = -1;
  Child children[qrv_init::kMaxSteps];
  int nchildren = 0;
  const Child* last = nullptr;  // the last program started in the background
  for (int i = 0; i < script.nsteps && !g_shutdown; ++i) {
    const qrv_init::Step& st = script.steps[i];
    switch (st.kind) {
      case qrv_init::StepKind::kConsole:
        if (console < 0) console = start_console();
        break;
      case qrv_init::StepKind::kDisplay:
        printf("%s\n", st.text);
        break;
      case qrv_init::StepKind::kWaitfor:
        if (!wait_for_path(st.argv[0], st.wait_ms)) {
          printf("init: rc line %d: %s is not there after %ld ms\n", st.line, st.argv[0], st.wait_ms);
        } else if (last != nullptr) {
          printf("init: %s (pid %d) serves %s\n", last->step->argv[0], last->pid, st.argv[0]);
        }
        break;
      case qrv_init::StepKind::kRun: {
        const pid_t pid = spawn_step(st);
        if (pid < 0) break;
        if (st.background) {
          children[nchildren] = Child{&st, pid, 0, now_ms()};
          last = &children[nchildren++];
          break;
        }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR && !g_shutdown) {
        }
        if (status != 0) report_end(st.argv[0], pid, status);
        break;
      }
    }
    fflush(stdout);
  }
  while (!g_shutdown) {
    int st = 0;
    const pid_t pid = waitpid(-1, &st, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      bool respawning = false;
      for (int i = 0; i < nchildren; ++i) respawning = respawning || (children[i].step->respawn && children[i].pid > 0);
      if (errno == ECHILD && !respawning) break;  // nothing left to wait for or to start again
      sleep_ms(100);
      continue;
    }
    Child* c = nullptr;
    for (int i = 0; i < nchildren; ++i) {
      if (children[i].pid == pid) c = &children[i];
    }
    if (c == nullptr) {
      if (pid == console) report_end("the console's driver", pid, st);
      continue;  // an orphan, reaped
    }
    if (!c->step->respawn) {
      report_end(c->step->argv[0], pid, st);
      c->pid = -1;
      continue;
    }
    c->quick_deaths = now_ms() - c->started < 1000 ? c->quick_deaths + 1 : 0;
    if (c->quick_deaths >= 5) {
      printf("init: %s keeps dying: not starting it again\n", c->step->argv[0]);
      c->pid = -1;
      continue;
    }
    c->pid = spawn_step(*c->step);
    c->started = now_ms();
  }
  printf("init: shutting down\n");
  fflush(stdout);
  stop_everything(console);
  return 0;
}
