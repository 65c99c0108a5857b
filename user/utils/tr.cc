// tr [-c|-C] [-s] set1 set2, tr -s [-c|-C] set1, tr -d [-c|-C] set1,
// tr -ds [-c|-C] set1 set2: standard input to standard output with the
// bytes of set1 translated to set2's, deleted, and runs squeezed
// (tr_set.h has the sets' syntax).
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "user/utils/tr_set.h"

namespace {

int usage() {
  fprintf(stderr, "usage: tr [-Ccs] set1 set2\n       tr [-Cc] -d set1\n       tr [-Cc] -s set1\n"
                  "       tr [-Cc] -ds set1 set2\n");
  return 2;
}

bool write_all(const char* buf, size_t n) {
  for (size_t done = 0; done < n;) {
    const long w = write(1, buf + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  bool complement = false, del = false, squeeze = false;
  int c;
  while ((c = getopt(argc, argv, "+Ccds")) != -1) {
    switch (c) {
      case 'C':
      case 'c': complement = true; break;
      case 'd': del = true; break;
      case 's': squeeze = true; break;
      default: return usage();
    }
  }
  const int sets = argc - optind;
  const int wanted = (del && !squeeze) || (squeeze && !del && sets == 1) ? 1 : 2;
  if (sets != wanted) {
    fprintf(stderr, sets < wanted ? "tr: missing operand\n" : "tr: extra operand\n");
    return usage();
  }
  utils::TrSet set1, set2;
  char err[128];
  if (!utils::tr_set_parse(argv[optind], &set1, err, sizeof err) ||
      (sets == 2 && !utils::tr_set_parse(argv[optind + 1], &set2, err, sizeof err))) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  utils::TrPlan plan;
  if (!utils::tr_plan(&plan, complement, del, squeeze, set1, sets == 2 ? &set2 : nullptr, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  char in[4096], out[4096];
  for (;;) {
    const long n = read(0, in, sizeof in);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      fprintf(stderr, "tr: standard input: %s\n", strerror(errno));
      return 1;
    }
    if (n == 0) break;
    if (!write_all(out, utils::tr_apply(&plan, in, static_cast<size_t>(n), out))) {
      fprintf(stderr, "tr: standard output: %s\n", strerror(errno));
      return 1;
    }
  }
  utils::tr_set_free(&set1);
  if (sets == 2) utils::tr_set_free(&set2);
  return 0;
}
