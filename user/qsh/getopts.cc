// getopts' state machine (see getopts.h), as POSIX's getopts utility says.
#include "user/qsh/getopts.h"

#include <string.h>

namespace qsh {

GetoptsStep getopts_step(const char* optstring, const char* const* args, int n, int* ind, int* pos) {
  GetoptsStep r;
  const bool silent = optstring[0] == ':';
  if (silent) ++optstring;
  if (*ind < 1) *ind = 1;
  if (*pos < 1) *pos = 1;
  if (*ind > n) return r;  // status 1, name "?"
  const char* arg = args[*ind - 1];
  if (*pos == 1) {  // at the start of an argument: is it an option?
    if (arg[0] != '-' || arg[1] == '\0') return r;
    if (strcmp(arg, "--") == 0) {
      ++*ind;
      return r;
    }
  }
  const char c = arg[*pos];
  const char* spec = c != ':' ? strchr(optstring, c) : nullptr;
  r.status = 0;
  r.letter[0] = c;
  // The next call starts at the next letter, or the next argument.
  const auto advance = [&] {
    if (arg[++*pos] == '\0') {
      ++*ind;
      *pos = 1;
    }
  };
  if (spec == nullptr || c == '\0') {
    if (silent) r.optarg = r.letter;
    else r.error = "illegal option";
    advance();
    return r;
  }
  r.name[0] = c;
  if (spec[1] != ':') {
    advance();
    return r;
  }
  if (arg[*pos + 1] != '\0') {  // -bvalue
    r.optarg = arg + *pos + 1;
    ++*ind;
  } else if (*ind < n) {  // -b value
    r.optarg = args[*ind];
    *ind += 2;
  } else {  // -b at the end: its argument is missing
    ++*ind;
    if (silent) {
      r.name[0] = ':';
      r.optarg = r.letter;
    } else {
      r.name[0] = '?';
      r.error = "option requires an argument";
    }
  }
  *pos = 1;
  return r;
}

}  // namespace qsh
