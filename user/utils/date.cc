// date [-u] [+format]: the time of CLOCK_REALTIME as UTC (QRV keeps no time
// zone for date: -u changes nothing), in POSIX's default format or in the
// strftime format after the '+'. Setting the time is not supported.
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "user/utils/date_format.h"

int main(int argc, char** argv) {
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; ++i) {
    if (strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    }
    if (strcmp(argv[i], "-u") != 0) {
      fprintf(stderr, "date: %s: unknown option\nusage: date [-u] [+format]\n", argv[i]);
      return 2;
    }
  }
  const char* format = utils::kDateDefaultFormat;
  if (i < argc) {
    if (argv[i][0] != '+') {
      fprintf(stderr, "date: %s: setting the time is not supported\n", argv[i]);
      return 1;
    }
    if (i + 1 < argc) {
      fprintf(stderr, "date: %s: unexpected operand\nusage: date [-u] [+format]\n", argv[i + 1]);
      return 2;
    }
    format = argv[i] + 1;
  }
  struct timespec now;
  if (clock_gettime(CLOCK_REALTIME, &now) != 0) {
    perror("date: clock_gettime");
    return 1;
  }
  char buf[1024];
  const size_t n = utils::date_format(now.tv_sec, format, buf, sizeof buf);
  if (n == 0) {
    fprintf(stderr, "date: the format gives nothing or too much\n");
    return 1;
  }
  fwrite(buf, 1, n, stdout);
  return fflush(stdout) == 0 ? 0 : 1;
}
