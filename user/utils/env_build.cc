// env_build: at most |base| + count entries, so one allocation suffices.
#include "user/utils/env_build.h"

#include <stdlib.h>
#include <string.h>

namespace utils {
namespace {

// Whether a and b (NAME=... strings) name the same variable.
bool same_name(const char* a, const char* b) {
  for (; *a != '\0' && *a != '='; ++a, ++b) {
    if (*a != *b) return false;
  }
  return *b == '=' || *b == '\0';
}

bool set_later(const char* entry, int from, int count, char* const* assignments) {
  for (int i = from; i < count; ++i) {
    if (same_name(entry, assignments[i])) return true;
  }
  return false;
}

}  // namespace

bool env_is_assignment(const char* s) {
  const char* eq = strchr(s, '=');
  return eq != nullptr && eq != s;
}

char** env_build(char* const* base, bool clear, int count, char* const* assignments) {
  size_t n = 0;
  if (!clear && base != nullptr) {
    while (base[n] != nullptr) ++n;
  }
  char** env = static_cast<char**>(malloc((n + static_cast<size_t>(count) + 1) * sizeof(char*)));
  if (env == nullptr) return nullptr;
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!set_later(base[i], 0, count, assignments)) env[k++] = base[i];
  }
  for (int i = 0; i < count; ++i) {
    if (!set_later(assignments[i], i + 1, count, assignments)) env[k++] = assignments[i];
  }
  env[k] = nullptr;
  return env;
}

}  // namespace utils
