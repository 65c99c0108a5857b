// The parser's state (parse.cc, bracket.cc): a cursor over the pattern and
// the tree it builds in a Compiled.
#pragma once

#include "libc/src/regex/regex_impl.h"

namespace qrv::libc::re {

class Parser {
 public:
  explicit Parser(Compiled* c) : c_(c) {}
  int run(const char* pattern, int cflags);  // 0 or a REG_ error
  void release() { closed_groups_.release(); }

 private:
  int32_t alternation();
  int32_t concatenation();
  int32_t piece(bool start, bool after_caret, bool* anchor);
  int32_t atom(bool start, bool* anchor);
  int32_t group();
  bool interval(int32_t* min, int32_t* max);
  int32_t bracket();                            // bracket.cc
  int bracket_element(ByteSet* set, int* lo, int* name_error);  // bracket.cc
  bool is_closed(int32_t g) const;
  void mark_repeats(int32_t n, bool inside);

  int32_t node(NodeKind kind, int32_t a, int32_t b, int32_t child);
  int32_t join(NodeKind kind, int32_t first, int32_t count);
  bool at(char ch) const;
  bool at_escaped(char ch) const;
  int32_t fail(int code) {
    if (error_ == 0) error_ = code;
    return -1;
  }

  Compiled* c_;
  const unsigned char* p_ = nullptr;
  const unsigned char* end_ = nullptr;
  bool ere_ = false, icase_ = false, newline_ = false;
  int depth_ = 0;
  int32_t open_group_ = 0;  // the innermost group being parsed
  int error_ = 0;
  Vec<int32_t> closed_groups_;  // the groups closed so far (a back-reference may name only these)
};

}  // namespace qrv::libc::re
