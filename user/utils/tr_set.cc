// tr's set expansion and the TrPlan built from it. Classes expand in byte
// order, so [:lower:] to [:upper:] maps a to A ... z to Z.
#include "user/utils/tr_set.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace utils {
namespace {

struct Builder {
  TrSet* set;
  size_t cap = 0;
  bool push(unsigned char c) {
    if (set->n == cap) {
      cap = cap == 0 ? 64 : cap * 2;
      auto* grown = static_cast<unsigned char*>(realloc(set->bytes, cap));
      if (grown == nullptr) return false;
      set->bytes = grown;
    }
    set->bytes[set->n++] = c;
    return true;
  }
};

// One character at *p (an escape or a plain byte); advances *p.
unsigned char one_char(const char** p) {
  const char* s = *p;
  if (s[0] != '\\' || s[1] == '\0') {
    ++*p;
    return static_cast<unsigned char>(s[0]);
  }
  if (s[1] >= '0' && s[1] <= '7') {
    int v = 0;
    int d = 1;
    for (; d <= 3 && s[d] >= '0' && s[d] <= '7'; ++d) v = v * 8 + (s[d] - '0');
    *p += d;
    return static_cast<unsigned char>(v);
  }
  static const char kFrom[] = "\\abfnrtv";
  static const char kTo[] = "\\\a\b\f\n\r\t\v";
  const char* at = strchr(kFrom, s[1]);
  *p += 2;
  return static_cast<unsigned char>(at != nullptr ? kTo[at - kFrom] : s[1]);
}

bool in_class(const char* name, size_t len, int c, bool* known) {
  static const struct {
    const char* name;
    int (*test)(int);
  } kClasses[] = {{"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
                  {"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
                  {"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit}};
  for (const auto& k : kClasses) {
    if (strlen(k.name) == len && strncmp(k.name, name, len) == 0) {
      *known = true;
      return k.test(c) != 0;
    }
  }
  *known = false;
  return false;
}

// set2's i-th byte when it must stand against `len1` bytes of set1: its
// [c*] grows to make up the difference, and a short set2's last byte repeats.
unsigned char set2_at(const TrSet& s, size_t i, size_t len1) {
  size_t extra = 0;
  if (s.fill_at != static_cast<size_t>(-1)) {
    extra = len1 > s.n ? len1 - s.n : 0;
    if (i >= s.fill_at && i < s.fill_at + extra) return s.fill;
    if (i >= s.fill_at + extra) i -= extra;
    if (s.n == 0) return s.fill;
  }
  return s.bytes[i < s.n ? i : s.n - 1];
}

}  // namespace

bool tr_set_parse(const char* s, TrSet* out, char* err, size_t err_cap) {
  *out = TrSet{};
  Builder b{out};
  const char* p = s;
  while (*p != '\0') {
    if (p[0] == '[' && p[1] == ':') {
      const char* end = strstr(p + 2, ":]");
      if (end != nullptr) {
        const size_t len = static_cast<size_t>(end - (p + 2));
        bool known = false;
        in_class(p + 2, len, 'a', &known);
        if (!known) {
          snprintf(err, err_cap, "tr: [:%.*s:]: unknown class", static_cast<int>(len), p + 2);
          tr_set_free(out);
          return false;
        }
        for (int c = 0; c < 256; ++c) {
          if (in_class(p + 2, len, c, &known) && !b.push(static_cast<unsigned char>(c))) goto no_memory;
        }
        p = end + 2;
        continue;
      }
    }
    if (p[0] == '[' && p[1] != '\0') {  // [c*n] or [c*]
      const char* q = p + 1;
      const unsigned char c = one_char(&q);
      if (q[0] == '*') {
        const char* digits = q + 1;
        const char* close = strchr(digits, ']');
        if (close != nullptr) {
          char* end = nullptr;
          const unsigned long count = strtoul(digits, &end, digits[0] == '0' ? 8 : 10);
          if (end != close || (close != digits && (digits[0] < '0' || digits[0] > '9')) || count > 65536) {
            snprintf(err, err_cap, "tr: [%.*s: bad repeat", static_cast<int>(close - p), p + 1);
            tr_set_free(out);
            return false;
          }
          if (count == 0) {
            if (out->fill_at != static_cast<size_t>(-1)) {
              snprintf(err, err_cap, "tr: only one [c*] in a set");
              tr_set_free(out);
              return false;
            }
            out->fill_at = out->n;
            out->fill = c;
          }
          for (unsigned long k = 0; k < count; ++k) {
            if (!b.push(c)) goto no_memory;
          }
          p = close + 1;
          continue;
        }
      }
    }
    if (p[0] == '[' && p[1] == '=' && p[2] != '\0' && p[3] == '=' && p[4] == ']') {
      if (!b.push(static_cast<unsigned char>(p[2]))) goto no_memory;
      p += 5;
      continue;
    }
    const unsigned char lo = one_char(&p);
    if (p[0] == '-' && p[1] != '\0') {
      ++p;
      const unsigned char hi = one_char(&p);
      if (hi < lo) {
        snprintf(err, err_cap, "tr: %c-%c: range out of order", lo, hi);
        tr_set_free(out);
        return false;
      }
      for (int c = lo; c <= hi; ++c) {
        if (!b.push(static_cast<unsigned char>(c))) goto no_memory;
      }
      continue;
    }
    if (!b.push(lo)) goto no_memory;
  }
  return true;
no_memory:
  snprintf(err, err_cap, "tr: out of memory");
  tr_set_free(out);
  return false;
}

void tr_set_free(TrSet* set) {
  free(set->bytes);
  *set = TrSet{};
}

bool tr_plan(TrPlan* plan, bool complement, bool del, bool squeeze, const TrSet& set1, const TrSet* set2,
             char* err, size_t err_cap) {
  bool in1[256] = {};
  for (size_t i = 0; i < set1.n; ++i) in1[set1.bytes[i]] = true;
  // set1 as the bytes it stands for, in order: -c gives the others, ascending.
  unsigned char order[256];
  size_t n1 = 0;
  if (complement) {
    for (int c = 0; c < 256; ++c) {
      if (!in1[c]) order[n1++] = static_cast<unsigned char>(c);
    }
  }
  for (int c = 0; c < 256; ++c) {
    plan->del[c] = false;
    plan->squeeze[c] = false;
    plan->map[c] = static_cast<unsigned char>(c);
  }
  plan->last = -1;
  const bool translate = !del && set2 != nullptr;
  if ((!del && !squeeze && set2 == nullptr) || (del && squeeze && set2 == nullptr)) {
    snprintf(err, err_cap, "tr: missing second set");
    return false;
  }
  if (set1.fill_at != static_cast<size_t>(-1)) {
    snprintf(err, err_cap, "tr: [c*] belongs in the second set");
    return false;
  }
  if (translate && set2->n == 0 && set2->fill_at == static_cast<size_t>(-1) && set1.n > 0) {
    snprintf(err, err_cap, "tr: the second set is empty");
    return false;
  }
  if (del) {
    for (int c = 0; c < 256; ++c) plan->del[c] = in1[c] != complement;
  }
  if (translate) {
    if (complement) {
      for (size_t i = 0; i < n1; ++i) plan->map[order[i]] = set2_at(*set2, i, n1);
    } else {
      for (size_t i = 0; i < set1.n; ++i) plan->map[set1.bytes[i]] = set2_at(*set2, i, set1.n);
    }
  }
  if (squeeze) {
    if (set2 != nullptr) {  // the last set named
      for (size_t i = 0; i < set2->n; ++i) plan->squeeze[set2->bytes[i]] = true;
    } else {
      for (int c = 0; c < 256; ++c) plan->squeeze[c] = in1[c] != complement;
    }
  }
  return true;
}

size_t tr_apply(TrPlan* plan, const char* in, size_t n, char* out) {
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (plan->del[c]) continue;
    const unsigned char m = plan->map[c];
    if (plan->squeeze[m] && plan->last == m) continue;
    out[k++] = static_cast<char>(m);
    plan->last = m;
  }
  return k;
}

}  // namespace utils
