// scan_number: whitespace, sign, then inf/nan, a hexadecimal or a decimal
// significand with its exponent; `end` semantics follow C17 exactly.
#include "libc/src/fmt/number_scan.h"

namespace qrv::fmt {
namespace {

// Explicit exponents are clamped here: far beyond any format's range, and
// small enough that adding digit counts cannot overflow.
constexpr int64_t kExpClamp = int64_t{1} << 50;

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  const char l = lower(c);
  if (l >= 'a' && l <= 'f') return l - 'a' + 10;
  return -1;
}

// Case-insensitive prefix match against a lower-case word.
bool match(const char* p, const char* word) {
  for (; *word != '\0'; ++p, ++word) {
    if (lower(*p) != *word) return false;
  }
  return true;
}

// Parses [+-]digits after an exponent letter at p[0]; returns p unchanged
// when no digit follows, so the letter is not part of the number.
const char* parse_exponent(const char* p, int64_t* out) {
  const char* q = p + 1;
  bool neg = false;
  if (*q == '+' || *q == '-') neg = *q++ == '-';
  if (!is_digit(*q)) return p;
  int64_t e = 0;
  for (; is_digit(*q); ++q) {
    if (e < kExpClamp) e = e * 10 + (*q - '0');
  }
  *out = neg ? -e : e;
  return q;
}

void scan_hex(const char* p, ScannedNumber* r) {
  u128 m = 0;
  int64_t exp2 = 0;
  bool sticky = false;
  bool any = false;
  bool point = false;
  for (;; ++p) {
    if (*p == '.' && !point) {
      point = true;
      continue;
    }
    const int d = hex_value(*p);
    if (d < 0) break;
    any = true;
    if ((m >> 120) == 0) {
      m = (m << 4) | static_cast<u128>(d);
      if (point) exp2 -= 4;
    } else {
      sticky |= d != 0;
      if (!point) exp2 += 4;
    }
  }
  if (!any) return;  // "0x" alone: the caller keeps the "0"
  int64_t e = 0;
  if (*p == 'p' || *p == 'P') p = parse_exponent(p, &e);
  r->end = p;
  if (m == 0) {
    r->kind = NumberKind::kZero;
    return;
  }
  r->kind = NumberKind::kHex;
  r->mant = m;
  r->exp2 = exp2 + e;
  r->sticky = sticky;
}

void scan_decimal(const char* p, int64_t max_digits, ScannedNumber* r) {
  const char* first = nullptr;
  int64_t n = 0;  // digits from the first significant one
  int64_t last_nonzero = -1;
  int64_t frac = 0;  // of those, after the point, plus leading zeros after it
  bool any = false;
  bool point = false;
  for (;; ++p) {
    if (*p == '.' && !point) {
      point = true;
      continue;
    }
    if (!is_digit(*p)) break;
    any = true;
    if (first == nullptr && *p == '0') {
      if (point) ++frac;
      continue;
    }
    if (first == nullptr) first = p;
    if (*p != '0') last_nonzero = n;
    ++n;
    if (point) ++frac;
  }
  if (!any) return;
  int64_t e = 0;
  if (*p == 'e' || *p == 'E') p = parse_exponent(p, &e);
  r->end = p;
  if (last_nonzero < 0) {
    r->kind = NumberKind::kZero;
    return;
  }
  int64_t keep = last_nonzero + 1;
  int64_t exp10 = e - frac + (n - keep);
  if (keep > max_digits) {
    // The digits beyond are not all zero (the last one kept is not): sticky.
    exp10 += keep - max_digits;
    keep = max_digits;
    r->sticky = true;
  }
  r->kind = NumberKind::kDecimal;
  r->first = first;
  r->ndigits = keep;
  r->exp10 = exp10;
}

}  // namespace

ScannedNumber scan_number(const char* s, int64_t max_digits) {
  ScannedNumber r;
  const char* p = s;
  while (is_space(*p)) ++p;
  if (*p == '+' || *p == '-') r.neg = *p++ == '-';
  if (match(p, "inf")) {
    r.kind = NumberKind::kInf;
    r.end = match(p + 3, "inity") ? p + 8 : p + 3;
    return r;
  }
  if (match(p, "nan")) {
    r.kind = NumberKind::kNan;
    r.end = p + 3;
    if (p[3] == '(') {
      const char* q = p + 4;
      while (is_digit(*q) || (lower(*q) >= 'a' && lower(*q) <= 'z') || *q == '_') ++q;
      if (*q == ')') r.end = q + 1;
    }
    return r;
  }
  if (p[0] == '0' && lower(p[1]) == 'x') {
    scan_hex(p + 2, &r);
    if (r.kind != NumberKind::kNone) return r;
    r.kind = NumberKind::kZero;  // "0x" without hex digits is the number 0
    r.end = p + 1;
    return r;
  }
  scan_decimal(p, max_digits, &r);
  return r;
}

}  // namespace qrv::fmt
