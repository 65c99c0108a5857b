// Jobs: `cmd &` is a job of its own process group, and so is a foreground
// command stopped by ^Z. The shell reaps their processes without blocking
// before each prompt and reports the jobs that finished ("[1] Done") or
// stopped, as POSIX asks of an interactive shell; fg and bg continue them.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "user/qsh/shell.h"
#include "user/utils/signal_names.h"

namespace qsh {
namespace {
// A decimal pid (negative: a process group), whole.
bool pid_number(const char* s, long* out) {
  char* end = nullptr;
  errno = 0;
  *out = strtol(s, &end, 10);
  return end != s && *end == '\0' && errno == 0;
}
}  // namespace

void Shell::job_name(char* out, size_t cap, char* const* argv, bool more) {
  size_t len = 0;
  out[0] = '\0';
  for (char* const* a = argv; a != nullptr && *a != nullptr; ++a) {
    len += static_cast<size_t>(snprintf(out + len, cap - len, "%s%s", a == argv ? "" : " ", *a));
    if (len >= cap) break;
  }
  if (more && len < cap) snprintf(out + len, cap - len, " | ...");
}

Shell::Job* Shell::add_job(pid_t pgid, const pid_t* pids, int n, int id) {
  if (n == 0) return nullptr;
  for (Job& j : jobs_) {
    if (j.id != 0) continue;
    j = Job{};
    j.id = id != 0 ? id : next_job_++;
    j.pgid = pgid;
    j.npids = n < 16 ? n : 16;
    memcpy(j.pids, pids, static_cast<size_t>(j.npids) * sizeof(pid_t));
    return &j;
  }
  error("too many jobs: not tracked");
  return nullptr;
}

void Shell::reap_jobs(bool report) {
  for (Job& j : jobs_) {
    if (j.id == 0) continue;
    for (int i = 0; i < j.npids; ++i) {
      if (j.pids[i] == 0) continue;
      int st = 0;
      const pid_t r = waitpid(j.pids[i], &st, WNOHANG | (job_control_ ? WUNTRACED | WCONTINUED : 0));
      if (r == j.pids[i] && WIFSTOPPED(st)) {
        if (!j.stopped && report && interactive) fprintf(stderr, "[%d]+  Stopped\t\t%s\n", j.id, j.name);
        j.stopped = true;
        continue;
      }
      if (r == j.pids[i] && WIFCONTINUED(st)) {
        j.stopped = false;
        continue;
      }
      if (r == j.pids[i] || (r < 0 && errno == ECHILD)) {
        if (i + 1 == j.npids && r == j.pids[i]) {
          j.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        }
        j.pids[i] = 0;
        ++j.done;
      }
    }
    if (j.done == j.npids) {
      if (report && interactive) {
        if (j.status == 0) {
          fprintf(stderr, "[%d] Done\n", j.id);
        } else {
          fprintf(stderr, "[%d] Done(%d)\n", j.id, j.status);
        }
      }
      j.id = 0;
    }
  }
  bool any = false;
  for (const Job& j : jobs_) any = any || j.id != 0;
  if (!any) next_job_ = 1;
}

// %n, %% or %+ (the newest), or a pid.
Shell::Job* Shell::find_job(const char* spec) {
  Job* newest = nullptr;
  for (Job& j : jobs_) {
    if (j.id != 0 && (newest == nullptr || j.id > newest->id)) newest = &j;
  }
  if (spec == nullptr || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0) return newest;
  if (spec[0] == '%') {
    const int id = atoi(spec + 1);
    for (Job& j : jobs_) {
      if (j.id != 0 && j.id == id) return &j;
    }
    return nullptr;
  }
  const pid_t pid = static_cast<pid_t>(atoi(spec));
  for (Job& j : jobs_) {
    for (int i = 0; j.id != 0 && i < j.npids; ++i) {
      if (j.pids[i] == pid) return &j;
    }
  }
  return nullptr;
}

// The job builtins: wait, jobs, fg, bg, kill.

int Shell::wait_builtin(int argc, char** argv) {
  int result = 0;
  if (argc == 1) {  // every job
    for (Job& j : jobs_) {
      if (j.id == 0) continue;
      for (int i = 0; i < j.npids; ++i) {
        int st = 0;
        if (j.pids[i] == 0) continue;
        while (waitpid(j.pids[i], &st, 0) < 0 && errno == EINTR) {
        }
        j.pids[i] = 0;
      }
      j.id = 0;
    }
    return 0;
  }
  for (int i = 1; i < argc; ++i) {
    Job* j = find_job(argv[i]);
    if (j == nullptr) {
      result = 127;
      continue;
    }
    for (int k = 0; k < j->npids; ++k) {
      int st = 0;
      if (j->pids[k] == 0) continue;
      pid_t r;
      while ((r = waitpid(j->pids[k], &st, 0)) < 0 && errno == EINTR) {
      }
      if (r == j->pids[k] && k + 1 == j->npids) result = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      j->pids[k] = 0;
    }
    j->id = 0;
  }
  return result;
}

// jobs: "[n]+ State<tab>command", + marking the current job (the newest).
int Shell::jobs_builtin(int, char**) {
  reap_jobs(true);  // what ended or stopped since the prompt is said first
  const Job* current = find_job(nullptr);
  for (const Job& j : jobs_) {
    if (j.id != 0) printf("[%d]%c  %s\t\t%s\n", j.id, &j == current ? '+' : ' ', j.stopped ? "Stopped" : "Running", j.name);
  }
  return 0;
}

// fg: a job given the terminal, continued if stopped, and waited for (a
// ^Z makes it a stopped job again, with its number).
int Shell::fg_builtin(int argc, char** argv) {
  Job* j = find_job(argc > 1 ? argv[1] : nullptr);
  if (j == nullptr) {
    error("fg: no such job");
    return 1;
  }
  char name[sizeof j->name];
  memcpy(name, j->name, sizeof name);
  const int id = j->id;
  const pid_t pgid = j->pgid;
  int live[16];
  int n = 0;
  for (int i = 0; i < j->npids; ++i) {
    if (j->pids[i] != 0) live[n++] = j->pids[i];
  }
  if (job_control_) (void)tcsetpgrp(tty_fd_, pgid);
  if (j->stopped && kill(-pgid, SIGCONT) != 0) error("fg: %%%d: %s", id, strerror(errno));
  if (interactive) fprintf(stderr, "%s\n", name);  // once it has the terminal: ^C is its
  j->id = 0;
  return wait_pids(live, n, pgid, name, id);
}

// bg: a stopped job continued in the background.
int Shell::bg_builtin(int argc, char** argv) {
  Job* j = find_job(argc > 1 ? argv[1] : nullptr);
  if (j == nullptr) {
    error("bg: no such job");
    return 1;
  }
  if (!j->stopped) {
    error("bg: job %d already in background", j->id);
    return 0;
  }
  if (kill(-j->pgid, SIGCONT) != 0) {
    error("bg: %%%d: %s", j->id, strerror(errno));
    return 1;
  }
  j->stopped = false;
  if (interactive) fprintf(stderr, "[%d] %s &\n", j->id, j->name);
  return 0;
}

int Shell::kill_builtin(int argc, char** argv) {
  int sig = SIGTERM;
  int i = 1;
  if (i < argc && strcmp(argv[i], "-l") == 0) {
    size_t n = 0;
    const utils::SignalName* table = utils::signal_table(&n);
    for (size_t k = 0; k < n; ++k) printf("%d) SIG%s\n", table[k].number, table[k].name);
    return 0;
  }
  if (i + 1 < argc && strcmp(argv[i], "-s") == 0) {
    sig = utils::signal_number(argv[i + 1]);
    i += 2;
  } else if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0' && strcmp(argv[i], "--") != 0) {
    sig = utils::signal_number(argv[i] + 1);
    ++i;
  }
  if (sig < 0) {
    error("kill: unknown signal");
    return 2;
  }
  if (i < argc && strcmp(argv[i], "--") == 0) ++i;
  if (i == argc) {
    error("kill: usage: kill [-s signal | -signal] pid|%%job...");
    return 2;
  }
  int result = 0;
  for (; i < argc; ++i) {
    pid_t target;
    if (argv[i][0] == '%') {
      Job* j = find_job(argv[i]);
      if (j == nullptr) {
        error("kill: %s: no such job", argv[i]);
        result = 1;
        continue;
      }
      target = -j->pgid;
    } else {
      long v = 0;
      if (!pid_number(argv[i], &v)) {
        error("kill: %s: not a pid", argv[i]);
        result = 1;
        continue;
      }
      target = static_cast<pid_t>(v);
    }
    if (kill(target, sig) != 0) {
      error("kill: %s: %s", argv[i], strerror(errno));
      result = 1;
    }
  }
  return result;
}

}  // namespace qsh
