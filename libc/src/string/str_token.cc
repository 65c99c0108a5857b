// strtok_r, and strtok over one saved pointer (C17 7.24.5.8: strtok need not
// avoid data races; threads use strtok_r); strsep (BSD, POSIX 2024), which
// unlike strtok returns the empty fields between adjacent delimiters.
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {

QRV_LIBC_FN(char*, strtok_r, (char* __restrict s, const char* __restrict delim, char** __restrict save)) {
  if (s == nullptr) s = *save;
  if (s == nullptr) return nullptr;
  s += strspn(s, delim);
  if (*s == '\0') {
    *save = nullptr;
    return nullptr;
  }
  char* end = s + strcspn(s, delim);
  if (*end != '\0') {
    *end = '\0';
    *save = end + 1;
  } else {
    *save = nullptr;
  }
  return s;
}

QRV_LIBC_FN(char*, strtok, (char* __restrict s, const char* __restrict delim)) {
  static char* save = nullptr;
  return strtok_r(s, delim, &save);
}

QRV_LIBC_FN(char*, strsep, (char** __restrict sp, const char* __restrict delim)) {
  char* s = *sp;
  if (s == nullptr) return nullptr;
  char* end = s + strcspn(s, delim);
  if (*end != '\0') {
    *end = '\0';
    *sp = end + 1;
  } else {
    *sp = nullptr;
  }
  return s;
}

}  // namespace qrv::libc
