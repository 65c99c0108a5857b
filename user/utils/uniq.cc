// uniq [-c|-d|-u] [input [output]]: adjacent equal lines written once;
// -c with each line's count, -d only lines that repeated, -u only lines
// that did not. "-" as input is standard input.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/line_reader.h"

namespace {

int usage() {
  fprintf(stderr, "usage: uniq [-c|-d|-u] [input [output]]\n");
  return 2;
}

struct Uniq {
  bool count = false, repeated = false, unique = false;
  FILE* out = nullptr;

  void emit(const char* line, size_t len, unsigned long long n) {
    if (repeated && n < 2) return;
    if (unique && n > 1) return;
    if (count) fprintf(out, "%llu ", n);
    fwrite(line, 1, len, out);
    fputc('\n', out);
  }
};

}  // namespace

int main(int argc, char** argv) {
  Uniq u;
  int c;
  while ((c = getopt(argc, argv, "+cdu")) != -1) {
    switch (c) {
      case 'c': u.count = true; break;
      case 'd': u.repeated = true; break;
      case 'u': u.unique = true; break;
      default: return usage();
    }
  }
  if (argc - optind > 2) return usage();
  const char* input = optind < argc ? argv[optind] : "-";
  const int fd = strcmp(input, "-") == 0 ? 0 : open(input, O_RDONLY);
  if (fd < 0) {
    fprintf(stderr, "uniq: %s: %s\n", input, strerror(errno));
    return 1;
  }
  u.out = stdout;
  if (argc - optind == 2) {
    u.out = fopen(argv[optind + 1], "w");
    if (u.out == nullptr) {
      fprintf(stderr, "uniq: %s: %s\n", argv[optind + 1], strerror(errno));
      return 1;
    }
  }
  utils::LineReader in(fd);
  char* prev = nullptr;  // a copy of the current run's line
  size_t prev_len = 0;
  unsigned long long run = 0;
  const char* line = nullptr;
  size_t len = 0;
  int r;
  while ((r = in.next(&line, &len)) == 1) {
    if (run > 0 && len == prev_len && memcmp(line, prev, len) == 0) {
      ++run;
      continue;
    }
    if (run > 0) u.emit(prev, prev_len, run);
    char* copy = static_cast<char*>(realloc(prev, len + 1));
    if (copy == nullptr) {
      fprintf(stderr, "uniq: out of memory\n");
      return 1;
    }
    prev = copy;
    memcpy(prev, line, len);
    prev_len = len;
    run = 1;
  }
  if (run > 0) u.emit(prev, prev_len, run);
  free(prev);
  int status = 0;
  if (r < 0) {
    fprintf(stderr, "uniq: %s: %s\n", input, strerror(errno));
    status = 1;
  }
  if (fflush(u.out) != 0 || ferror(u.out)) status = 1;
  if (u.out != stdout) fclose(u.out);
  return status;
}
