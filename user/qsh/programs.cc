// Programs: one started with posix_spawn (PATH searched, the shell's
// descriptors, the signals an interactive shell ignores given back), and
// the waits for them, where a ^Z makes what still runs a stopped job.
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "user/qsh/shell.h"

namespace qsh {
namespace {

// The signals an interactive shell ignores, which its programs must not.
void job_signals(sigset_t* set) {
  static const int kSignals[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM, SIGPIPE};
  sigemptyset(set);
  for (int s : kSignals) sigaddset(set, s);
}

}  // namespace

pid_t Shell::spawn_program(char** argv, char** env, pid_t pgid) {
  const char* name = argv[0];
  StrBuf path;
  if (strchr(name, '/') != nullptr) {
    path.append(name);
  } else {
    const char* dirs = vars_.get("PATH");
    bool found = false;
    for (const char* d = dirs != nullptr ? dirs : ""; !found;) {
      const char* colon = strchr(d, ':');
      const size_t len = colon != nullptr ? static_cast<size_t>(colon - d) : strlen(d);
      path.clear();
      path.append(len == 0 ? "." : d, len == 0 ? 1 : len);
      path.push('/');
      path.append(name);
      struct stat st;
      found = stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
      if (colon == nullptr) break;
      d = colon + 1;
    }
    if (!found) {
      error("%s: not found", name);
      return -1;
    }
  }
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  short flags = 0;
  if (pgid >= 0) {
    flags |= POSIX_SPAWN_SETPGROUP;
    posix_spawnattr_setpgroup(&attr, pgid);
  }
  if (interactive) {
    sigset_t dfl;
    job_signals(&dfl);
    posix_spawnattr_setsigdefault(&attr, &dfl);
    flags |= POSIX_SPAWN_SETSIGDEF;
  }
  posix_spawnattr_setflags(&attr, flags);
  pid_t pid = -1;
  const int r = posix_spawn(&pid, path.c_str(), nullptr, &attr, argv, env);
  posix_spawnattr_destroy(&attr);
  if (r != 0) {
    struct stat st;
    // Something that exists but cannot be run (a directory, a device) is 126, not 127.
    if (r == ENOENT && stat(path.c_str(), &st) == 0) {
      error("%s: %s", name, S_ISDIR(st.st_mode) ? "is a directory" : "cannot execute");
      return -2;
    }
    error("%s: %s", name, strerror(r));
    return r == ENOENT ? -1 : -2;
  }
  return pid;
}

int Shell::wait_pids(const pid_t* pids, int n, pid_t pgid, const char* name, int id) {
  const int options = job_control_ && pgid > 0 ? WUNTRACED : 0;
  int last = 0;
  for (int i = 0; i < n; ++i) {
    int st = 0;
    pid_t r;
    while ((r = waitpid(pids[i], &st, options)) < 0 && errno == EINTR) {
    }
    if (r != pids[i]) {
      last = 127;
      continue;
    }
    if (WIFSTOPPED(st)) {  // ^Z: what still runs becomes a stopped job
      Job* j = add_job(pgid, pids + i, n - i, id);
      if (j != nullptr) {
        j->stopped = true;
        snprintf(j->name, sizeof j->name, "%s", name != nullptr ? name : "");
        if (interactive) fprintf(stderr, "\n[%d]+  Stopped\t\t%s\n", j->id, j->name);
      }
      last = 128 + WSTOPSIG(st);
      break;
    }
    if (WIFEXITED(st)) {
      last = WEXITSTATUS(st);
    } else if (WIFSIGNALED(st)) {
      last = 128 + WTERMSIG(st);
      if (i + 1 == n && interactive) {
        if (WTERMSIG(st) == SIGINT) {
          fputs("\n", stderr);
        } else if (WTERMSIG(st) != SIGPIPE) {
          fprintf(stderr, "%s\n", strsignal(WTERMSIG(st)));
        }
      }
    }
  }
  if (job_control_ && pgid > 0) (void)tcsetpgrp(tty_fd_, shell_pgid_);
  return last;
}

}  // namespace qsh
