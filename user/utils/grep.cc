// grep [-E|-F] [-c|-l|-q] [-hHinsvx] -e pattern... | -f file... | pattern [file...]:
// the lines of each file (or standard input, also for "-") that match a
// pattern; with several files each line is prefixed "file:" (-h never, -H
// always). Exit 0: a line was selected; 1: none; 2: an error (a bad
// pattern, with regerror's message; an unreadable file, unless -q selected one).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/grep_match.h"
#include "user/utils/line_reader.h"

namespace {

int usage() {
  fprintf(stderr, "usage: grep [-E|-F] [-c|-l|-q] [-hHinsvx] -e pattern... [-f file]... [file...]\n");
  return 2;
}

struct Grep {
  bool count = false, list = false, quiet = false, numbers = false, silent = false;
  bool names = false;
  bool selected = false;  // a line was selected, in any file
  bool error = false;
  utils::GrepMatcher matcher;

  // One file; false if it could not be read.
  bool file(const char* path) {
    const bool std_in = strcmp(path, "-") == 0;
    const char* name = std_in ? "(standard input)" : path;
    const int fd = std_in ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
      if (!silent) fprintf(stderr, "grep: %s: %s\n", path, strerror(errno));
      return false;
    }
    utils::LineReader in(fd);
    const char* line = nullptr;
    size_t len = 0;
    unsigned long long n = 0, lineno = 0;
    int r;
    while ((r = in.next(&line, &len)) == 1) {
      ++lineno;
      if (!matcher.selects(line, len)) continue;
      selected = true;
      ++n;
      if (quiet) break;
      if (list) {
        printf("%s\n", name);
        break;
      }
      if (count) continue;
      if (names) printf("%s:", name);
      if (numbers) printf("%llu:", lineno);
      fwrite(line, 1, len, stdout);
      putchar('\n');
    }
    const int saved = errno;
    if (!std_in) close(fd);
    if (r < 0) {
      if (!silent) fprintf(stderr, "grep: %s: %s\n", path, strerror(saved));
      return false;
    }
    if (count && !quiet && !list) {
      if (names) printf("%s:", name);
      printf("%llu\n", n);
    }
    return true;
  }
};

// The patterns of a -f file, all of it.
bool read_patterns(const char* path, utils::GrepMatcher* m) {
  const int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
  if (fd < 0) return false;
  char* buf = nullptr;
  size_t len = 0, cap = 0;
  bool ok = true;
  for (;;) {
    if (len == cap) {
      cap = cap == 0 ? 4096 : cap * 2;
      char* p = static_cast<char*>(realloc(buf, cap));
      if (p == nullptr) {
        ok = false;
        break;
      }
      buf = p;
    }
    const long n = read(fd, buf + len, cap - len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    len += static_cast<size_t>(n);
  }
  if (fd != 0) close(fd);
  if (ok && len > 0) ok = m->add(buf, len);  // an empty file has no patterns
  free(buf);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  Grep g;
  utils::GrepOptions o;
  bool have_patterns = false;
  int force_names = -1;  // -h: 0, -H: 1
  int c;
  while ((c = getopt(argc, argv, "+EFce:f:hHilnqsvx")) != -1) {
    switch (c) {
      case 'E': o.extended = true; o.fixed = false; break;
      case 'F': o.fixed = true; o.extended = false; break;
      case 'c': g.count = true; break;
      case 'e':
        have_patterns = true;
        if (!g.matcher.add(optarg, strlen(optarg))) {
          fprintf(stderr, "grep: out of memory\n");
          return 2;
        }
        break;
      case 'f':
        have_patterns = true;
        if (!read_patterns(optarg, &g.matcher)) {
          fprintf(stderr, "grep: %s: %s\n", optarg, strerror(errno));
          return 2;
        }
        break;
      case 'h': force_names = 0; break;
      case 'H': force_names = 1; break;
      case 'i': o.icase = true; break;
      case 'l': g.list = true; break;
      case 'n': g.numbers = true; break;
      case 'q': g.quiet = true; break;
      case 's': g.silent = true; break;
      case 'v': o.invert = true; break;
      case 'x': o.whole_line = true; break;
      default: return usage();
    }
  }
  if (!have_patterns) {
    if (optind == argc) return usage();
    const char* p = argv[optind++];
    if (!g.matcher.add(p, strlen(p))) return 2;
  }
  char msg[256];
  if (g.matcher.compile(o, msg, sizeof msg) != 0) {
    fprintf(stderr, "grep: %s\n", msg);
    return 2;
  }
  const int files = argc - optind;
  g.names = force_names < 0 ? files > 1 : force_names == 1;
  if (files == 0) {
    g.error = !g.file("-");
  } else {
    for (int i = optind; i < argc && !(g.quiet && g.selected); ++i) {
      if (!g.file(argv[i])) g.error = true;
    }
  }
  if (fflush(stdout) != 0) g.error = true;
  if (g.quiet && g.selected) return 0;
  if (g.error) return 2;
  return g.selected ? 0 : 1;
}
