// seq [-w] [-s separator] [first [increment]] last: the integers from
// first (1) by increment (1) while not past last, separated by separator
// (a newline) and ending in a newline; -w pads them with zeros to one width.
// Options end at "--" or at an operand, which may be negative ("seq -3 3").
#include <stdio.h>
#include <string.h>

#include "user/utils/seq_plan.h"

namespace {

int usage() {
  fprintf(stderr, "usage: seq [-w] [-s separator] [first [increment]] last\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  bool width = false;
  const char* separator = "\n";
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && !(argv[i][1] >= '0' && argv[i][1] <= '9'); ++i) {
    if (strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    }
    if (strcmp(argv[i], "-w") == 0) {
      width = true;
    } else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
      separator = argv[++i];
    } else if (strncmp(argv[i], "-s", 2) == 0 && argv[i][2] != '\0') {
      separator = argv[i] + 2;
    } else {
      fprintf(stderr, "seq: %s: unknown option\n", argv[i]);
      return usage();
    }
  }
  utils::SeqPlan plan;
  char err[128];
  if (!utils::seq_plan(argc - i, argv + i, width, &plan, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    return strncmp(err, "usage", 5) == 0 ? 2 : 1;
  }
  bool started = false;
  long long v = 0;
  bool any = false;
  while (utils::seq_next(plan, &started, &v)) {
    char buf[32];
    utils::seq_format(plan, v, buf, sizeof buf);
    if (any) fputs(separator, stdout);
    fputs(buf, stdout);
    any = true;
    if (ferror(stdout)) return 1;
  }
  if (any) putchar('\n');
  return fflush(stdout) == 0 ? 0 : 1;
}
