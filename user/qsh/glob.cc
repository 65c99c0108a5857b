// Pathname expansion (glob.h): component by component, depth first.
#include "user/qsh/glob.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

namespace qsh {
namespace {

constexpr int kMaxMatches = 4096;

int by_name(const void* a, const void* b) {
  return strcmp(*static_cast<char* const*>(a), *static_cast<char* const*>(b));
}

// Matches the components of pat (from `rest`) below `dir` (a prefix of the
// result: "", "/" or "a/b/").
void walk(const char* dir, const char* rest, StrList* out) {
  if (out->len >= static_cast<size_t>(kMaxMatches)) return;
  while (*rest == '/') ++rest;
  const char* slash = rest;
  while (*slash != '\0' && *slash != '/') slash += (*slash == '\\' && slash[1] != '\0') ? 2 : 1;
  const size_t n = static_cast<size_t>(slash - rest);
  char* comp = static_cast<char*>(malloc(n + 1));
  if (comp == nullptr) return;
  memcpy(comp, rest, n);
  comp[n] = '\0';
  const bool last = *slash == '\0';
  if (!has_glob(comp)) {  // a plain name: no need to read the directory
    char* name = unescape(comp);
    StrBuf path;
    path.append(dir);
    path.append(name != nullptr ? name : "");
    free(name);
    struct stat st;
    if (stat(path.c_str(), &st) == 0) {
      if (last) {
        out->push(path.c_str());
      } else if (S_ISDIR(st.st_mode)) {
        path.push('/');
        walk(path.c_str(), slash, out);
      }
    }
    free(comp);
    return;
  }
  DIR* d = opendir(dir[0] != '\0' ? dir : ".");
  if (d != nullptr) {
    while (struct dirent* e = readdir(d)) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      if (fnmatch(comp, e->d_name, FNM_PERIOD) != 0) continue;
      StrBuf path;
      path.append(dir);
      path.append(e->d_name);
      if (last) {
        out->push(path.c_str());
      } else {
        struct stat st;
        if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
          path.push('/');
          walk(path.c_str(), slash, out);
        }
      }
      if (out->len >= static_cast<size_t>(kMaxMatches)) break;
    }
    closedir(d);
  }
  free(comp);
}

}  // namespace

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

bool glob_expand(const char* pattern, StrList* out) {
  StrList found;
  walk(pattern[0] == '/' ? "/" : "", pattern, &found);
  if (found.len == 0) return false;
  qsort(found.items, found.len, sizeof(char*), by_name);
  for (size_t i = 0; i < found.len; ++i) {
    out->push_owned(found.items[i]);
    found.items[i] = nullptr;
  }
  found.len = 0;
  return true;
}

}  // namespace qsh
