// The ulimit builtin: shows or sets the shell's own limits, which every
// command it starts afterwards inherits (taskman keeps them). The
// arguments and units are ulimit.h's.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "user/qsh/shell.h"
#include "user/qsh/ulimit.h"

namespace qsh {

int Shell::ulimit_builtin(int argc, char** argv) {
  UlimitCmd c;
  const char* bad = "";
  if (const char* why = ulimit_parse(argc, argv, &c, &bad)) {
    error("ulimit: %s: %s", bad, why);
    return 2;
  }
  const bool show_hard = c.hard && !c.soft;
  char value[32];
  if (c.all) {
    size_t n = 0;
    const UlimitResource* rs = ulimit_resources(&n);
    for (size_t i = 0; i < n; ++i) {
      struct rlimit rl = {};
      if (getrlimit(rs[i].resource, &rl) != 0) continue;
      ulimit_format(rs[i], show_hard ? rl.rlim_max : rl.rlim_cur, value, sizeof value);
      char label[48];
      snprintf(label, sizeof label, "%s (%s%s-%c)", rs[i].name, rs[i].unit_name, rs[i].unit_name[0] != '\0' ? ", " : "",
               rs[i].letter);
      printf("%-32s %s\n", label, value);
    }
    return 0;
  }
  struct rlimit rl = {};
  if (getrlimit(c.what->resource, &rl) != 0) {
    error("ulimit: %s: %s", c.what->name, strerror(errno));
    return 1;
  }
  if (!c.set) {
    ulimit_format(*c.what, show_hard ? rl.rlim_max : rl.rlim_cur, value, sizeof value);
    printf("%s\n", value);
    return 0;
  }
  const bool both = !c.hard && !c.soft;
  if (c.hard || both) rl.rlim_max = c.value;
  if (c.soft || both) rl.rlim_cur = c.value;
  if (show_hard && rl.rlim_cur > rl.rlim_max) rl.rlim_cur = rl.rlim_max;  // a lower maximum takes the soft limit along
  if (subshell_depth_ > 0) {  // remember what it was, once per subshell level
    bool saved = false;
    for (int i = 0; i < nsaved_limits_; ++i) {
      saved = saved || (saved_limits_[i].depth == subshell_depth_ && saved_limits_[i].resource == c.what->resource);
    }
    struct rlimit before = {};
    if (!saved) {
      if (nsaved_limits_ == sizeof saved_limits_ / sizeof saved_limits_[0]) {
        error("ulimit: %s: too many limits changed in subshells", c.what->name);
        return 1;
      }
      (void)getrlimit(c.what->resource, &before);
      saved_limits_[nsaved_limits_++] = {subshell_depth_, c.what->resource, before.rlim_cur, before.rlim_max};
    }
  }
  if (setrlimit(c.what->resource, &rl) != 0) {
    error("ulimit: %s: cannot change the limit: %s", c.what->name, strerror(errno));
    return 1;
  }
  return 0;
}

// Puts back, newest first, the limits changed deeper than `depth`. A hard
// limit a non-root shell lowered in a subshell cannot be raised again: it
// stays lowered (a forked subshell would have kept it to itself).
void Shell::restore_limits(int depth) {
  while (nsaved_limits_ > 0 && saved_limits_[nsaved_limits_ - 1].depth > depth) {
    const SavedLimit& l = saved_limits_[--nsaved_limits_];
    const struct rlimit rl = {l.cur, l.max};
    (void)setrlimit(l.resource, &rl);
  }
}

}  // namespace qsh
