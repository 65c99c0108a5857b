// Pathname expansion: libc's glob() (the walk, fnmatch per component,
// sorted), less "." and "..".
#include "user/qsh/glob.h"

#include <glob.h>
#include <string.h>

namespace qsh {

bool has_glob(const char* p) {
  for (; *p != '\0'; ++p) {
    if (*p == '\\' && p[1] != '\0') {
      ++p;
    } else if (*p == '*' || *p == '?' || *p == '[') {
      return true;
    }
  }
  return false;
}

char* unescape(const char* p) {
  StrBuf b;
  for (; *p != '\0'; ++p) {
    if (*p == '\\' && p[1] != '\0') ++p;
    b.push(*p);
  }
  return b.take();
}

namespace {
// "." or "..", alone or as the last component: never the result of a
// pattern (POSIX 2.14.3 as bash and dash read it; libc's glob lists them).
bool dot_or_dotdot(const char* path) {
  const char* base = strrchr(path, '/');
  base = base != nullptr ? base + 1 : path;
  return strcmp(base, ".") == 0 || strcmp(base, "..") == 0;
}
}  // namespace

bool glob_expand(const char* pattern, StrList* out) {
  glob_t g = {};
  if (glob(pattern, 0, nullptr, &g) != 0) {
    globfree(&g);
    return false;
  }
  bool any = false;
  for (size_t i = 0; i < g.gl_pathc; ++i) {
    if (dot_or_dotdot(g.gl_pathv[i])) continue;
    out->push(g.gl_pathv[i]);
    any = true;
  }
  globfree(&g);
  return any;
}

}  // namespace qsh
