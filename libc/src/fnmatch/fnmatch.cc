// fnmatch: POSIX pattern matching (the shell's *, ? and [...], as `case`,
// pathname expansion and find use it), in the C locale. One pass with the
// classic last-star backtrack, so no pattern costs more than
// O(pattern x string) and nothing recurses:
//   - * matches any run, ? any one character, [...] a set (! or ^ negates,
//     ranges, [:class:], [.c.] and [=c=], ] first is literal, \ escapes
//     inside too); a [ without its ] (or malformed) is an ordinary character;
//   - \ quotes the next character unless FNM_NOESCAPE (a pattern ending in
//     an unquoted \ matches nothing, as glibc's);
//   - FNM_PATHNAME: / is matched only by a / in the pattern;
//   - FNM_PERIOD: a leading . (of the string, or after a / with
//     FNM_PATHNAME) is matched only by a . in the pattern.
#include "libc/src/fnmatch/fnmatch_api.h"

#include "libc/src/common/entrypoint.h"

namespace qrv::libc {
namespace {

bool in_class(const char* name, int len, unsigned char c) {
  auto is = [&](const char* n) {
    for (int i = 0; i < len; ++i) {
      if (n[i] != name[i]) return false;
    }
    return n[len] == '\0';
  };
  const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
  const bool alpha = upper || lower, print = c >= 0x20 && c < 0x7f;
  if (is("alpha")) return alpha;
  if (is("digit")) return digit;
  if (is("alnum")) return alpha || digit;
  if (is("upper")) return upper;
  if (is("lower")) return lower;
  if (is("space")) return c == ' ' || (c >= '\t' && c <= '\r');
  if (is("blank")) return c == ' ' || c == '\t';
  if (is("punct")) return print && c != ' ' && !alpha && !digit;
  if (is("print")) return print;
  if (is("graph")) return print && c != ' ';
  if (is("cntrl")) return c < 0x20 || c == 0x7f;
  if (is("xdigit")) return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  return false;
}

// One element of a bracket expression at *p: a character (\-quoted
// unless FNM_NOESCAPE), or a collating symbol [.c.] or equivalence class
// [=c=] of one character (the C locale has no others). -1: malformed.
int element(const char** p, bool escape) {
  const char* q = *p;
  if (q[0] == '[' && (q[1] == '.' || q[1] == '=')) {
    const char kind = q[1];
    if (q[2] != '\0' && q[3] == kind && q[4] == ']') {
      *p = q + 5;
      return static_cast<unsigned char>(q[2]);
    }
    return -1;
  }
  if (escape && q[0] == '\\' && q[1] != '\0') ++q;
  *p = q + 1;
  return static_cast<unsigned char>(q[0]);
}

// A bracket expression at p (just past its '['). Returns where it ends
// (past its ']') with *matched set, or nullptr if it has no ']' (then the
// '[' is an ordinary character).
const char* bracket(const char* p, unsigned char c, int flags, bool* matched) {
  const bool escape = (flags & kFnmNoescape) == 0;
  bool negate = false;
  if (*p == '!' || *p == '^') {
    negate = true;
    ++p;
  }
  bool found = false;
  bool first = true;
  for (;;) {
    if (*p == '\0') return nullptr;
    if (*p == ']' && !first) break;
    first = false;
    if (p[0] == '[' && p[1] == ':') {
      const char* name = p + 2;
      const char* end = name;
      while (*end != '\0' && !(end[0] == ':' && end[1] == ']')) ++end;
      if (*end != '\0') {
        found = found || in_class(name, static_cast<int>(end - name), c);
        p = end + 2;
        continue;
      }
    }
    int lo = element(&p, escape);
    if (lo < 0) return nullptr;
    int hi = lo;
    if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
      ++p;
      hi = element(&p, escape);
      if (hi < 0) return nullptr;
    }
    if (c >= lo && c <= hi) found = true;  // a reversed range matches nothing
  }
  *matched = found != negate;
  return p + 1;
}

}  // namespace

QRV_LIBC_FN(int, fnmatch, (const char* pattern, const char* string, int flags)) {
  const bool escape = (flags & kFnmNoescape) == 0;
  const bool pathname = (flags & kFnmPathname) != 0;
  const bool period = (flags & kFnmPeriod) != 0;
  const char* p = pattern;
  const char* s = string;
  const char* star_p = nullptr;  // just past the last '*' seen
  const char* star_s = nullptr;  // where that star's run ends now
  // A '.' that only a literal '.' may match. A star cannot have reached
  // one (it starts the string or follows a '/' no star crosses), so only
  // the character at hand is ever checked.
  auto leading = [&](const char* at) {
    return period && *at == '.' && (at == string || (pathname && at[-1] == '/'));
  };
  for (;;) {
    if (*p == '*') {
      if (leading(s)) return kFnmNomatch;
      while (*p == '*') ++p;
      star_p = p;
      star_s = s;
      continue;
    }
    bool ok = false;
    const char* next = p;
    if (*s == '\0') {
      if (*p == '\0') return 0;
    } else if (*p == '?') {
      ok = !(pathname && *s == '/') && !leading(s);
      next = p + 1;
    } else if (*p == '[') {
      bool matched = false;
      const char* end = bracket(p + 1, static_cast<unsigned char>(*s), flags, &matched);
      if (end != nullptr) {
        ok = matched && !(pathname && *s == '/') && !leading(s);
        next = end;
      } else {
        ok = *s == '[';  // no ']': an ordinary '['
        next = p + 1;
      }
    } else if (*p != '\0') {
      const char* lit = p;
      if (escape && *p == '\\') {
        if (p[1] == '\0') return kFnmNomatch;  // a pattern ending in an unquoted \ matches nothing (as glibc)
        ++lit;
      }
      ok = *lit == *s;
      next = lit + 1;
    }
    if (ok) {
      p = next;
      ++s;
      continue;
    }
    // The last star takes one more character, if it may.
    if (star_p == nullptr || *star_s == '\0' || (pathname && *star_s == '/')) return kFnmNomatch;
    p = star_p;
    s = ++star_s;
  }
}

}  // namespace qrv::libc
