// sort [-nru] [-t char] [-k field[,field]] [-o output] [file...]: the lines
// of all the files (or standard input; "-" too), in memory, in byte order or
// by the options (sort_lines.h): -n numerically, -r reversed, -u one of each
// run of equal keys, -k one key with -t its field separator. Stable. -o
// writes to output, which may be one of the inputs (all are read first).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/sort_lines.h"

namespace {

int usage() {
  fprintf(stderr, "usage: sort [-nru] [-t char] [-k field[,field]] [-o output] [file...]\n");
  return 2;
}

struct Input {
  char* data = nullptr;
  size_t len = 0, cap = 0;

  // Appends all of fd, ending it with a newline if it lacks one.
  bool read_all(int fd) {
    for (;;) {
      if (cap - len < 4096 && !grow()) return false;
      const long n = read(fd, data + len, cap - len);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return false;
      if (n == 0) break;
      len += static_cast<size_t>(n);
    }
    if (len > 0 && data[len - 1] != '\n') {
      if (len == cap && !grow()) return false;
      data[len++] = '\n';
    }
    return true;
  }
  bool grow() {
    const size_t c = cap == 0 ? 16384 : cap * 2;
    char* d = static_cast<char*>(realloc(data, c));
    if (d == nullptr) {
      errno = ENOMEM;
      return false;
    }
    data = d;
    cap = c;
    return true;
  }
};

}  // namespace

int main(int argc, char** argv) {
  utils::SortOptions o;
  const char* output = nullptr;
  int c;
  while ((c = getopt(argc, argv, "+nruk:t:o:")) != -1) {
    switch (c) {
      case 'o': output = optarg; break;
      case 'n': o.numeric = true; break;
      case 'r': o.reverse = true; break;
      case 'u': o.unique = true; break;
      case 'k':
        if (!utils::sort_parse_key(optarg, &o)) {
          fprintf(stderr, "sort: %s: a key is field[,field]\n", optarg);
          return usage();
        }
        break;
      case 't':
        if (strlen(optarg) != 1) {
          fprintf(stderr, "sort: %s: the separator must be one character\n", optarg);
          return usage();
        }
        o.separator = optarg[0];
        break;
      default: return usage();
    }
  }
  Input in;
  for (int i = optind; i < argc || i == optind; ++i) {
    const char* name = i < argc ? argv[i] : "-";
    const bool std_in = strcmp(name, "-") == 0;
    const int fd = std_in ? 0 : open(name, O_RDONLY);
    if (fd < 0 || !in.read_all(fd)) {
      fprintf(stderr, "sort: %s: %s\n", std_in ? "standard input" : name, strerror(errno));
      return 2;
    }
    if (!std_in) close(fd);
    if (i >= argc) break;
  }
  size_t n = 0;
  for (size_t i = 0; i < in.len; ++i) n += in.data[i] == '\n' ? 1 : 0;
  auto* lines = static_cast<utils::SortLine*>(malloc((n + 1) * sizeof(utils::SortLine)));
  auto* scratch = static_cast<utils::SortLine*>(malloc((n + 1) * sizeof(utils::SortLine)));
  if (lines == nullptr || scratch == nullptr) {
    fprintf(stderr, "sort: out of memory\n");
    return 2;
  }
  size_t k = 0;
  for (size_t start = 0, i = 0; i < in.len; ++i) {
    if (in.data[i] != '\n') continue;
    lines[k++] = utils::SortLine{in.data + start, i - start};
    start = i + 1;
  }
  const size_t kept = utils::sort_lines(lines, scratch, k, o);
  FILE* out = output != nullptr ? fopen(output, "w") : stdout;
  if (out == nullptr) {
    fprintf(stderr, "sort: %s: %s\n", output, strerror(errno));
    return 2;
  }
  for (size_t i = 0; i < kept; ++i) {
    fwrite(lines[i].s, 1, lines[i].n, out);
    fputc('\n', out);
  }
  free(lines);
  free(scratch);
  free(in.data);
  const bool ok = fflush(out) == 0 && !ferror(out);
  if (out != stdout) fclose(out);
  return ok ? 0 : 2;
}
