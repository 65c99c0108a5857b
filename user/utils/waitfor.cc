// waitfor path [seconds]: waits until path exists (a resource manager has
// attached it, say), polling; 5 seconds unless given (QNX's waitfor).
// Exit status 0 once it exists, 1 if it did not in time, 2 for a usage error.
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

namespace {
long long now_ms() {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<long long>(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}
}  // namespace

int main(int argc, char** argv) {
  double seconds = 5;
  if (argc == 3) {
    char* end = nullptr;
    seconds = strtod(argv[2], &end);
    if (*end != '\0' || !(seconds >= 0) || seconds > 86400) argc = 0;
  }
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: waitfor path [seconds]\n");
    return 2;
  }
  const long long deadline = now_ms() + static_cast<long long>(seconds * 1000);
  for (;;) {
    struct stat st;
    if (stat(argv[1], &st) == 0) return 0;
    if (now_ms() >= deadline) break;
    const struct timespec poll = {0, 10000000};
    nanosleep(&poll, nullptr);
  }
  fprintf(stderr, "waitfor: %s: not there after %g s\n", argv[1], seconds);
  return 1;
}
