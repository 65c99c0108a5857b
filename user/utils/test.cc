// test expression, and [ expression ]: the same program under two names
// (the boot image holds it as both); as "[" the last operand must be "]".
// The expression is qsh's test_expr, which qsh's builtin uses as well.
// Exit status 0 (true), 1 (false) or 2 (an error, with its message).
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "user/qsh/test_expr.h"

namespace {

bool file_stat(const char* path, bool follow, qsh::FileInfo* out) {
  struct stat st;
  if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) return false;
  *out = qsh::FileInfo{static_cast<uint32_t>(st.st_mode), static_cast<uint64_t>(st.st_size)};
  return true;
}
bool file_access(const char* path, int mode) { return access(path, mode) == 0; }
bool fd_isatty(int fd) { return isatty(fd) == 1; }

}  // namespace

int main(int argc, char** argv) {
  const char* slash = strrchr(argv[0], '/');
  const char* name = slash != nullptr ? slash + 1 : argv[0];
  int n = argc - 1;
  if (strcmp(name, "[") == 0) {
    if (n == 0 || strcmp(argv[n], "]") != 0) {
      fprintf(stderr, "[: missing ]\n");
      return 2;
    }
    --n;
  }
  const qsh::FileQuery files{file_stat, file_access, fd_isatty};
  char err[256] = "";
  const int r = qsh::eval_test(n, argv + 1, files, err, sizeof err);
  if (r == 2) fprintf(stderr, "%s\n", err);
  return r;
}
