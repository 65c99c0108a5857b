// The regular-expression parser: POSIX basic (with GNU's \| \+ \?) and
// extended syntax into the syntax tree of regex_impl.h. Recursion is only
// on group nesting, capped at kMaxDepth; every malformed pattern ends in a
// REG_ error, with glibc's choice of code where POSIX leaves it open.
// Bracket expressions are in bracket.cc.
#include "libc/src/regex/parse.h"

#include "libc/src/regex/regex_api.h"

namespace qrv::libc::re {

int32_t Parser::node(NodeKind kind, int32_t a, int32_t b, int32_t child) {
  if (error_ != 0) return -1;
  if (c_->nodes.size >= kMaxNodes) return fail(kRegEspace);
  int depth = 0;
  bool has_group = kind == kGroup;
  int32_t first = kind == kGroup ? a : kMaxSub + 1, last = kind == kGroup ? a : 0;
  for (int32_t k = child; k >= 0; k = c_->nodes[k].next) {
    const Node& ch = c_->nodes[k];
    if (ch.depth > depth) depth = ch.depth;
    if (ch.has_group) {
      has_group = true;
      if (ch.first_group < first) first = ch.first_group;
      if (ch.last_group > last) last = ch.last_group;
    }
  }
  if (depth + 1 > 3 * kMaxDepth) return fail(kRegEspace);  // (and depth fits its uint8_t)
  const Node n = {kind, has_group, static_cast<uint8_t>(depth + 1), a, b, child, -1, first, last};
  if (!c_->nodes.push(n)) return fail(kRegEspace);
  return c_->nodes.size - 1;
}

// A list of children (first..last, linked by next) as one node of `kind`,
// or the only child itself, or an empty node.
int32_t Parser::join(NodeKind kind, int32_t first, int32_t count) {
  if (error_ != 0) return -1;
  if (count == 0) return node(kEmpty, 0, 0, -1);
  if (count == 1) return first;
  return node(kind, 0, 0, first);
}

bool Parser::at(char ch) const { return p_ < end_ && *p_ == ch; }
bool Parser::at_escaped(char ch) const { return end_ - p_ >= 2 && p_[0] == '\\' && p_[1] == ch; }

int Parser::run(const char* pattern, int cflags) {
  p_ = reinterpret_cast<const unsigned char*>(pattern);
  end_ = p_;
  while (*end_ != '\0') ++end_;
  ere_ = (cflags & kRegExtended) != 0;
  icase_ = (cflags & kRegIcase) != 0;
  newline_ = (cflags & kRegNewline) != 0;
  if (!c_->in_repeat.push(0) || !c_->parent.push(0)) return kRegEspace;  // group 0, the whole match
  const int32_t root = alternation();
  if (error_ == 0 && p_ != end_) fail(kRegEparen);  // a stray \) in a BRE
  if (error_ != 0) return error_;
  c_->root = root;
  mark_repeats(root, false);
  return 0;
}

// Groups inside a repetition (regex_group_in_repeat; the depth is bounded).
void Parser::mark_repeats(int32_t n, bool inside) {
  Node& nd = c_->nodes[n];
  if (!nd.has_group) return;
  if (nd.kind == kGroup && inside) c_->in_repeat[nd.a] = 1;
  if (nd.kind == kRepeat) inside = true;
  for (int32_t k = nd.child; k >= 0; k = c_->nodes[k].next) mark_repeats(k, inside);
}

// As glibc, a back-reference may not name a group closed in an earlier
// alternative of the same alternation ("(a)|\\1" is REG_ESUBREG): each
// alternative starts from the groups closed before the alternation.
int32_t Parser::alternation() {
  const int base = closed_groups_.size;
  Vec<int32_t> closed;  // the groups the alternatives closed
  int32_t first = -1, last = -1, count = 0;
  for (;;) {
    const int32_t next = concatenation();
    for (int i = base; i < closed_groups_.size && error_ == 0; ++i) {
      if (!closed.push(closed_groups_[i])) fail(kRegEspace);
    }
    closed_groups_.size = base;
    if (error_ != 0) break;
    if (first < 0) {
      first = next;
    } else {
      c_->nodes[last].next = next;
    }
    last = next;
    ++count;
    if (!(ere_ ? at('|') : at_escaped('|'))) break;
    p_ += ere_ ? 1 : 2;
  }
  for (int i = 0; i < closed.size && error_ == 0; ++i) {
    if (!closed_groups_.push(closed[i])) fail(kRegEspace);
  }
  closed.release();
  if (error_ != 0) return -1;
  return join(kAlt, first, count);
}

int32_t Parser::concatenation() {
  int32_t first = -1, last = -1, count = 0;
  bool after_caret = false;  // a BRE's leading ^ (then * is literal, \{ an error)
  while (error_ == 0 && p_ < end_) {
    if (ere_ ? (at('|') || (at(')') && depth_ > 0)) : (at_escaped('|') || at_escaped(')'))) break;
    bool anchor = false;
    const int32_t piece = this->piece(count == 0, after_caret, &anchor);
    if (error_ != 0) return -1;
    if (first < 0) {
      first = piece;
    } else {
      c_->nodes[last].next = piece;
    }
    last = piece;
    ++count;
    after_caret = !ere_ && anchor && count == 1;
  }
  return join(kConcat, first, count);
}

// An atom and the repetitions after it.
int32_t Parser::piece(bool start, bool after_caret, bool* anchor) {
  // (A BRE's * at its start is literal: atom() takes it as a character.)
  if (ere_ && (at('*') || at('+') || at('?') || at('{'))) return fail(kRegBadrpt);
  if (!ere_ && (start || after_caret) && at_escaped('{')) return fail(kRegBadrpt);
  int32_t atom = this->atom(start, anchor);
  if (*anchor && !ere_) return atom;  // a BRE's * after ^ is literal (the next piece)
  int reps = 0;
  while (error_ == 0 && p_ < end_) {
    int32_t min = 0, max = -1;
    // glibc: in a BRE, * and \{ may not follow another repetition (\+ and \? may).
    if (!ere_ && reps > 0 && (at('*') || at_escaped('{'))) return fail(kRegBadrpt);
    const bool star = at('*');
    const bool plus = ere_ ? at('+') : at_escaped('+');
    const bool question = ere_ ? at('?') : at_escaped('?');
    const bool brace = ere_ ? at('{') : at_escaped('{');
    if (!star && !plus && !question && !brace) break;
    if (*anchor) return fail(kRegBadrpt);  // an ERE's ^* (a BRE's anchors returned above)
    p_ += star || ere_ ? 1 : 2;
    if (plus) min = 1;
    if (question) max = 1;
    if (brace && !interval(&min, &max)) return -1;
    ++reps;
    atom = node(kRepeat, min, max, atom);
  }
  return atom;
}

// {m}, {m,}, {m,n} or {,n} after the opening brace, up to its close (} in
// an ERE, \} in a BRE), with glibc's codes: a count ends at the close, a
// comma or the pattern's end; the end: REG_EBRACE; anything else amiss
// (not digits, a second comma, m > n, past RE_DUP_MAX): REG_BADBR.
bool Parser::interval(int32_t* min, int32_t* max) {
  long value[2] = {-1, -1};
  enum Stop { kEnd, kClose, kComma };
  auto count = [&](long* v, bool* valid) {
    for (*valid = true;; ++p_) {
      if (p_ >= end_) return kEnd;
      if (ere_ ? at('}') : at_escaped('}')) {
        p_ += ere_ ? 1 : 2;
        return kClose;
      }
      if (*p_ == ',') {
        ++p_;
        return kComma;
      }
      if (*p_ == '\\' && end_ - p_ >= 2) {
        // An escaped character is one token: ERE's \} does not close, but
        // (as glibc) \, separates.
        ++p_;
        if (*p_ == ',') {
          ++p_;
          return kComma;
        }
        *valid = false;
      } else if (*p_ >= '0' && *p_ <= '9') {
        *v = *v < 0 ? 0 : *v;
        if (*v <= kReDupMax) *v = *v * 10 + (*p_ - '0');
      } else {
        *valid = false;
      }
    }
  };
  bool valid = true;
  Stop stop = count(&value[0], &valid);
  if (stop == kEnd) return fail(kRegEbrace), false;
  if (!valid || (stop == kClose && value[0] < 0)) return fail(kRegBadbr), false;
  if (stop == kClose) {
    value[1] = value[0];
  } else {
    if (value[0] < 0) value[0] = 0;
    stop = count(&value[1], &valid);
    if (stop == kEnd) return fail(kRegEbrace), false;
    if (!valid || stop == kComma) return fail(kRegBadbr), false;
  }
  if (value[0] > kReDupMax || value[1] > kReDupMax || (value[1] >= 0 && value[1] < value[0])) {
    return fail(kRegBadbr), false;
  }
  *min = static_cast<int32_t>(value[0]);
  *max = static_cast<int32_t>(value[1]);
  return true;
}

int32_t Parser::group() {
  if (++depth_ > kMaxDepth) return fail(kRegEspace);
  if (c_->nsub >= static_cast<size_t>(kMaxSub)) return fail(kRegEspace);
  const int32_t number = static_cast<int32_t>(++c_->nsub);
  if (!c_->in_repeat.push(0) || !c_->parent.push(open_group_)) return fail(kRegEspace);
  const int32_t outer = open_group_;
  open_group_ = number;
  const int32_t inner = alternation();
  open_group_ = outer;
  if (error_ != 0) return -1;
  if (ere_ ? !at(')') : !at_escaped(')')) return fail(kRegEparen);
  p_ += ere_ ? 1 : 2;
  --depth_;
  if (!closed_groups_.push(number)) return fail(kRegEspace);
  return node(kGroup, number, 0, inner);
}

bool Parser::is_closed(int32_t g) const {
  for (int i = 0; i < closed_groups_.size; ++i) {
    if (closed_groups_[i] == g) return true;
  }
  return false;
}

// One atom; *anchor says it was ^ or $. At a BRE's start, * is literal
// (returned as a character); elsewhere the caller handles repetitions.
int32_t Parser::atom(bool start, bool* anchor) {
  *anchor = false;
  const unsigned char ch = *p_;
  if (ch == '\\') {
    if (end_ - p_ < 2) return fail(kRegEescape);
    const unsigned char e = p_[1];
    p_ += 2;
    if (!ere_ && e == '(') return group();
    if (e >= '1' && e <= '9') {
      const int32_t g = e - '0';
      if (!is_closed(g)) return fail(kRegEsubreg);
      c_->has_backref = true;
      return node(kBackref, g, 0, -1);
    }
    return node(kChar, e, 0, -1);
  }
  ++p_;
  switch (ch) {
    case '(':
      if (ere_) return group();
      break;
    case '.':
      return node(kAny, 0, 0, -1);
    case '[':
      return bracket();
    case '^':
      if (ere_ || start) {
        *anchor = true;
        return node(kBol, 0, 0, -1);
      }
      break;
    case '$':
      // A BRE's $ is an anchor only at the end of the pattern or of a
      // group or alternative.
      if (ere_ || p_ == end_ || at_escaped(')') || at_escaped('|')) {
        *anchor = true;
        return node(kEol, 0, 0, -1);
      }
      break;
    default:
      break;
  }
  return node(kChar, ch, 0, -1);
}

int parse(Compiled* c, const char* pattern) {
  Parser parser(c);
  const int r = parser.run(pattern, c->cflags);
  parser.release();
  return r;
}

}  // namespace qrv::libc::re
