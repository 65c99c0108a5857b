// kill [-s signal | -signal | -number] pid...: sends the signal (TERM by
// default) to each process, or with a negative pid to that process group;
// kill -l [status]: the signal names, or the name of the signal that ended
// a process with that exit status. 1 if any pid failed, 2 for a usage error.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "user/utils/signal_names.h"

namespace {

int usage() {
  fprintf(stderr, "usage: kill [-s signal | -signal] pid...\n       kill -l [exit_status]\n");
  return 2;
}

bool integer(const char* s, long* out) {
  char* end = nullptr;
  errno = 0;
  *out = strtol(s, &end, 10);
  return end != s && *end == '\0' && errno == 0;
}

int list(int argc, char** argv) {
  if (argc == 0) {
    size_t n = 0;
    const utils::SignalName* t = utils::signal_table(&n);
    for (size_t i = 0; i < n; ++i) printf("%s%c", t[i].name, i + 1 < n ? ' ' : '\n');
    return 0;
  }
  int status = 0;
  for (int i = 0; i < argc; ++i) {
    long v = 0;
    const char* name = integer(argv[i], &v) ? utils::signal_name(static_cast<int>(v > 128 ? v - 128 : v)) : nullptr;
    if (name == nullptr) {
      fprintf(stderr, "kill: %s: no such signal\n", argv[i]);
      status = 1;
      continue;
    }
    printf("%s\n", name);
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  int i = 1;
  int sig = SIGTERM;
  if (i < argc && strcmp(argv[i], "-l") == 0) return list(argc - 2, argv + 2);
  if (i < argc && strcmp(argv[i], "-s") == 0) {
    if (i + 1 >= argc) return usage();
    sig = utils::signal_number(argv[i + 1]);
    if (sig < 0) {
      fprintf(stderr, "kill: %s: no such signal\n", argv[i + 1]);
      return 2;
    }
    i += 2;
  } else if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0' && strcmp(argv[i], "--") != 0) {
    sig = utils::signal_number(argv[i] + 1);
    if (sig < 0) {
      fprintf(stderr, "kill: %s: no such signal\n", argv[i] + 1);
      return 2;
    }
    ++i;
  }
  if (i < argc && strcmp(argv[i], "--") == 0) ++i;
  if (i >= argc) return usage();
  int status = 0;
  for (; i < argc; ++i) {
    long pid = 0;
    if (!integer(argv[i], &pid) || pid != static_cast<long>(static_cast<pid_t>(pid))) {
      fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
      status = 1;
      continue;
    }
    if (kill(static_cast<pid_t>(pid), sig) != 0) {
      fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
      status = 1;
    }
  }
  return status;
}
