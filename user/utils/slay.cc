// slay [-s signal] [-n] name...: sends a signal (SIGTERM unless -s) to every
// process whose name is one of the names (as QNX's slay does), found through
// /proc; -n only lists them. Never itself, taskman or init. Exit status 0
// if some process matched, 1 if none did, 2 for a usage error.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/signal_names.h"

namespace {

// The "name" line of /proc/<pid>, into name; false if there is none.
bool process_name(long pid, char* name, size_t cap) {
  char path[32];
  snprintf(path, sizeof path, "/proc/%ld", pid);
  const int fd = open(path, O_RDONLY);
  if (fd < 0) return false;
  char text[512];
  const long n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n <= 0) return false;
  text[n] = '\0';
  const char* line = strstr(text, "\nname ");
  if (line == nullptr) return false;
  line += 6;
  size_t len = strcspn(line, "\n");
  if (len >= cap) len = cap - 1;
  memcpy(name, line, len);
  name[len] = '\0';
  return true;
}

int usage() {
  fprintf(stderr, "usage: slay [-s signal] [-n] name...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int sig = SIGTERM;
  bool list_only = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    if (strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    }
    if (strcmp(argv[i], "-n") == 0) {
      list_only = true;
    } else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
      sig = utils::signal_number(argv[++i]);
      if (sig < 0) {
        fprintf(stderr, "slay: %s: unknown signal\n", argv[i]);
        return 2;
      }
    } else {
      return usage();
    }
  }
  if (i == argc) return usage();
  DIR* d = opendir("/proc");
  if (d == nullptr) {
    fprintf(stderr, "slay: /proc: %s\n", strerror(errno));
    return 1;
  }
  int matched = 0;
  int status = 0;
  while (struct dirent* e = readdir(d)) {
    char* end = nullptr;
    const long pid = strtol(e->d_name, &end, 10);
    if (*end != '\0' || pid <= 2 || pid == getpid()) continue;  // not taskman (1), init (2) or us
    char name[64];
    if (!process_name(pid, name, sizeof name)) continue;
    for (int k = i; k < argc; ++k) {
      if (strcmp(name, argv[k]) != 0) continue;
      ++matched;
      if (list_only) {
        printf("%ld %s\n", pid, name);
      } else if (kill(static_cast<pid_t>(pid), sig) != 0) {
        fprintf(stderr, "slay: %s (pid %ld): %s\n", name, pid, strerror(errno));
        status = 1;
      }
      break;
    }
  }
  closedir(d);
  if (matched == 0) {
    fprintf(stderr, "slay: no process named");
    for (int k = i; k < argc; ++k) fprintf(stderr, " %s", argv[k]);
    fprintf(stderr, "\n");
    return 1;
  }
  return status;
}
