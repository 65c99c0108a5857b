// uname [-amnrsv]: the system's names (libc's uname()): -s the system, -n
// the node, -r the release, -v the version, -m the machine, -a all five;
// none: -s. Printed in that order, separated by spaces.
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

namespace {

int usage() {
  fprintf(stderr, "usage: uname [-amnrsv]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  bool s = false, n = false, r = false, v = false, m = false;
  int c;
  while ((c = getopt(argc, argv, "+amnrsv")) != -1) {
    switch (c) {
      case 'a': s = n = r = v = m = true; break;
      case 's': s = true; break;
      case 'n': n = true; break;
      case 'r': r = true; break;
      case 'v': v = true; break;
      case 'm': m = true; break;
      default: return usage();
    }
  }
  if (optind != argc) {
    fprintf(stderr, "uname: %s: unexpected operand\n", argv[optind]);
    return usage();
  }
  if (!n && !r && !v && !m) s = true;
  struct utsname u;
  if (uname(&u) != 0) {
    perror("uname");
    return 1;
  }
  const char* fields[5] = {s ? u.sysname : nullptr, n ? u.nodename : nullptr, r ? u.release : nullptr,
                           v ? u.version : nullptr, m ? u.machine : nullptr};
  bool first = true;
  for (const char* f : fields) {
    if (f == nullptr) continue;
    printf("%s%s", first ? "" : " ", f);
    first = false;
  }
  putchar('\n');
  return fflush(stdout) == 0 ? 0 : 1;
}
