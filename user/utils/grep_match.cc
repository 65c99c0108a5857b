// grep's patterns and line selection (grep_match.h).
#include "user/utils/grep_match.h"

#include <stdlib.h>
#include <string.h>

namespace utils {
namespace {

int lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

}  // namespace

GrepMatcher::~GrepMatcher() {
  for (size_t i = 0; i < ncompiled_; ++i) regfree(&compiled_[i]);
  for (size_t i = 0; i < n_; ++i) free(patterns_[i]);
  free(patterns_);
  free(lengths_);
  free(compiled_);
  free(line_);
}

bool GrepMatcher::add(const char* text, size_t len) {
  size_t start = 0;
  for (;;) {
    size_t end = start;
    while (end < len && text[end] != '\n') ++end;
    if (n_ == cap_) {
      const size_t cap = cap_ == 0 ? 4 : cap_ * 2;
      char** p = static_cast<char**>(realloc(patterns_, cap * sizeof(char*)));
      if (p == nullptr) return false;
      patterns_ = p;
      size_t* l = static_cast<size_t*>(realloc(lengths_, cap * sizeof(size_t)));
      if (l == nullptr) return false;
      lengths_ = l;
      cap_ = cap;
    }
    char* copy = static_cast<char*>(malloc(end - start + 1));
    if (copy == nullptr) return false;
    memcpy(copy, text + start, end - start);
    copy[end - start] = '\0';
    patterns_[n_] = copy;
    lengths_[n_] = end - start;
    ++n_;
    if (end >= len || end + 1 == len) return true;  // the text's end, or its final newline
    start = end + 1;
  }
}

int GrepMatcher::compile(const GrepOptions& o, char* msg, size_t msg_size) {
  o_ = o;
  if (o.fixed) return 0;
  compiled_ = static_cast<regex_t*>(calloc(n_ == 0 ? 1 : n_, sizeof(regex_t)));
  if (compiled_ == nullptr) {
    if (msg_size > 0) msg[0] = '\0';
    return REG_ESPACE;
  }
  // -x needs where the match lies; otherwise whether there is one is enough.
  const int cflags = (o.extended ? REG_EXTENDED : 0) | (o.icase ? REG_ICASE : 0) | (o.whole_line ? 0 : REG_NOSUB);
  for (size_t i = 0; i < n_; ++i) {
    const int e = regcomp(&compiled_[i], patterns_[i], cflags);
    if (e != 0) {
      regerror(e, &compiled_[i], msg, msg_size);
      return e;
    }
    ++ncompiled_;
  }
  return 0;
}

bool GrepMatcher::fixed_matches(size_t i, const char* line, size_t len) const {
  const char* p = patterns_[i];
  const size_t n = lengths_[i];
  if (o_.whole_line ? n != len : n > len) return false;
  for (size_t at = 0; at + n <= len; ++at) {
    size_t k = 0;
    while (k < n && (o_.icase ? lower(static_cast<unsigned char>(line[at + k])) == lower(static_cast<unsigned char>(p[k]))
                              : line[at + k] == p[k])) {
      ++k;
    }
    if (k == n) return true;
  }
  return false;
}

bool GrepMatcher::matches(size_t i, const char* line, size_t len) {
  if (o_.fixed) return fixed_matches(i, line, len);
  regmatch_t m[1];
  const int r = regexec(&compiled_[i], line, o_.whole_line ? 1 : 0, m, 0);
  if (r != 0) return false;
  // Leftmost-longest: if the whole line matches, this match is it.
  return !o_.whole_line || (m[0].rm_so == 0 && static_cast<size_t>(m[0].rm_eo) == len);
}

bool GrepMatcher::selects(const char* line, size_t len) {
  if (!o_.fixed) {
    if (len + 1 > line_cap_) {
      char* p = static_cast<char*>(realloc(line_, len + 1));
      if (p == nullptr) return false;
      line_ = p;
      line_cap_ = len + 1;
    }
    memcpy(line_, line, len);
    line_[len] = '\0';
    line = line_;
  }
  bool any = false;
  for (size_t i = 0; i < n_ && !any; ++i) any = matches(i, line, len);
  return any != o_.invert;
}

}  // namespace utils
