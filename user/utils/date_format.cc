// date_format: gmtime_r and strftime; the newline is date's, so an empty
// format still prints an empty line.
#include "user/utils/date_format.h"

#include <string.h>

namespace utils {

size_t date_format(time_t t, const char* format, char* out, size_t cap) {
  struct tm tm;
  if (cap < 2 || gmtime_r(&t, &tm) == nullptr) return 0;
  size_t n = 0;
  if (format[0] != '\0') {
    n = strftime(out, cap - 1, format, &tm);
    if (n == 0) return 0;
  }
  out[n++] = '\n';
  out[n] = '\0';
  return n;
}

}  // namespace utils
