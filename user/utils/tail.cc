// tail [-n number] [file]: the last number lines (10 by default) of the
// file or of standard input; -n +number: from line number on. The last
// lines are found by reading all the input into memory.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

int usage() {
  fprintf(stderr, "usage: tail [-n [+]number] [file]\n");
  return 2;
}

// All of fd in a malloc'd buffer; false (errno set) on a read error.
bool slurp(int fd, char** data, size_t* len) {
  size_t cap = 8192, n = 0;
  char* buf = static_cast<char*>(malloc(cap));
  for (;;) {
    if (buf == nullptr) {
      errno = ENOMEM;
      return false;
    }
    if (n == cap) {
      char* grown = static_cast<char*>(realloc(buf, cap * 2));
      if (grown == nullptr) free(buf);
      buf = grown;
      cap *= 2;
      continue;
    }
    const long r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      free(buf);
      return false;
    }
    if (r == 0) break;
    n += static_cast<size_t>(r);
  }
  *data = buf;
  *len = n;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned long long count = 10;
  bool from_start = false;  // -n +number
  int c;
  while ((c = getopt(argc, argv, "+n:")) != -1) {
    if (c != 'n') return usage();
    const char* s = optarg;
    from_start = s[0] == '+';
    if (s[0] == '+' || s[0] == '-') ++s;
    char* end = nullptr;
    errno = 0;
    count = strtoull(s, &end, 10);
    if (end == s || *end != '\0' || errno != 0 || s[0] == '-' || s[0] == '+') {
      fprintf(stderr, "tail: %s: not a number of lines\n", optarg);
      return usage();
    }
  }
  if (argc - optind > 1) return usage();
  const char* name = optind < argc ? argv[optind] : "-";
  const bool std_in = strcmp(name, "-") == 0;
  const int fd = std_in ? 0 : open(name, O_RDONLY);
  char* data = nullptr;
  size_t len = 0;
  if (fd < 0 || !slurp(fd, &data, &len)) {
    fprintf(stderr, "tail: %s: %s\n", std_in ? "standard input" : name, strerror(errno));
    return 1;
  }
  size_t start = 0;
  if (from_start) {  // skip count - 1 lines
    for (unsigned long long k = 1; k < count && start < len; ++k) {
      const void* nl = memchr(data + start, '\n', len - start);
      start = nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - data) + 1 : len;
    }
  } else {
    start = len;
    size_t end = len > 0 && data[len - 1] == '\n' ? len - 1 : len;  // the last line's newline
    for (unsigned long long k = 0; k < count && start > 0; ++k) {
      start = end;
      while (start > 0 && data[start - 1] != '\n') --start;
      end = start > 0 ? start - 1 : 0;
    }
  }
  fwrite(data + start, 1, len - start, stdout);
  free(data);
  return fflush(stdout) == 0 ? 0 : 1;
}
