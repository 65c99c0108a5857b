// The tokenizer (lexer.h): blanks and comments, operators, word tokens (their
// parts are read in words.cc), here-documents, and the parse's shared state.
#include "user/qsh/lexer.h"

#include <stdio.h>
#include <string.h>

namespace qsh {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

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

bool ParseContext::enter(int at_line, int cost) {
  depth += cost;
  if (depth > kMaxNesting) {
    depth -= cost;
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
    if (!pending_.empty()) {  // here-documents whose line never ended
      if (!closed_) {
        end_of_text(line_);
        return err;
      }
      if (!read_heredocs()) return err;  // empty bodies, as in bash and dash
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
    default: return word_token();
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
      // No delimiter line: more may come, or in a complete text (closed) the
      // end of the text ends the body, as in bash and dash.
      if (!closed_) {
        end_of_text(line_);
        return false;
      }
      break;
    }
    if (h.strip_tabs) {
      while (peek() == '\t') ++pos_;
    }
    const size_t start = pos_;
    while (!at_end() && peek() != '\n') ++pos_;
    const size_t end = pos_;
    const bool newline = !at_end();
    if (newline) get();
    if (end - start == h.delimiter.n && memcmp(text_ + start, h.delimiter.s, h.delimiter.n) == 0)
      break;
    bool ok = true;
    for (size_t i = start; i < end && ok; ++i) ok = raw.push(*ctx_.arena, text_[i]);
    if (!ok || (newline && !raw.push(*ctx_.arena, '\n'))) {
      ctx_.out_of_memory();
      return false;
    }
  }
  if (raw.len == 0) return true;
  if (h.quoted) {
    WordPart p{};
    p.kind = PartKind::kLiteral;
    p.quote = Quote::kSingle;
    char* text = ctx_.arena->dup(raw.data, raw.len);
    if (text == nullptr) {
      ctx_.out_of_memory();
      return false;
    }
    p.text = Str{text, raw.len};
    return add_part(h.body, p);
  }
  if (!ctx_.enter(body_line)) return false;
  Lexer body(ctx_, raw.data, raw.len, body_line, true);
  if (!body.read_parts(h.body, Mode::kHeredoc, true)) return false;
  ctx_.leave();
  return true;
}

}  // namespace qsh
