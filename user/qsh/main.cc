// qsh, QRV's shell:
//   qsh                      interactive when standard input is a terminal,
//                            else the commands read from standard input
//   qsh -c 'commands' [name [argument...]]
//   qsh file [argument...]
//   qsh -i                   interactive whatever standard input is
// The exit status is the last command's (2 for a syntax error in a script).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "user/qsh/shell.h"

extern char** environ;

namespace {

// All of fd's text; false (with a message) if it cannot be read.
bool slurp(int fd, const char* what, qsh::StrBuf* text) {
  char buf[4096];
  for (;;) {
    const long n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      fprintf(stderr, "qsh: %s: %s\n", what, strerror(errno));
      return false;
    }
    if (n == 0) return !text->failed;
    text->append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

int main(int argc, char** argv) {
  static qsh::Shell g_shell;  // a local static: the board runs no global constructors
  int i = 1;
  bool force_interactive = false;
  const char* command = nullptr;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; ++i) {
    if (strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    }
    if (strcmp(argv[i], "-i") == 0) {
      force_interactive = true;
    } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
      command = argv[++i];
    } else {
      fprintf(stderr, "qsh: %s: unknown option\nusage: qsh [-i] [-c commands [name [argument...]] | file [argument...]]\n",
              argv[i]);
      return 2;
    }
  }
  int status;
  if (command != nullptr) {
    const char* name = i < argc ? argv[i++] : argv[0];
    g_shell.init(environ, name, argc - i, argv + i);
    status = g_shell.run_text(command, strlen(command), true);
  } else if (i < argc) {
    const char* file = argv[i];
    g_shell.init(environ, file, argc - i - 1, argv + i + 1);
    const int fd = open(file, O_RDONLY | O_CLOEXEC);
    qsh::StrBuf text;
    if (fd < 0) {
      fprintf(stderr, "qsh: %s: %s\n", file, strerror(errno));
      return 127;
    }
    const bool ok = slurp(fd, file, &text);
    close(fd);
    if (!ok) return 2;
    status = g_shell.run_text(text.c_str(), text.n, true);
  } else {
    g_shell.init(environ, argv[0], 0, nullptr);
    if (force_interactive || isatty(0) == 1) {
      g_shell.interactive = true;
      status = g_shell.interactive_loop();
    } else {
      qsh::StrBuf text;
      if (!slurp(0, "standard input", &text)) return 2;
      status = g_shell.run_text(text.c_str(), text.n, true);
    }
  }
  g_shell.run_exit_trap();
  fflush(stdout);
  return g_shell.exiting ? g_shell.exit_code() : status;
}
