// cut -b list [-n] [file...], cut -c list [file...], cut -f list [-d delim]
// [-s] [file...]: the selected bytes, characters (bytes: QRV's locale is
// C) or delim-separated fields (a tab by default) of each line
// (cut_list.h); -s drops lines without the delimiter.
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/cut_list.h"
#include "user/utils/line_reader.h"

namespace {

int usage() {
  fprintf(stderr, "usage: cut -b list [-n] [file...]\n       cut -c list [file...]\n"
                  "       cut -f list [-d delim] [-s] [file...]\n");
  return 2;
}

struct Cut {
  utils::CutList list;
  bool fields = false;
  char delim = '\t';
  bool suppress = false;
};

bool cut(const Cut& how, int fd, const char* name) {
  utils::LineReader in(fd);
  const char* line = nullptr;
  size_t len = 0;
  char* out = nullptr;
  size_t out_cap = 0;
  int r;
  while ((r = in.next(&line, &len)) == 1) {
    if (len + 1 > out_cap) {
      free(out);
      out_cap = len + 1;
      out = static_cast<char*>(malloc(out_cap));
      if (out == nullptr) {
        fprintf(stderr, "cut: out of memory\n");
        return false;
      }
    }
    const size_t n = how.fields ? utils::cut_fields(how.list, how.delim, how.suppress, line, len, out)
                                : utils::cut_bytes(how.list, line, len, out);
    if (n == SIZE_MAX) continue;
    out[n] = '\n';
    fwrite(out, 1, n + 1, stdout);
  }
  free(out);
  if (r < 0) {
    fprintf(stderr, "cut: %s: %s\n", name, strerror(errno));
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Cut how;
  const char* list = nullptr;
  char mode = 0;
  bool have_delim = false;
  int c;
  while ((c = getopt(argc, argv, "+b:c:f:d:sn")) != -1) {
    switch (c) {
      case 'b':
      case 'c':
      case 'f':
        if (mode != 0) {
          fprintf(stderr, "cut: only one of -b, -c and -f\n");
          return usage();
        }
        mode = static_cast<char>(c);
        list = optarg;
        break;
      case 'd':
        if (strlen(optarg) != 1) {
          fprintf(stderr, "cut: %s: the delimiter must be one character\n", optarg);
          return usage();
        }
        how.delim = optarg[0];
        have_delim = true;
        break;
      case 's': how.suppress = true; break;
      case 'n': break;
      default: return usage();
    }
  }
  if (mode == 0) {
    fprintf(stderr, "cut: one of -b, -c and -f is needed\n");
    return usage();
  }
  how.fields = mode == 'f';
  if (!how.fields && (have_delim || how.suppress)) {
    fprintf(stderr, "cut: -d and -s go with -f\n");
    return usage();
  }
  char err[160];
  if (!utils::cut_list_parse(list, &how.list, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    return usage();
  }
  int status = 0;
  if (optind == argc && !cut(how, 0, "standard input")) status = 1;
  for (int i = optind; i < argc; ++i) {
    const bool std_in = strcmp(argv[i], "-") == 0;
    const int fd = std_in ? 0 : open(argv[i], O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "cut: %s: %s\n", argv[i], strerror(errno));
      status = 1;
      continue;
    }
    if (!cut(how, fd, argv[i])) status = 1;
    if (!std_in) close(fd);
  }
  utils::cut_list_free(&how.list);
  if (fflush(stdout) != 0) status = 1;
  return status;
}
