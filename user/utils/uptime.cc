// uptime [-n]: how long the system has run (CLOCK_MONOTONIC counts from
// boot): "up 1 h 2 min 3.456 s", or with -n the nanoseconds alone, for
// scripts and benchmarks (under QEMU -icount shift=0 a nanosecond is an
// instruction).
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(int argc, char** argv) {
  const bool ns_only = argc == 2 && strcmp(argv[1], "-n") == 0;
  if (argc > 2 || (argc == 2 && !ns_only)) {
    fprintf(stderr, "usage: uptime [-n]\n");
    return 2;
  }
  struct timespec t;
  if (clock_gettime(CLOCK_MONOTONIC, &t) != 0) {
    perror("uptime");
    return 1;
  }
  if (ns_only) {
    printf("%lld\n", static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec);
    return 0;
  }
  const long long h = t.tv_sec / 3600, m = t.tv_sec / 60 % 60, s = t.tv_sec % 60;
  printf("up ");
  if (h > 0) printf("%lld h ", h);
  if (h > 0 || m > 0) printf("%lld min ", m);
  printf("%lld.%03ld s\n", s, t.tv_nsec / 1000000);
  return 0;
}
