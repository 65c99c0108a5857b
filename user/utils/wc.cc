// wc [-c|-m] [-lw] [file...]: newlines, words and bytes (-m: characters,
// bytes in QRV's C locale) of each file or of standard input, and a total
// line after several files.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/wc_count.h"

namespace {

bool count(int fd, const char* name, utils::WcCounts* c) {
  char buf[4096];
  for (;;) {
    const long n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
      return false;
    }
    if (n == 0) return true;
    utils::wc_feed(c, buf, static_cast<size_t>(n));
  }
}

void print(const utils::WcCounts& c, utils::WcWhich which, const char* name) {
  char line[512];
  const int n = utils::wc_format(c, which, name, line, sizeof line);
  if (n > 0) fwrite(line, 1, static_cast<size_t>(n) < sizeof line ? static_cast<size_t>(n) : sizeof line - 1, stdout);
}

}  // namespace

int main(int argc, char** argv) {
  utils::WcWhich which;
  int c;
  while ((c = getopt(argc, argv, "+clmw")) != -1) {
    switch (c) {
      case 'c':
      case 'm': which.bytes = true; break;
      case 'l': which.lines = true; break;
      case 'w': which.words = true; break;
      default: fprintf(stderr, "usage: wc [-c|-m] [-lw] [file...]\n"); return 2;
    }
  }
  int status = 0;
  if (optind == argc) {
    utils::WcCounts counts;
    if (!count(0, "standard input", &counts)) return 1;
    print(counts, which, nullptr);
    return fflush(stdout) == 0 ? 0 : 1;
  }
  utils::WcCounts total;
  for (int i = optind; i < argc; ++i) {
    const bool std_in = strcmp(argv[i], "-") == 0;
    const int fd = std_in ? 0 : open(argv[i], O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
      status = 1;
      continue;
    }
    utils::WcCounts counts;
    if (count(fd, argv[i], &counts)) {
      print(counts, which, argv[i]);
      total.lines += counts.lines;
      total.words += counts.words;
      total.bytes += counts.bytes;
    } else {
      status = 1;
    }
    if (!std_in) close(fd);
  }
  if (argc - optind > 1) print(total, which, "total");
  if (fflush(stdout) != 0) status = 1;
  return status;
}
