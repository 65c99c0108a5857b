// sort's comparison and its merge sort (bottom-up, so no recursion and a
// stable order whatever the input).
#include "user/utils/sort_lines.h"

#include <stdlib.h>
#include <string.h>

namespace utils {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

// Where field `f` (1-based) starts in line; n when it does not exist.
size_t field_start(const SortOptions& o, const SortLine& l, size_t f) {
  size_t i = 0;
  for (size_t k = 1; k < f; ++k) {
    if (o.separator != '\0') {
      while (i < l.n && l.s[i] != o.separator) ++i;
      if (i == l.n) return l.n;
      ++i;
    } else {
      while (i < l.n && blank(l.s[i])) ++i;
      while (i < l.n && !blank(l.s[i])) ++i;
    }
  }
  return i;
}

// Where field `f` ends (one past its last byte).
size_t field_end(const SortOptions& o, const SortLine& l, size_t f) {
  size_t i = field_start(o, l, f);
  if (o.separator != '\0') {
    while (i < l.n && l.s[i] != o.separator) ++i;
  } else {
    while (i < l.n && blank(l.s[i])) ++i;
    while (i < l.n && !blank(l.s[i])) ++i;
  }
  return i;
}

SortLine key(const SortOptions& o, const SortLine& l) {
  if (o.key_start == 0) return l;
  const size_t b = field_start(o, l, o.key_start);
  size_t e = o.key_end == 0 ? l.n : field_end(o, l, o.key_end);
  if (e < b) e = b;
  return SortLine{l.s + b, e - b};
}

int bytes_compare(const SortLine& a, const SortLine& b) {
  const size_t n = a.n < b.n ? a.n : b.n;
  const int c = memcmp(a.s, b.s, n);
  if (c != 0) return c < 0 ? -1 : 1;
  return a.n < b.n ? -1 : (a.n > b.n ? 1 : 0);
}

// -n: leading blanks, an optional '-', digits with an optional fraction;
// anything else (or nothing) is zero.
double numeric_value(const SortLine& l) {
  size_t i = 0;
  while (i < l.n && blank(l.s[i])) ++i;
  bool negative = false;
  if (i < l.n && l.s[i] == '-') {
    negative = true;
    ++i;
  }
  double v = 0;
  for (; i < l.n && l.s[i] >= '0' && l.s[i] <= '9'; ++i) v = v * 10 + (l.s[i] - '0');
  if (i < l.n && l.s[i] == '.') {
    double scale = 0.1;
    for (++i; i < l.n && l.s[i] >= '0' && l.s[i] <= '9'; ++i, scale /= 10) v += (l.s[i] - '0') * scale;
  }
  return negative ? -v : v;
}

}  // namespace

bool sort_parse_key(const char* arg, SortOptions* o) {
  char* end = nullptr;
  const long start = strtol(arg, &end, 10);
  if (end == arg || start <= 0) return false;
  long last = 0;
  if (*end == ',') {
    const char* p = end + 1;
    last = strtol(p, &end, 10);
    if (end == p || last <= 0) return false;
  }
  if (*end != '\0') return false;
  o->key_start = static_cast<size_t>(start);
  o->key_end = static_cast<size_t>(last);
  return true;
}

int sort_key_compare(const SortOptions& o, const SortLine& a, const SortLine& b) {
  const SortLine ka = key(o, a);
  const SortLine kb = key(o, b);
  int c = 0;
  if (o.numeric) {
    const double va = numeric_value(ka);
    const double vb = numeric_value(kb);
    c = va < vb ? -1 : (va > vb ? 1 : 0);
  } else {
    c = bytes_compare(ka, kb);
  }
  return o.reverse ? -c : c;
}

int sort_compare(const SortOptions& o, const SortLine& a, const SortLine& b) {
  const int c = sort_key_compare(o, a, b);
  if (c != 0 || o.unique) return c;
  const int whole = bytes_compare(a, b);
  return o.reverse ? -whole : whole;
}

size_t sort_lines(SortLine* lines, SortLine* scratch, size_t n, const SortOptions& o) {
  SortLine* from = lines;
  SortLine* to = scratch;
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      const size_t mid = lo + width < n ? lo + width : n;
      const size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) to[k++] = sort_compare(o, from[j], from[i]) < 0 ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    SortLine* t = from;
    from = to;
    to = t;
  }
  if (from != lines) memcpy(lines, from, n * sizeof(SortLine));
  if (!o.unique) return n;
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    if (kept == 0 || sort_key_compare(o, lines[kept - 1], lines[i]) != 0) lines[kept++] = lines[i];
  }
  return kept;
}

}  // namespace utils
