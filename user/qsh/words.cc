// The lexer's word reader (lexer.h): one word's parts from the text, with
// quotes, backslashes, parameter expansions, command substitutions ($(..) and
// `..`) and arithmetic; also the inside of "..", ${x op ..}, $((..)) and an
// unquoted here-document body, which are read the same way.
#include "user/qsh/lexer.h"

namespace qsh {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool meta(char c) {
  return blank(c) || c == '\n' || c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
         c == '(' || c == ')';
}
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool special_param(char c) {
  return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!';
}

// Accumulates literal characters of one quoting kind into a word's parts.
class Builder {
 public:
  Builder(ParseContext& ctx, Word* w) : ctx_(ctx), w_(w) {}
  bool add(char c, Quote q, bool dq) {
    if (open_ && (q != quote_ || dq != dq_) && !flush()) return false;
    open_ = true;
    quote_ = q;
    dq_ = dq;
    if (!buf_.push(*ctx_.arena, c)) return oom();
    return true;
  }
  bool flush() {
    if (!open_) return true;
    open_ = false;
    const size_t n = buf_.len;
    buf_.len = 0;
    return literal(buf_.data, n, quote_, dq_);
  }
  // A literal part of its own (an empty "" or '' included).
  bool literal(const char* s, size_t n, Quote q, bool dq) {
    WordPart p{};
    p.kind = PartKind::kLiteral;
    p.quote = q;
    p.in_dquotes = dq;
    char* text = ctx_.arena->dup(s, n);
    if (text == nullptr) return oom();
    p.text = Str{text, n};
    if (!w_->parts.push(*ctx_.arena, p)) return oom();
    return true;
  }

 private:
  bool oom() {
    ctx_.out_of_memory();
    return false;
  }
  ParseContext& ctx_;
  Word* w_;
  Vec<char> buf_{};
  Quote quote_ = Quote::kNone;
  bool dq_ = false;
  bool open_ = false;
};

// Length of a parameter name at s[0, n): identifier, digits, or one special.
size_t scan_name(const char* s, size_t n, bool braced) {
  if (n == 0) return 0;
  size_t i = 0;
  if (alpha(s[0])) {
    while (i < n && (alpha(s[i]) || digit(s[i]))) ++i;
    return i;
  }
  if (digit(s[0])) {
    if (!braced) return 1;  // $10 is ${1}0
    while (i < n && digit(s[i])) ++i;
    return i;
  }
  return special_param(s[0]) ? 1 : 0;
}

}  // namespace

// One word, or the inside of "..", ${x op ..}, $((..)) or a here-document,
// appended to w's parts. Stops before the terminator (which the caller
// takes) or at the end of the text.
bool Lexer::read_parts(Word* w, Mode mode, bool in_dq) {
  Builder b(ctx_, w);
  const bool dq = in_dq || mode == Mode::kDquote || mode == Mode::kHeredoc || mode == Mode::kArith;
  const Quote plain_quote = dq ? Quote::kDouble : Quote::kNone;
  int parens = 0;  // kArith: ( ) inside
  for (;;) {
    if (at_end()) {
      if (mode == Mode::kUnquoted || mode == Mode::kHeredoc) break;
      end_of_text(line_);
      return false;
    }
    const char c = peek();
    if (mode == Mode::kUnquoted && meta(c)) break;
    if (mode == Mode::kDquote && c == '"') break;
    if (mode == Mode::kOperand && c == '}') break;  // the first one, as bash and dash
    if (mode == Mode::kArith && c == '(') ++parens;
    if (mode == Mode::kArith && c == ')') {
      if (parens == 0) break;
      --parens;
    }
    if (c == '\\') {
      if (skip_continuation()) {
        if (at_end() && mode == Mode::kUnquoted && !closed_) {
          end_of_text(line_);
          return false;
        }
        continue;
      }
      if (pos_ + 1 >= len_) {  // a backslash ending the text
        if (mode == Mode::kUnquoted && !closed_) {
          end_of_text(line_);
          return false;
        }
        ++pos_;
        if (!b.add('\\', plain_quote, dq)) return false;
        continue;
      }
      const char n = peek(1);
      const bool escapes = !dq || n == '$' || n == '`' || n == '\\' ||
                           (n == '"' && mode != Mode::kHeredoc) ||
                           (n == '}' && mode == Mode::kOperand);
      if (escapes) {
        ++pos_;
        if (!b.add(get(), Quote::kBackslash, dq)) return false;
      } else {
        ++pos_;
        if (!b.add('\\', plain_quote, dq)) return false;
      }
      continue;
    }
    if (c == '\'' && !dq) {
      if (!b.flush()) return false;
      ++pos_;
      const size_t start = pos_;
      while (!at_end() && peek() != '\'') get();
      if (at_end()) {
        end_of_text(line_);
        return false;
      }
      if (!b.literal(text_ + start, pos_ - start, Quote::kSingle, false)) return false;
      ++pos_;
      continue;
    }
    if (c == '"' && (mode == Mode::kUnquoted || mode == Mode::kOperand)) {
      if (!b.flush()) return false;
      const size_t before = w->parts.size();
      if (mode == Mode::kOperand && !ctx_.enter(line_)) return false;  // "${x:-"${y:-"..
      ++pos_;
      if (!read_parts(w, Mode::kDquote, true)) return false;
      ++pos_;  // the closing quote (read_parts fails at the end of the text)
      if (mode == Mode::kOperand) ctx_.leave();
      if (w->parts.size() == before && !b.literal("", 0, Quote::kDouble, true)) return false;
      continue;
    }
    if (c == '$') {
      const char n = peek(1);
      if (n == '{' || n == '(' || alpha(n) || digit(n) || special_param(n)) {
        if (!b.flush() || !read_dollar(w, dq)) return false;
        continue;
      }
    }
    if (c == '`') {
      if (!b.flush() || !read_backquote(w, dq)) return false;
      continue;
    }
    if (!b.add(get(), plain_quote, dq)) return false;
  }
  return b.flush();
}

bool Lexer::read_dollar(Word* w, bool in_dq) {
  ++pos_;  // $
  const char c = peek();
  if (c == '{') {
    ++pos_;
    return read_brace(w, in_dq);
  }
  if (c == '(') {
    if (peek(1) == '(') {
      pos_ += 2;
      return read_arith(w, in_dq);
    }
    ++pos_;
    return read_command_sub(w, in_dq);
  }
  const size_t n = scan_name(text_ + pos_, len_ - pos_, false);
  WordPart p{};
  p.kind = PartKind::kParam;
  p.in_dquotes = in_dq;
  char* name = ctx_.arena->dup(text_ + pos_, n);
  if (name == nullptr) {
    ctx_.out_of_memory();
    return false;
  }
  p.text = Str{name, n};
  pos_ += n;
  return add_part(w, p);
}

bool Lexer::read_brace(Word* w, bool in_dq) {
  const int start_line = line_;
  if (!ctx_.enter(line_)) return false;
  WordPart p{};
  p.kind = PartKind::kParam;
  p.in_dquotes = in_dq;
  size_t name_at = pos_;
  size_t n = 0;
  if (peek() == '#') {  // ${#x} or ${#}, ${#-w}, ...
    const size_t len = scan_name(text_ + pos_ + 1, len_ - pos_ - 1, true);
    if (len != 0 && peek(len + 1) == '}') {
      p.op = ParamOp::kLength;
      name_at = pos_ + 1;
      n = len;
      pos_ += len + 1;
    } else {
      n = 1;
      pos_ += 1;
    }
  } else {
    n = scan_name(text_ + pos_, len_ - pos_, true);
    pos_ += n;
  }
  if (at_end()) {
    end_of_text(line_);
    return false;
  }
  if (n == 0) {
    ctx_.error(start_line, "bad substitution");
    return false;
  }
  char* name = ctx_.arena->dup(text_ + name_at, n);
  if (name == nullptr) {
    ctx_.out_of_memory();
    return false;
  }
  p.text = Str{name, n};
  char c = peek();
  if (p.op == ParamOp::kLength || c == '}') {
    ++pos_;
    ctx_.leave();
    return add_part(w, p);
  }
  if (c == ':') {
    p.colon = true;
    ++pos_;
    c = peek();
    if (at_end()) {
      end_of_text(line_);
      return false;
    }
  }
  switch (c) {
    case '-': p.op = ParamOp::kDefault; break;
    case '=': p.op = ParamOp::kAssign; break;
    case '?': p.op = ParamOp::kError; break;
    case '+': p.op = ParamOp::kAlternative; break;
    case '%': p.op = peek(1) == '%' ? ParamOp::kRemoveLongSuffix : ParamOp::kRemoveSuffix; break;
    case '#': p.op = peek(1) == '#' ? ParamOp::kRemoveLongPrefix : ParamOp::kRemovePrefix; break;
    default: ctx_.error(start_line, "bad substitution"); return false;
  }
  if (p.colon && (c == '%' || c == '#')) {
    ctx_.error(start_line, "bad substitution");
    return false;
  }
  pos_ += (p.op == ParamOp::kRemoveLongSuffix || p.op == ParamOp::kRemoveLongPrefix) ? 2 : 1;
  p.operand = ctx_.arena->make<Word>();
  if (p.operand == nullptr) {
    ctx_.out_of_memory();
    return false;
  }
  if (!read_parts(p.operand, Mode::kOperand, in_dq)) return false;
  ++pos_;  // }
  ctx_.leave();
  return add_part(w, p);
}

bool Lexer::read_arith(Word* w, bool in_dq) {
  const int start_line = line_;
  if (!ctx_.enter(line_)) return false;
  const size_t start = pos_;
  WordPart p{};
  p.kind = PartKind::kArith;
  p.in_dquotes = in_dq;
  p.expr = ctx_.arena->make<Word>();
  if (p.expr == nullptr) {
    ctx_.out_of_memory();
    return false;
  }
  if (!read_parts(p.expr, Mode::kArith, true)) return false;
  if (pos_ + 1 >= len_) {  // `)` ends the text
    end_of_text(line_);
    return false;
  }
  if (peek(1) != ')') {
    // Not $((..)) but $( (..) ..), a substitution starting with a subshell,
    // as in `$((cd /; ls) | wc)`: read again from the second parenthesis.
    pos_ = start - 1;
    line_ = start_line;
    ctx_.leave();
    return read_command_sub(w, in_dq);
  }
  char* text = ctx_.arena->dup(text_ + start, pos_ - start);
  if (text == nullptr) {
    ctx_.out_of_memory();
    return false;
  }
  p.text = Str{text, pos_ - start};
  pos_ += 2;
  ctx_.leave();
  return add_part(w, p);
}

bool Lexer::read_command_sub(Word* w, bool in_dq) {
  if (!ctx_.enter(line_, kSubstitutionCost)) return false;
  List* program = parse_until_paren(*this);
  if (program == nullptr) return false;
  ctx_.leave(kSubstitutionCost);
  WordPart p{};
  p.kind = PartKind::kCommand;
  p.in_dquotes = in_dq;
  p.program = program;
  return add_part(w, p);
}

// `..`: the text up to the closing backquote, with \$ \` \\ (and \" within
// double quotes) unescaped, is parsed as a program of its own.
bool Lexer::read_backquote(Word* w, bool in_dq) {
  const int start_line = line_;
  ++pos_;
  Vec<char> inner{};
  for (;;) {
    if (at_end()) {
      end_of_text(line_);
      return false;
    }
    char c = get();
    if (c == '`') break;
    if (c == '\\' && !at_end()) {
      const char n = peek();
      if (n == '$' || n == '`' || n == '\\' || (in_dq && n == '"')) c = get();
    }
    if (!inner.push(*ctx_.arena, c)) {
      ctx_.out_of_memory();
      return false;
    }
  }
  if (!ctx_.enter(start_line, kSubstitutionCost)) return false;
  List* program = parse_nested_text(ctx_, inner.len != 0 ? inner.data : "", inner.len, start_line);
  if (program == nullptr) return false;
  ctx_.leave(kSubstitutionCost);
  WordPart p{};
  p.kind = PartKind::kCommand;
  p.in_dquotes = in_dq;
  p.program = program;
  p.backquoted = true;
  return add_part(w, p);
}

}  // namespace qsh
