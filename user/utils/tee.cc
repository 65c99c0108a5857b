// tee [-a] [-i] [file...]: standard input to standard output and to each
// file (-a: appended to, not truncated; -i: SIGINT ignored). A file that
// cannot be opened or written is reported, the others still get the data.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

bool write_all(int fd, const char* buf, size_t n) {
  for (size_t done = 0; done < n;) {
    const long w = write(fd, buf + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  bool append = false;
  int c;
  while ((c = getopt(argc, argv, "+ai")) != -1) {
    if (c == 'a') {
      append = true;
    } else if (c == 'i') {
      signal(SIGINT, SIG_IGN);
    } else {
      fprintf(stderr, "usage: tee [-ai] [file...]\n");
      return 2;
    }
  }
  const int nfiles = argc - optind;
  int* fds = static_cast<int*>(malloc(sizeof(int) * static_cast<size_t>(nfiles + 1)));
  if (fds == nullptr) return 1;
  int status = 0;
  for (int i = 0; i < nfiles; ++i) {
    fds[i] = open(argv[optind + i], O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
    if (fds[i] < 0) {
      fprintf(stderr, "tee: %s: %s\n", argv[optind + i], strerror(errno));
      status = 1;
    }
  }
  char buf[4096];
  for (;;) {
    const long n = read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      fprintf(stderr, "tee: standard input: %s\n", strerror(errno));
      status = 1;
      break;
    }
    if (n == 0) break;
    if (!write_all(1, buf, static_cast<size_t>(n))) {
      fprintf(stderr, "tee: standard output: %s\n", strerror(errno));
      status = 1;
      break;
    }
    for (int i = 0; i < nfiles; ++i) {
      if (fds[i] >= 0 && !write_all(fds[i], buf, static_cast<size_t>(n))) {
        fprintf(stderr, "tee: %s: %s\n", argv[optind + i], strerror(errno));
        close(fds[i]);
        fds[i] = -1;
        status = 1;
      }
    }
  }
  for (int i = 0; i < nfiles; ++i) {
    if (fds[i] >= 0) close(fds[i]);
  }
  free(fds);
  return status;
}
