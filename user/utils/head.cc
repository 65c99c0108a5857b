// head [-n number] [file...]: the first number lines (10 by default) of
// each file, or of standard input ("-" too); with several files, each
// after a "==> name <==" header, a blank line between them.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/line_reader.h"

namespace {

int usage() {
  fprintf(stderr, "usage: head [-n number] [file...]\n");
  return 2;
}

bool head(int fd, const char* name, unsigned long long count) {
  utils::LineReader in(fd);
  const char* line = nullptr;
  size_t len = 0;
  int r = 0;
  for (unsigned long long k = 0; k < count && (r = in.next(&line, &len)) == 1; ++k) {
    fwrite(line, 1, len, stdout);
    if (in.had_newline()) putchar('\n');
  }
  if (r < 0) {
    fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned long long count = 10;
  int c;
  while ((c = getopt(argc, argv, "+n:")) != -1) {
    if (c != 'n') return usage();
    char* end = nullptr;
    errno = 0;
    count = strtoull(optarg, &end, 10);
    if (end == optarg || *end != '\0' || errno != 0 || optarg[0] == '-') {
      fprintf(stderr, "head: %s: not a number of lines\n", optarg);
      return usage();
    }
  }
  int status = 0;
  if (optind == argc) return head(0, "standard input", count) && fflush(stdout) == 0 ? 0 : 1;
  for (int i = optind; i < argc; ++i) {
    const bool std_in = strcmp(argv[i], "-") == 0;
    const int fd = std_in ? 0 : open(argv[i], O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
      status = 1;
      continue;
    }
    if (argc - optind > 1) printf("%s==> %s <==\n", i > optind ? "\n" : "", std_in ? "standard input" : argv[i]);
    if (!head(fd, argv[i], count)) status = 1;
    if (!std_in) close(fd);
  }
  if (fflush(stdout) != 0) status = 1;
  return status;
}
