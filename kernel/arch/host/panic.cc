// Host implementation of kpanic for unit tests: message to stderr, then abort.
#include "kernel/lib/panic.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

void kpanic(const char* fmt, ...) {
  std::fputs("kernel panic: ", stderr);
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
  std::abort();
}
