// echo [-n] [string...]: the strings, separated by single spaces, and a
// newline unless the first operand is -n. No other option and no escapes:
// every other operand, "--" and "-e" included, is printed as it is.
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  int i = 1;
  bool newline = true;
  if (i < argc && strcmp(argv[i], "-n") == 0) {
    newline = false;
    ++i;
  }
  for (; i < argc; ++i) {
    fputs(argv[i], stdout);
    if (i + 1 < argc) putchar(' ');
  }
  if (newline) putchar('\n');
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "echo: write error\n");
    return 1;
  }
  return 0;
}
