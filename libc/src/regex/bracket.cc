// Bracket expressions, [...], in the C locale: characters, ranges by byte
// value, [:class:], and the one-character [.c.] and [=c=] (the C locale
// has no others); ] first is literal, \ is an ordinary character, and a -
// is literal first or last. Under REG_ICASE both cases of each letter are
// in the set; under REG_NEWLINE a non-matching list never matches \n.
#include "libc/src/regex/parse.h"
#include "libc/src/regex/regex_api.h"

namespace qrv::libc::re {
namespace {

bool same(const unsigned char* name, long len, const char* s) {
  for (long i = 0; i < len; ++i) {
    if (s[i] != static_cast<char>(name[i])) return false;
  }
  return s[len] == '\0';
}

// The members of [:name:]; false if there is no such class.
bool add_class(const unsigned char* name, long len, ByteSet* set) {
  static const char* const kNames[] = {"alpha", "digit", "alnum", "upper", "lower", "space",
                                       "blank", "punct", "print", "graph", "cntrl", "xdigit"};
  int which = -1;
  for (int i = 0; i < 12; ++i) {
    if (same(name, len, kNames[i])) which = i;
  }
  if (which < 0) return false;
  for (int c = 0; c < 256; ++c) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    const bool alpha = upper || lower, print = c >= 0x20 && c < 0x7f;
    bool in = false;
    switch (which) {
      case 0: in = alpha; break;
      case 1: in = digit; break;
      case 2: in = alpha || digit; break;
      case 3: in = upper; break;
      case 4: in = lower; break;
      case 5: in = c == ' ' || (c >= '\t' && c <= '\r'); break;
      case 6: in = c == ' ' || c == '\t'; break;
      case 7: in = print && c != ' ' && !alpha && !digit; break;
      case 8: in = print; break;
      case 9: in = print && c != ' '; break;
      case 10: in = c < 0x20 || c == 0x7f; break;
      default: in = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); break;
    }
    if (in) set->add(static_cast<unsigned char>(c));
  }
  return true;
}

}  // namespace

// One element: 1, a character or collating symbol (*lo, which may start or
// end a range); 2, a class or equivalence class (added to *set); 0, an
// error. A bad name waits in *name_error (REG_ECTYPE, REG_ECOLLATE): glibc
// reports some errors that follow first.
int Parser::bracket_element(ByteSet* set, int* lo, int* name_error) {
  *name_error = 0;
  if (end_ - p_ >= 2 && p_[0] == '[' && (p_[1] == '.' || p_[1] == '=' || p_[1] == ':')) {
    const unsigned char kind = p_[1];
    const unsigned char* name = p_ + 2;
    const unsigned char* q = name;
    while (end_ - q >= 2 && !(q[0] == kind && q[1] == ']')) ++q;
    const long len = q - name;
    if (end_ - q < 2 || len >= 32) return fail(kRegEbrack), 0;  // glibc's names are under 32 bytes
    p_ = q + 2;
    if (kind == ':') {
      if (!add_class(name, len, set)) *name_error = kRegEctype;
      return 2;
    }
    if (len != 1) {
      *name_error = kRegEcollate;
      return kind == '=' ? 2 : 1;
    }
    *lo = name[0];
    if (kind == '=') {
      set->add(name[0]);
      return 2;
    }
    return 1;
  }
  *lo = *p_++;
  return 1;
}

// After the [. The order of the checks is glibc's, so that a malformed
// expression gets its code.
int32_t Parser::bracket() {
  ByteSet set = {};
  bool negate = false;
  if (at('^')) {
    negate = true;
    ++p_;
  }
  if (p_ >= end_) return fail(kRegBadpat);  // glibc's code for a [ or [^ that ends the pattern
  for (bool first = true;; first = false) {
    if (p_ >= end_) return fail(kRegEbrack);
    if (*p_ == ']' && !first) {
      ++p_;
      break;
    }
    // A - may start an element only first or last ([a-c-e], [[:alpha:]-z]).
    if (*p_ == '-' && !first && !(end_ - p_ >= 2 && p_[1] == ']')) return fail(kRegErange);
    int lo = 0, name_error = 0;
    const int kind = bracket_element(&set, &lo, &name_error);
    if (kind == 0) return -1;
    if (kind == 2) {  // no range may start here
      if (name_error != 0) return fail(name_error);
      continue;
    }
    if (p_ >= end_) return fail(kRegEbrack);
    const bool range = *p_ == '-' && !(end_ - p_ >= 2 && p_[1] == ']');
    if (!range) {
      if (name_error != 0) return fail(name_error);
      set.add(static_cast<unsigned char>(lo));
      continue;
    }
    ++p_;
    if (p_ >= end_) return fail(kRegEbrack);
    int hi = 0, hi_error = 0;
    const int hi_kind = bracket_element(&set, &hi, &hi_error);
    if (hi_kind == 0) return -1;
    if (hi_kind != 1) return fail(kRegErange);
    if (name_error != 0 || hi_error != 0) return fail(kRegEcollate);
    if (hi < lo) return fail(kRegErange);
    for (int ch = lo; ch <= hi; ++ch) set.add(static_cast<unsigned char>(ch));
  }
  if (icase_) {
    for (int ch = 'a'; ch <= 'z'; ++ch) {
      const unsigned char up = static_cast<unsigned char>(ch - 'a' + 'A');
      if (set.has(static_cast<unsigned char>(ch)) || set.has(up)) {
        set.add(static_cast<unsigned char>(ch));
        set.add(up);
      }
    }
  }
  if (negate) {
    for (uint64_t& w : set.w) w = ~w;
    if (newline_) set.w['\n' >> 6] &= ~(uint64_t{1} << ('\n' & 63));
  }
  set.w[0] &= ~uint64_t{1};  // no subject holds a NUL
  if (!c_->sets.push(set)) return fail(kRegEspace);
  return node(kSet, c_->sets.size - 1, 0, -1);
}

}  // namespace qrv::libc::re
