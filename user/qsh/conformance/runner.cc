// The suites' runner (runner.h). Each case's shell gets its own process
// group, so that what it leaves behind (a background job) is killed with it
// once it ends; its output and error are read by two threads while this
// one waits, so neither pipe can fill and block the shell.
#include "user/qsh/conformance/runner.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace qsh_conf {

namespace {

// Everything read from one descriptor until end of file.
struct Capture {
  int fd;
  char* buf;
  size_t n;
  size_t cap;
  bool failed;  // out of memory, or a read error
};

void* drain(void* arg) {
  Capture* c = static_cast<Capture*>(arg);
  for (;;) {
    if (c->cap - c->n < 512) {
      const size_t cap = c->cap == 0 ? 4096 : c->cap * 2;
      char* grown = static_cast<char*>(realloc(c->buf, cap));
      if (grown == nullptr) {
        c->failed = true;
        break;
      }
      c->buf = grown;
      c->cap = cap;
    }
    const long r = read(c->fd, c->buf + c->n, c->cap - c->n - 1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) c->failed = true;
    if (r <= 0) break;
    c->n += static_cast<size_t>(r);
  }
  if (c->buf != nullptr) c->buf[c->n] = '\0';
  close(c->fd);
  return nullptr;
}

void sleep_ms(long ms) {
  const struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

// fd moved to 3 or above: a process that starts without standard streams
// (the board's init, whose fds 1 and 2 are the kernel's debug console until
// something is opened there) would otherwise get pipe ends at 0..2, and
// the file actions would clobber them.
int above_stdio(int fd) {
  if (fd < 0 || fd > 2) return fd;
  const int moved = fcntl(fd, F_DUPFD, 3);
  close(fd);
  return moved;
}

bool make_pipe(int fds[2]) {
  if (pipe(fds) != 0) return false;
  fds[0] = above_stdio(fds[0]);
  fds[1] = above_stdio(fds[1]);
  if (fds[0] >= 0 && fds[1] >= 0) return true;
  if (fds[0] >= 0) close(fds[0]);
  if (fds[1] >= 0) close(fds[1]);
  return false;
}

struct Outcome {
  Capture out;
  Capture err;
  int status;  // the exit status, or 128 + the signal
  bool timed_out;
  bool spawn_failed;
};

// Runs `shell -c script`; *o filled (free its buffers).
void run_script(const RunOptions& opt, const char* script, Outcome* o) {
  *o = {};
  o->status = -1;
  int out[2], err[2];
  if (!make_pipe(out)) {
    o->spawn_failed = true;
    return;
  }
  if (!make_pipe(err)) {
    close(out[0]);
    close(out[1]);
    o->spawn_failed = true;
    return;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  const int ends[] = {out[0], out[1], err[0], err[1]};
  for (int fd : ends) posix_spawn_file_actions_addclose(&fa, fd);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  char* argv[] = {const_cast<char*>(opt.shell), const_cast<char*>("-c"), const_cast<char*>(script), nullptr};
  pid_t pid = -1;
  const int r = posix_spawn(&pid, opt.shell, &fa, &attr, argv, opt.envp);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(out[1]);
  close(err[1]);
  o->out.fd = out[0];
  o->err.fd = err[0];
  if (r != 0) {
    close(out[0]);
    close(err[0]);
    o->spawn_failed = true;
    return;
  }
  pthread_t t_out, t_err;
  const bool started_out = pthread_create(&t_out, nullptr, drain, &o->out) == 0;
  const bool started_err = pthread_create(&t_err, nullptr, drain, &o->err) == 0;
  if (!started_out) close(out[0]);
  if (!started_err) close(err[0]);
  int status = 0;
  long waited = 0;
  for (;;) {
    const pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    if (waited >= opt.timeout_ms) {
      o->timed_out = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    sleep_ms(waited < 50 ? 1 : 5);
    waited += waited < 50 ? 1 : 5;
  }
  kill(-pid, SIGKILL);  // whatever it left running in its group, holding the pipes
  if (started_out) pthread_join(t_out, nullptr);
  if (started_err) pthread_join(t_err, nullptr);
  if (!started_out || !started_err) o->spawn_failed = true;
  o->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Prints text (at most a screenful) as lines indented after a label.
void show(const char* label, const char* p, size_t n) {
  printf("    %s (%zu bytes):\n", label, n);
  if (n > 2000) n = 2000;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && p[j] != '\n') ++j;
    printf("      |%.*s%s\n", static_cast<int>(j - i), p + i, j < n ? "" : "   (no newline)");
    i = j + 1;
  }
}

struct SuiteRun {
  const RunOptions* opt;
  const char* suite;
  Tally* t;
};

bool run_case(const Case& c, void* ctx) {
  SuiteRun* s = static_cast<SuiteRun*>(ctx);
  if (c.known_failure && s->opt->honour_known_failure) {
    ++s->t->known;
    printf("known failure: %s: %.*s: %.*s\n", s->suite, static_cast<int>(c.name.n), c.name.p,
           static_cast<int>(c.reason.n), c.reason.p);
    return true;
  }
  char* script = static_cast<char*>(malloc(c.script.n + 1));
  if (script == nullptr) {
    ++s->t->failed;
    printf("FAIL: %s: %.*s: out of memory\n", s->suite, static_cast<int>(c.name.n), c.name.p);
    return true;
  }
  memcpy(script, c.script.p, c.script.n);
  script[c.script.n] = '\0';
  Outcome o;
  run_script(*s->opt, script, &o);
  const bool out_ok = o.out.n == c.expected.n && (c.expected.n == 0 || memcmp(o.out.buf, c.expected.p, c.expected.n) == 0);
  const bool status_ok = c.status == kNonZero ? o.status > 0 : o.status == c.status;
  const bool err_ok = c.stderr_want == Stderr::kAny || (c.stderr_want == Stderr::kEmpty) == (o.err.n == 0);
  const bool ok = !o.spawn_failed && !o.timed_out && !o.out.failed && !o.err.failed && out_ok && status_ok && err_ok;
  if (ok) {
    ++s->t->passed;
    if (s->opt->verbose) printf("ok: %s: %.*s\n", s->suite, static_cast<int>(c.name.n), c.name.p);
  } else {
    ++s->t->failed;
    printf("FAIL: %s: %.*s (line %d):%s%s%s%s%s\n", s->suite, static_cast<int>(c.name.n), c.name.p, c.line,
           o.spawn_failed ? " cannot run the shell;" : "", o.timed_out ? " timed out;" : "",
           out_ok ? "" : " stdout differs;", status_ok ? "" : " status differs;", err_ok ? "" : " stderr differs;");
    show("script", c.script.p, c.script.n);
    if (!out_ok) {
      show("expected stdout", c.expected.p, c.expected.n);
      show("got stdout", o.out.buf, o.out.n);
    }
    if (!status_ok && c.status == kNonZero) printf("    status: expected nonzero, got %d\n", o.status);
    if (!status_ok && c.status != kNonZero) printf("    status: expected %d, got %d\n", c.status, o.status);
    if (!err_ok || !status_ok || !out_ok) {
      printf("    stderr: expected %s\n",
             c.stderr_want == Stderr::kEmpty ? "empty" : c.stderr_want == Stderr::kNonEmpty ? "nonempty" : "any");
      show("got stderr", o.err.buf, o.err.n);
    }
  }
  free(o.out.buf);
  free(o.err.buf);
  free(script);
  return true;
}

}  // namespace

char* read_file(const char* path, size_t* n) {
  *n = 0;
  const int fd = open(path, O_RDONLY);
  if (fd < 0) {
    printf("FAIL: cannot open %s: %s\n", path, strerror(errno));
    return nullptr;
  }
  Capture c = {fd, nullptr, 0, 0, false};
  drain(&c);  // closes fd
  if (c.failed || c.buf == nullptr) {
    printf("FAIL: cannot read %s\n", path);
    free(c.buf);
    return nullptr;
  }
  *n = c.n;
  return c.buf;
}

void run_suite(const RunOptions& opt, const char* suite_name, const char* text, size_t n, Tally* t) {
  Error e;
  if (!parse_suite(text, n, nullptr, nullptr, &e)) {  // the whole suite checked before anything runs
    ++t->failed;
    printf("FAIL: %s: line %d: %s\n", suite_name, e.line, e.message);
    return;
  }
  SuiteRun s = {&opt, suite_name, t};
  parse_suite(text, n, run_case, &s, &e);
}

}  // namespace qsh_conf
