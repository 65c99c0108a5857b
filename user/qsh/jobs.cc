// Jobs: `cmd &` is a job of its own process group, and so is a foreground
// command stopped by ^Z. The shell reaps their processes without blocking
// before each prompt and reports the jobs that finished ("[1] Done") or
// stopped, as POSIX asks of an interactive shell; fg and bg continue them.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "user/qsh/shell.h"

namespace qsh {

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

}  // namespace qsh
