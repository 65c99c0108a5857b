// The interactive shell: a session's controlling terminal in raw mode
// while a line is edited (line_editor.h), back in its own mode while the
// line runs; each job in the foreground with the terminal; ^C cancels the
// line being typed; ^D on an empty line ends the shell.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "user/qsh/line_editor.h"
#include "user/qsh/parser.h"
#include "user/qsh/shell.h"

namespace qsh {
namespace {

void write_all(int fd, const char* s, size_t n) {
  while (n > 0) {
    const long w = write(fd, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    s += w;
    n -= static_cast<size_t>(w);
  }
}

void flush_editor(LineEditor& ed, int fd) {
  char buf[512];
  while (size_t n = ed.take_output(buf, sizeof buf)) write_all(fd, buf, n);
}

}  // namespace

int Shell::interactive_loop() {
  static LineEditor g_editor;  // large: not on the stack (and no global constructors on the board)
  tty_fd_ = fcntl(0, F_DUPFD_CLOEXEC, kTtyFd);
  termios cooked;
  const bool tty = tty_fd_ >= 0 && tcgetattr(tty_fd_, &cooked) == 0;
  if (tty) {
    // A session leader without a controlling terminal takes this one.
    if (tcgetpgrp(tty_fd_) < 0 && getsid(0) == getpid()) (void)ioctl(tty_fd_, TIOCSCTTY, 0);
    if (getpgrp() != getpid() && getsid(0) != getpid()) (void)setpgid(0, 0);
    shell_pgid_ = getpgrp();
    job_control_ = tcsetpgrp(tty_fd_, shell_pgid_) == 0;
  }
  static const int kIgnored[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM};
  for (int s : kIgnored) signal(s, SIG_IGN);
  termios raw = cooked;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(ICRNL | IXON);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;

  StrBuf pending;  // the lines of a command not complete yet
  while (!exiting) {
    reap_jobs(true);
    const char* prompt = vars_.get(pending.n != 0 ? "PS2" : "PS1");
    // Raw before the prompt shows: a key typed once it is there must not
    // meet the cooked terminal (whose ^C, ^D and echo would be its own).
    if (tty) tcsetattr(tty_fd_, TCSANOW, &raw);
    g_editor.start(prompt != nullptr ? prompt : "");
    flush_editor(g_editor, 2);
    LineEditor::Action a = LineEditor::Action::kNone;
    while (a == LineEditor::Action::kNone) {
      char c;
      const long n = read(0, &c, 1);
      if (n < 0 && errno == EINTR) continue;
      a = n == 1 ? g_editor.feed(static_cast<unsigned char>(c)) : LineEditor::Action::kEof;
      flush_editor(g_editor, 2);
    }
    if (tty) tcsetattr(tty_fd_, TCSANOW, &cooked);
    if (a == LineEditor::Action::kInterrupt) {
      pending.clear();
      status = 130;
      continue;
    }
    if (a == LineEditor::Action::kEof) {
      if (pending.n == 0) break;
      fprintf(stderr, "qsh: syntax error: unexpected end of file\n");
      pending.clear();
      status = 2;
      continue;
    }
    pending.append(g_editor.line(), g_editor.length());
    pending.push('\n');
    {
      Arena probe;
      const ParseResult r = parse(probe, pending.c_str(), pending.n, false);
      if (r.status == ParseStatus::kIncomplete) continue;
    }
    StrBuf entry;  // for the history: the command without its last newline
    entry.append(pending.c_str(), pending.n - 1);
    g_editor.remember(entry.c_str());
    run_text(pending.c_str(), pending.n, false);
    pending.clear();
    fflush(stdout);
    fflush(stderr);
  }
  if (job_control_) (void)tcsetpgrp(tty_fd_, shell_pgid_);
  return exiting ? exit_status_ : status;
}

}  // namespace qsh
