// env [-i] [name=value]... [utility [argument...]]: runs the utility with
// the environment changed (-i: emptied first), through posix_spawnp, and
// waits for it; without a utility, prints the environment so changed.
// Exit status: the utility's; 126 if it could not be run, 127 if it was
// not found; 2 for a usage error (125 and below are env's own).
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/utils/env_build.h"

int main(int argc, char** argv) {
  int i = 1;
  bool clear = false;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    if (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0) {
      clear = true;
    } else if (strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    } else {
      fprintf(stderr, "env: %s: unknown option\nusage: env [-i] [name=value]... [utility [argument...]]\n",
              argv[i]);
      return 2;
    }
  }
  const int first_assignment = i;
  while (i < argc && utils::env_is_assignment(argv[i])) ++i;
  char** env = utils::env_build(environ, clear, i - first_assignment, argv + first_assignment);
  if (env == nullptr) {
    fprintf(stderr, "env: out of memory\n");
    return 1;
  }
  if (i == argc) {
    for (char** e = env; *e != nullptr; ++e) printf("%s\n", *e);
    return fflush(stdout) == 0 ? 0 : 1;
  }
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, argv[i], nullptr, nullptr, argv + i, env);
  if (err != 0) {
    fprintf(stderr, "env: %s: %s\n", argv[i], strerror(err));
    return err == ENOENT ? 127 : 126;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      fprintf(stderr, "env: wait: %s\n", strerror(errno));
      return 1;
    }
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
