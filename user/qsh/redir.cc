// Redirections, here-documents and command substitution: all of them move
// the shell's own descriptors around a command and put them back.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/qsh/shell.h"

namespace qsh {
namespace {

constexpr size_t kHeredocMax = 16384;  // what a pipe holds: written before the reader runs
constexpr int kSaveBase = 10;          // saved descriptors live at 10 and up, close-on-exec

struct Capture {
  int fd;
  StrBuf out;
};

void* drain(void* arg) {
  Capture* c = static_cast<Capture*>(arg);
  char buf[512];
  for (;;) {
    const long n = read(c->fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    c->out.append(buf, static_cast<size_t>(n));
  }
  return nullptr;
}

bool parse_fd(const char* s, int* fd) {
  if (s[0] == '\0') return false;
  long v = 0;
  for (const char* p = s; *p != '\0'; ++p) {
    if (*p < '0' || *p > '9') return false;
    v = v * 10 + (*p - '0');
    if (v > 1023) return false;
  }
  *fd = static_cast<int>(v);
  return true;
}

}  // namespace

bool Shell::save_fd(int fd, RedirFrame* frame) {
  for (int i = 0; i < frame->n; ++i) {
    if (frame->saved[i].fd == fd) return true;  // the first copy is the one to put back
  }
  if (frame->n == static_cast<int>(sizeof frame->saved / sizeof frame->saved[0])) {
    error("too many redirections");
    return false;
  }
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, kSaveBase);
  // Under a low RLIMIT_NOFILE (ulimit -n) nothing is free up there: any
  // free descriptor will do (restores run newest first, so a later
  // redirection of that one is undone before it is used).
  if (copy < 0 && (errno == EMFILE || errno == EINVAL)) copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (copy < 0 && errno != EBADF) {
    error("cannot save descriptor %d: %s", fd, strerror(errno));
    return false;
  }
  frame->saved[frame->n++] = Saved{fd, copy < 0 ? -1 : copy};
  return true;
}

void Shell::undo_redirs(RedirFrame* frame) {
  for (int i = frame->n - 1; i >= 0; --i) {
    const Saved& s = frame->saved[i];
    if (s.copy >= 0) {
      dup2(s.copy, s.fd);
      close(s.copy);
    } else {
      close(s.fd);
    }
  }
  frame->n = 0;
}

int Shell::heredoc_fd(const Redir& r) {
  char* body = r.body_quoted ? nullptr : expand_single(r.body);
  StrBuf literal;
  if (r.body_quoted) {
    for (size_t i = 0; i < r.body->parts.size(); ++i) literal.append(r.body->parts[i].text.s, r.body->parts[i].text.n);
  } else if (body == nullptr) {
    return -1;
  }
  const char* text = r.body_quoted ? literal.c_str() : body;
  const size_t len = strlen(text);
  int fds[2] = {-1, -1};
  int result = -1;
  if (len > kHeredocMax) {
    error("here-document of %zu bytes: %zu at most", len, kHeredocMax);
  } else if (pipe2(fds, O_CLOEXEC) != 0) {
    error("pipe: %s", strerror(errno));
  } else {
    size_t done = 0;
    while (done < len) {
      const long n = write(fds[1], text + done, len - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    close(fds[1]);
    result = fds[0];
  }
  free(body);
  return result;
}

bool Shell::apply_redirs(const Vec<Redir>& redirs, RedirFrame* frame) {
  for (size_t i = 0; i < redirs.size(); ++i) {
    const Redir& r = redirs[i];
    int fd = -1;
    if (r.op == RedirOp::kHeredoc || r.op == RedirOp::kHeredocTab) {
      fd = heredoc_fd(r);
      if (fd < 0) return false;
    } else {
      char* target = expand_single(r.target);
      if (target == nullptr) return false;
      if (r.op == RedirOp::kDupIn || r.op == RedirOp::kDupOut) {
        if (strcmp(target, "-") == 0) {
          free(target);
          if (!save_fd(r.fd, frame)) return false;
          close(r.fd);
          continue;
        }
        int from = -1;
        if (!parse_fd(target, &from) || fcntl(from, F_GETFD) < 0) {
          error("%s: bad file descriptor", target);
          free(target);
          return false;
        }
        free(target);
        if (from == r.fd) continue;
        if (!save_fd(r.fd, frame) || dup2(from, r.fd) < 0) return false;
        continue;
      }
      int flags = O_RDONLY;
      switch (r.op) {
        case RedirOp::kOut:
        case RedirOp::kClobber:
          flags = O_WRONLY | O_CREAT | O_TRUNC;
          break;
        case RedirOp::kAppend:
          flags = O_WRONLY | O_CREAT | O_APPEND;
          break;
        case RedirOp::kReadWrite:
          flags = O_RDWR | O_CREAT;
          break;
        default:
          break;
      }
      fd = open(target, flags | O_CLOEXEC | O_NOCTTY, 0666);
      if (fd < 0) {
        error("%s: %s", target, strerror(errno));
        free(target);
        return false;
      }
      free(target);
    }
    if (fd == r.fd) {  // opened right where it goes: keep it past exec
      const int flags = fcntl(fd, F_GETFD);
      if (flags >= 0) fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
      continue;
    }
    const bool ok = save_fd(r.fd, frame) && dup2(fd, r.fd) == r.fd;
    close(fd);
    if (!ok) return false;
  }
  return true;
}

// $(list): its standard output, read by a thread while it runs (so it may
// write more than a pipe holds), trailing newlines removed.
char* Shell::capture(const List* list) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    error("pipe: %s", strerror(errno));
    return nullptr;
  }
  Capture cap;
  cap.fd = fds[0];
  pthread_t reader;
  if (pthread_create(&reader, nullptr, drain, &cap) != 0) {
    close(fds[0]);
    close(fds[1]);
    error("cannot capture output: no thread");
    return nullptr;
  }
  RedirFrame frame;
  if (save_fd(1, &frame) && dup2(fds[1], 1) == 1) {
    close(fds[1]);
    fds[1] = -1;
    subst_status_ = run_subshell(list);
  }
  undo_redirs(&frame);  // the last write end goes: the reader sees the end
  if (fds[1] >= 0) close(fds[1]);
  pthread_join(reader, nullptr);
  close(fds[0]);
  while (cap.out.n > 0 && cap.out.s[cap.out.n - 1] == '\n') cap.out.s[--cap.out.n] = '\0';
  if (cap.out.failed) {
    error("out of memory");
    return nullptr;
  }
  return cap.out.take();
}

}  // namespace qsh
