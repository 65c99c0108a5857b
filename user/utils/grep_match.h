// grep's line selection: its patterns (from -e operands and -f files, one
// per line), compiled as basic or extended regular expressions (-E) or
// kept as fixed strings (-F), and the decision for one line with -i, -x and
// -v. Pure (regex.h only), host-tested.
#pragma once

#include <regex.h>
#include <stddef.h>

namespace utils {

struct GrepOptions {
  bool extended = false;    // -E
  bool fixed = false;       // -F
  bool icase = false;       // -i
  bool invert = false;      // -v
  bool whole_line = false;  // -x
};

class GrepMatcher {
 public:
  GrepMatcher() = default;
  ~GrepMatcher();
  GrepMatcher(const GrepMatcher&) = delete;
  GrepMatcher& operator=(const GrepMatcher&) = delete;

  // Adds the patterns in text: one per line, a final newline ending the
  // last ("" is one empty pattern, which matches every line). False: no memory.
  bool add(const char* text, size_t len);
  size_t count() const { return n_; }

  // Compiles the patterns for o: 0, or regcomp's code with regerror's
  // message in msg (the first pattern that fails).
  int compile(const GrepOptions& o, char* msg, size_t msg_size);

  // Whether a line (len bytes, without its newline) is selected: some
  // pattern matches it (all of it, with -x), or with -v none does.
  bool selects(const char* line, size_t len);

 private:
  bool matches(size_t i, const char* line, size_t len);
  bool fixed_matches(size_t i, const char* line, size_t len) const;

  GrepOptions o_;
  char** patterns_ = nullptr;
  size_t* lengths_ = nullptr;
  regex_t* compiled_ = nullptr;
  size_t n_ = 0, cap_ = 0, ncompiled_ = 0;
  char* line_ = nullptr;  // the line with a terminator, for regexec
  size_t line_cap_ = 0;
};

}  // namespace utils
