// echo's output: see echo_out.h.
#include "user/utils/echo_out.h"

#include <string.h>

namespace utils {

bool echo_out(int argc, char* const* argv, FILE* out) {
  int i = 1;
  bool newline = true;
  if (i < argc && strcmp(argv[i], "-n") == 0) {
    newline = false;
    ++i;
  }
  for (; i < argc; ++i) {
    fputs(argv[i], out);
    if (i + 1 < argc) fputc(' ', out);
  }
  if (newline) fputc('\n', out);
  return fflush(out) == 0 && !ferror(out);
}

}  // namespace utils
