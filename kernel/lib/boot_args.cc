// boot_arg_u64 (see boot_args.h).
#include "kernel/lib/boot_args.h"

#include <cstddef>

namespace {
bool parse_u64(const char* s, const char* end, uint64_t* out) {
  uint64_t base = 10;
  if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s += 2;
  }
  if (s == end) return false;
  uint64_t v = 0;
  for (; s < end; ++s) {
    uint64_t d;
    if (*s >= '0' && *s <= '9') {
      d = static_cast<uint64_t>(*s - '0');
    } else if (base == 16 && *s >= 'a' && *s <= 'f') {
      d = static_cast<uint64_t>(*s - 'a' + 10);
    } else if (base == 16 && *s >= 'A' && *s <= 'F') {
      d = static_cast<uint64_t>(*s - 'A' + 10);
    } else {
      return false;
    }
    if (d >= base || v > (UINT64_MAX - d) / base) return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}
}  // namespace

bool boot_arg_u64(const char* args, const char* key, uint64_t* value) {
  if (args == nullptr || key == nullptr || *key == '\0') return false;
  size_t key_len = 0;
  while (key[key_len] != '\0') ++key_len;
  bool found = false;
  uint64_t v = 0;
  const char* p = args;
  while (*p != '\0') {
    while (*p == ' ' || *p == '\t') ++p;
    const char* word = p;
    while (*p != '\0' && *p != ' ' && *p != '\t') ++p;
    const size_t len = static_cast<size_t>(p - word);
    if (len > key_len && word[key_len] == '=') {
      bool same = true;
      for (size_t i = 0; i < key_len && same; ++i) same = word[i] == key[i];
      uint64_t parsed;
      if (same && parse_u64(word + key_len + 1, p, &parsed)) {
        found = true;
        v = parsed;
      }
    }
  }
  if (found) *value = v;
  return found;
}
