// cat [-u] [file...]: the files (or standard input, also for "-") to
// standard output, in order. -u is accepted (output is never buffered).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

namespace {

bool copy(int fd, const char* name) {
  char buf[4096];
  for (;;) {
    const long n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
      return false;
    }
    if (n == 0) return true;
    for (long done = 0; done < n;) {
      const long w = write(1, buf + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        fprintf(stderr, "cat: write: %s\n", strerror(errno));
        return false;
      }
      done += w;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  int i = 1;
  if (i < argc && strcmp(argv[i], "-u") == 0) ++i;
  if (i < argc && strcmp(argv[i], "--") == 0) ++i;
  if (i == argc) return copy(0, "standard input") ? 0 : 1;
  int status = 0;
  for (; i < argc; ++i) {
    if (strcmp(argv[i], "-") == 0) {
      if (!copy(0, "standard input")) status = 1;
      continue;
    }
    const int fd = open(argv[i], O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
      status = 1;
      continue;
    }
    if (!copy(fd, argv[i])) status = 1;
    close(fd);
  }
  return status;
}
