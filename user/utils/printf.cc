// printf format [argument...]: the arguments formatted as the format says,
// the format reused while arguments remain (printf_format.h, which qsh's
// builtin shares). Exit status 1 after a diagnostic, 2 for a usage error.
#include <stdio.h>
#include <string.h>

#include "user/utils/printf_format.h"

namespace {

void write_out(void*, const char* s, size_t n) { fwrite(s, 1, n, stdout); }
void write_error(void*, const char* msg) {
  fflush(stdout);
  fprintf(stderr, "%s\n", msg);
}

}  // namespace

int main(int argc, char** argv) {
  int i = 1;
  if (i < argc && strcmp(argv[i], "--") == 0) ++i;
  if (i >= argc) {
    fprintf(stderr, "usage: printf format [argument...]\n");
    return 2;
  }
  const utils::PrintfOut out{nullptr, write_out, write_error};
  int status = utils::printf_format(argv[i], argc - i - 1, argv + i + 1, out);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "printf: write error\n");
    status = 1;
  }
  return status;
}
