// cut's list parsing and line cutting: a position is selected when any
// range holds it, so overlapping and unordered ranges select each byte or
// field once, in input order (POSIX).
#include "user/utils/cut_list.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace utils {
namespace {

bool number(const char** p, size_t* out) {
  if (**p < '0' || **p > '9') return false;
  size_t v = 0;
  for (; **p >= '0' && **p <= '9'; ++*p) {
    if (v > (SIZE_MAX - 10) / 10) return false;
    v = v * 10 + static_cast<size_t>(**p - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool cut_list_parse(const char* s, CutList* out, char* err, size_t err_cap) {
  size_t count = 1;
  for (const char* p = s; *p != '\0'; ++p) count += (*p == ',' || *p == ' ' || *p == '\t') ? 1 : 0;
  out->ranges = static_cast<CutRange*>(malloc(count * sizeof(CutRange)));
  out->n = 0;
  if (out->ranges == nullptr) {
    snprintf(err, err_cap, "cut: out of memory");
    return false;
  }
  const char* p = s;
  for (;;) {
    CutRange r = {1, SIZE_MAX};
    const char* start = p;
    bool ok = true;
    if (*p == '-') {
      ++p;
      ok = number(&p, &r.hi);
    } else {
      ok = number(&p, &r.lo);
      if (ok && *p == '-') {
        ++p;
        if (*p >= '0' && *p <= '9') ok = number(&p, &r.hi);
      } else {
        r.hi = r.lo;
      }
    }
    if (!ok || (*p != '\0' && *p != ',' && *p != ' ' && *p != '\t')) {
      snprintf(err, err_cap, "cut: %s: invalid list", s);
      cut_list_free(out);
      return false;
    }
    if (r.lo == 0 || r.hi == 0) {
      snprintf(err, err_cap, "cut: %.*s: positions are numbered from 1", static_cast<int>(p - start), start);
      cut_list_free(out);
      return false;
    }
    if (r.hi < r.lo) {
      snprintf(err, err_cap, "cut: %.*s: decreasing range", static_cast<int>(p - start), start);
      cut_list_free(out);
      return false;
    }
    out->ranges[out->n++] = r;
    if (*p == '\0') return true;
    ++p;
  }
}

void cut_list_free(CutList* list) {
  free(list->ranges);
  list->ranges = nullptr;
  list->n = 0;
}

bool cut_list_has(const CutList& list, size_t pos) {
  for (size_t i = 0; i < list.n; ++i) {
    if (pos >= list.ranges[i].lo && pos <= list.ranges[i].hi) return true;
  }
  return false;
}

size_t cut_bytes(const CutList& list, const char* line, size_t len, char* out) {
  size_t k = 0;
  for (size_t i = 0; i < len; ++i) {
    if (cut_list_has(list, i + 1)) out[k++] = line[i];
  }
  return k;
}

size_t cut_fields(const CutList& list, char delim, bool suppress, const char* line, size_t len, char* out) {
  if (memchr(line, delim, len) == nullptr) {
    if (suppress) return SIZE_MAX;
    memcpy(out, line, len);
    return len;
  }
  size_t k = 0;
  size_t field = 1;
  bool first = true;
  size_t start = 0;
  for (size_t i = 0; i <= len; ++i) {
    if (i < len && line[i] != delim) continue;
    if (cut_list_has(list, field)) {
      if (!first) out[k++] = delim;
      memcpy(out + k, line + start, i - start);
      k += i - start;
      first = false;
    }
    ++field;
    start = i + 1;
  }
  return k;
}

}  // namespace utils
