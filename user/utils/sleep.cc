// sleep seconds: waits that long (a decimal fraction too: sleep 0.25).
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char** argv) {
  char* end = nullptr;
  const double s = argc == 2 ? strtod(argv[1], &end) : -1;
  if (argc != 2 || *end != '\0' || !(s >= 0) || s > 1e9) {
    fprintf(stderr, "usage: sleep seconds\n");
    return 1;
  }
  struct timespec t = {static_cast<time_t>(s), static_cast<long>((s - static_cast<double>(static_cast<time_t>(s))) * 1e9)};
  while (nanosleep(&t, &t) != 0) {
  }
  return 0;
}
