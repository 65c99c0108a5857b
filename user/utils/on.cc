// on -p priority[f|r|o] command [argument...] (QNX's on, its -p): runs
// command with its main thread at that priority (1..255) and policy (FIFO,
// round robin, other; round robin unless given), waits for it and exits
// with its status (128+signal if killed; 126 if it cannot be run, 127 if
// there is no such program, 2 for a usage error).
#include <errno.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

extern char** environ;

namespace {
int usage() {
  fprintf(stderr, "usage: on -p priority[f|r|o] command [argument...]\n");
  return 2;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || strcmp(argv[1], "-p") != 0) return usage();
  char* end = nullptr;
  const long prio = strtol(argv[2], &end, 10);
  int policy = SCHED_RR;
  if (*end == 'f') policy = SCHED_FIFO;
  if (*end == 'o') policy = SCHED_OTHER;
  if (end == argv[2] || (*end != '\0' && (end[1] != '\0' || strchr("fro", *end) == nullptr)) || prio < 1 ||
      prio > 255) {
    fprintf(stderr, "on: %s: not a priority (1..255, then f, r or o)\n", argv[2]);
    return 2;
  }
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  struct sched_param param = {};
  param.sched_priority = static_cast<int>(prio);
  posix_spawnattr_setschedparam(&attr, &param);
  posix_spawnattr_setschedpolicy(&attr, policy);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER);
  pid_t pid = -1;
  const int r = posix_spawnp(&pid, argv[3], nullptr, &attr, argv + 3, environ);
  posix_spawnattr_destroy(&attr);
  if (r != 0) {
    fprintf(stderr, "on: %s: %s\n", argv[3], strerror(r));
    return r == ENOENT ? 127 : 126;
  }
  int st = 0;
  while (waitpid(pid, &st, 0) < 0) {
    if (errno != EINTR) return 1;
  }
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
