// The tokenizer (lexer.h): operators, words and their parts, here-documents.
#include "user/qsh/lexer.h"

#include <stdio.h>
#include <string.h>

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

void ParseContext::error(int at_line, const char* what, const char* token, size_t token_len) {
  if (failed()) return;
  status = ParseStatus::kError;
  line = at_line;
  constexpr size_t kMax = 256;
  char* m = static_cast<char*>(arena->alloc(kMax));
  if (m == nullptr) {
    message = "qsh: out of memory";
    return;
  }
  if (token != nullptr) {
    const int shown = static_cast<int>(token_len > 40 ? 40 : token_len);
    snprintf(m, kMax, "qsh: syntax error at line %d: %s '%.*s%s'", at_line, what, shown, token,
             token_len > 40 ? "..." : "");
  } else {
    snprintf(m, kMax, "qsh: syntax error at line %d: %s", at_line, what);
  }
  message = m;
}

void ParseContext::out_of_memory() {
  if (failed()) return;
  status = ParseStatus::kError;
  message = "qsh: out of memory";
}

void ParseContext::incomplete(int at_line) {
  if (failed()) return;
  status = ParseStatus::kIncomplete;
  line = at_line;
  message = "incomplete";
}

bool ParseContext::enter(int at_line) {
  if (++depth > kMaxNesting) {
    --depth;
    error(at_line, "nesting too deep");
    return false;
  }
  return true;
}

Lexer::Lexer(ParseContext& ctx, const char* text, size_t len, int first_line, bool closed)
    : ctx_(ctx), text_(text), len_(len), line_(first_line), closed_(closed) {}

void Lexer::end_of_text(int at_line) {
  if (closed_) {
    ctx_.error(at_line, "unexpected end of file");
  } else {
    ctx_.incomplete(at_line);
  }
}

char Lexer::get() {
  const char c = text_[pos_++];
  if (c == '\n') ++line_;
  return c;
}

bool Lexer::skip_continuation() {
  if (peek() != '\\' || peek(1) != '\n' || pos_ + 1 >= len_) return false;
  pos_ += 2;
  ++line_;
  return true;
}

bool Lexer::add_part(Word* w, const WordPart& part) {
  if (w->parts.push(*ctx_.arena, part)) return true;
  ctx_.out_of_memory();
  return false;
}

Token Lexer::op(Tok kind, size_t n) {
  Token t{};
  t.kind = kind;
  t.line = line_;
  t.src = text_ + pos_;
  t.src_len = n;
  pos_ += n;
  return t;
}

Token Lexer::next() {
  Token err{};
  err.kind = Tok::kError;
  err.line = line_;
  if (ctx_.failed()) return err;
  for (;;) {  // blanks, line continuations, a comment
    if (at_end()) break;
    const char c = peek();
    if (blank(c)) {
      ++pos_;
    } else if (skip_continuation()) {
      if (at_end() && !closed_) {
        end_of_text(line_);
        return err;
      }
    } else if (c == '#') {
      while (!at_end() && peek() != '\n') ++pos_;
    } else {
      break;
    }
  }
  if (at_end()) {
    if (!pending_.empty()) {  // here-documents never read
      end_of_text(line_);
      return err;
    }
    Token t{};
    t.kind = Tok::kEnd;
    t.line = line_;
    t.src = "end of file";
    return t;
  }
  const char c = peek();
  const char c1 = peek(1);
  switch (c) {
    case '\n': {
      Token t = op(Tok::kNewline, 1);
      ++line_;
      if (!pending_.empty() && !read_heredocs()) return err;
      return t;
    }
    case '&': return c1 == '&' ? op(Tok::kAndIf, 2) : op(Tok::kAmp, 1);
    case '|': return c1 == '|' ? op(Tok::kOrIf, 2) : op(Tok::kPipe, 1);
    case ';': return c1 == ';' ? op(Tok::kDSemi, 2) : op(Tok::kSemi, 1);
    case '(': return op(Tok::kLParen, 1);
    case ')': return op(Tok::kRParen, 1);
    case '<':
      if (c1 == '<') return peek(2) == '-' ? op(Tok::kDLessDash, 3) : op(Tok::kDLess, 2);
      if (c1 == '&') return op(Tok::kLessAnd, 2);
      if (c1 == '>') return op(Tok::kLessGreat, 2);
      return op(Tok::kLess, 1);
    case '>':
      if (c1 == '>') return op(Tok::kDGreat, 2);
      if (c1 == '&') return op(Tok::kGreatAnd, 2);
      if (c1 == '|') return op(Tok::kClobber, 2);
      return op(Tok::kGreat, 1);
    default:
      return word_token();
  }
}

Token Lexer::word_token() {
  Token t{};
  t.kind = Tok::kError;
  t.line = line_;
  const size_t start = pos_;
  Word* w = ctx_.arena->make<Word>();
  if (w == nullptr) {
    ctx_.out_of_memory();
    return t;
  }
  if (!read_parts(w, Mode::kUnquoted, false)) return t;
  t.kind = Tok::kWord;
  t.src = text_ + start;
  t.src_len = pos_ - start;
  t.word = w;
  t.plain = w->parts.size() == 1 && w->parts[0].kind == PartKind::kLiteral &&
            w->parts[0].quote == Quote::kNone;
  if (t.plain && (peek() == '<' || peek() == '>')) {
    const Str& s = w->parts[0].text;
    bool digits = s.n > 0 && s.n <= 9;
    int n = 0;
    for (size_t i = 0; digits && i < s.n; ++i) {
      digits = digit(s.s[i]);
      n = n * 10 + (s.s[i] - '0');
    }
    if (digits) {
      t.kind = Tok::kIoNumber;
      t.io_number = n;
    }
  }
  return t;
}

// One word, or the inside of "..", ${x op ..}, $((..)) or a here-document,
// appended to w's parts. Stops before the terminator (which the caller
// takes) or at the end of the text.
bool Lexer::read_parts(Word* w, Mode mode, bool in_dq) {
  Builder b(ctx_, w);
  const bool dq = in_dq || mode == Mode::kDquote || mode == Mode::kHeredoc || mode == Mode::kArith;
  const Quote plain_quote = dq ? Quote::kDouble : Quote::kNone;
  int braces = 0;  // kOperand: unquoted { } inside
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
    if (mode == Mode::kOperand && c == '}') {
      if (braces == 0) break;
      --braces;
    }
    if (mode == Mode::kOperand && c == '{') ++braces;
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
      ++pos_;
      if (!read_parts(w, Mode::kDquote, true)) return false;
      ++pos_;  // the closing quote (read_parts fails at the end of the text)
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
    default:
      ctx_.error(start_line, "bad substitution");
      return false;
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
    ctx_.error(start_line, "bad arithmetic expansion");
    return false;
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
  if (!ctx_.enter(line_)) return false;
  List* program = parse_until_paren(*this);
  if (program == nullptr) return false;
  ctx_.leave();
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
  if (!ctx_.enter(start_line)) return false;
  List* program = parse_nested_text(ctx_, inner.len != 0 ? inner.data : "", inner.len, start_line);
  if (program == nullptr) return false;
  ctx_.leave();
  WordPart p{};
  p.kind = PartKind::kCommand;
  p.in_dquotes = in_dq;
  p.program = program;
  p.backquoted = true;
  return add_part(w, p);
}

Word* Lexer::add_heredoc(const Token& delimiter, bool strip_tabs, bool* quoted) {
  // The delimiter is the word as written, quotes removed, nothing expanded.
  Vec<char> d{};
  bool q = false;
  bool ok = true;
  const char* s = delimiter.src;
  const size_t n = delimiter.src_len;
  for (size_t i = 0; i < n && ok; ++i) {
    if (s[i] == '\'') {
      q = true;
      for (++i; i < n && s[i] != '\''; ++i) ok = ok && d.push(*ctx_.arena, s[i]);
    } else if (s[i] == '"') {
      q = true;
      for (++i; i < n && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < n && strchr("$`\"\\\n", s[i + 1]) != nullptr) ++i;
        if (s[i] != '\n' || s[i - 1] != '\\') ok = ok && d.push(*ctx_.arena, s[i]);
      }
    } else if (s[i] == '\\' && i + 1 < n) {
      if (s[i + 1] != '\n') q = true;
      ++i;
      if (s[i] != '\n') ok = ok && d.push(*ctx_.arena, s[i]);
    } else {
      ok = ok && d.push(*ctx_.arena, s[i]);
    }
  }
  Heredoc h{};
  h.body = ctx_.arena->make<Word>();
  char* text = ok ? ctx_.arena->dup(d.len != 0 ? d.data : "", d.len) : nullptr;
  h.delimiter = Str{text, d.len};
  h.strip_tabs = strip_tabs;
  h.quoted = q;
  if (h.body == nullptr || text == nullptr || !pending_.push(*ctx_.arena, h)) {
    ctx_.out_of_memory();
    return nullptr;
  }
  *quoted = q;
  return h.body;
}

bool Lexer::read_heredocs() {
  for (const Heredoc& h : pending_) {
    if (!read_heredoc(h)) return false;
  }
  pending_.len = 0;
  return true;
}

bool Lexer::read_heredoc(const Heredoc& h) {
  const int body_line = line_;
  Vec<char> raw{};
  for (;;) {
    if (at_end()) {
      end_of_text(line_);
      return false;
    }
    if (h.strip_tabs) {
      while (peek() == '\t') ++pos_;
    }
    const size_t start = pos_;
    while (!at_end() && peek() != '\n') ++pos_;
    const size_t end = pos_;
    const bool newline = !at_end();
    if (newline) get();
    if (end - start == h.delimiter.n && memcmp(text_ + start, h.delimiter.s, h.delimiter.n) == 0) break;
    bool ok = true;
    for (size_t i = start; i < end && ok; ++i) ok = raw.push(*ctx_.arena, text_[i]);
    if (!ok || (newline && !raw.push(*ctx_.arena, '\n'))) {
      ctx_.out_of_memory();
      return false;
    }
  }
  if (raw.len == 0) return true;
  if (h.quoted) {
    Builder b(ctx_, h.body);
    return b.literal(raw.data, raw.len, Quote::kSingle, false);
  }
  if (!ctx_.enter(body_line)) return false;
  Lexer body(ctx_, raw.data, raw.len, body_line, true);
  if (!body.read_parts(h.body, Mode::kHeredoc, true)) return false;
  ctx_.leave();
  return true;
}

}  // namespace qsh
