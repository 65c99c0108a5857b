// The grammar (grammar.h) from the top down to simple commands: lists,
// and-or lists, pipelines, assignments, words and redirections; and the
// entry points of parser.h and lexer.h.
#include "user/qsh/parser.h"

#include <string.h>

#include "user/qsh/grammar.h"
#include "user/qsh/lexer.h"

namespace qsh {

bool word_is(const Token& t, const char* s) {
  if (t.kind != Tok::kWord || !t.plain) return false;
  const Str& w = t.word->parts[0].text;
  return w.n == strlen(s) && memcmp(w.s, s, w.n) == 0;
}

// Tokens that end a list, and the reserved words that cannot start a command:
// the parser stops there and the enclosing construct decides whether it is
// the one it expects (`in` never is: in command position it is an error).
bool ends_list(const Token& t) {
  if (t.kind == Tok::kEnd || t.kind == Tok::kRParen || t.kind == Tok::kDSemi ||
      t.kind == Tok::kError) {
    return true;
  }
  static const char* const kEnders[] = {"then", "elif", "else", "fi", "do", "done", "esac", "}", "in"};
  for (const char* e : kEnders) {
    if (word_is(t, e)) return true;
  }
  return false;
}

bool starts_compound(const Token& t) {
  return t.kind == Tok::kLParen || word_is(t, "{") || word_is(t, "if") || word_is(t, "while") ||
         word_is(t, "until") || word_is(t, "for") || word_is(t, "case");
}

bool redirect_op(Tok k) {
  return k == Tok::kLess || k == Tok::kGreat || k == Tok::kDLess || k == Tok::kDLessDash ||
         k == Tok::kDGreat || k == Tok::kLessAnd || k == Tok::kGreatAnd || k == Tok::kLessGreat ||
         k == Tok::kClobber;
}

void Parser::fail(const Token& t) {
  switch (t.kind) {
    case Tok::kError: return;  // already reported
    case Tok::kEnd: lx_.end_of_text(t.line); return;
    case Tok::kNewline: ctx_.error(t.line, "unexpected newline"); return;
    default: ctx_.error(t.line, "unexpected", t.src, t.src_len); return;
  }
}

bool Parser::expect(Tok kind) {
  if (peek().kind == kind) {
    take();
    return true;
  }
  fail(peek());
  return false;
}

bool Parser::expect_word(const char* reserved) {
  if (word_is(peek(), reserved)) {
    take();
    return true;
  }
  fail(peek());
  return false;
}

void Parser::skip_newlines() {
  while (peek().kind == Tok::kNewline) take();
}

List* Parser::program() {
  List* l = list();
  if (l == nullptr) return nullptr;
  if (peek().kind != Tok::kEnd) {
    fail(peek());
    return nullptr;
  }
  return l;
}

List* Parser::until_paren() {
  List* l = list();
  if (l == nullptr || !expect(Tok::kRParen)) return nullptr;
  return l;
}

// and_or lists separated by ; & or newlines, up to a token that ends a list.
List* Parser::list() {
  List* l = make<List>();
  if (l == nullptr) return nullptr;
  for (;;) {
    skip_newlines();
    if (ends_list(peek())) break;
    ListItem item{};
    item.line = peek().line;
    const char* start = peek().src;
    item.and_or = and_or();
    if (item.and_or == nullptr) return nullptr;
    const Tok k = peek().kind;
    if (k == Tok::kSemi || k == Tok::kAmp) {
      item.async = k == Tok::kAmp;
      const char* end = peek().src;
      if (item.async && start != nullptr && end != nullptr && end >= start) {
        char* text = arena_.dup(start, static_cast<size_t>(end - start));
        if (text == nullptr) {
          ctx_.out_of_memory();
          return nullptr;
        }
        item.source = Str{text, static_cast<size_t>(end - start)};
      }
      take();
    }
    if (!push(l->items, item)) return nullptr;
    if (k != Tok::kSemi && k != Tok::kAmp && k != Tok::kNewline) break;
  }
  return ok() ? l : nullptr;
}

// A compound command's list: at least one command.
List* Parser::nonempty_list() {
  List* l = list();
  if (l != nullptr && l->items.empty()) {
    fail(peek());
    return nullptr;
  }
  return l;
}

AndOr* Parser::and_or() {
  AndOr* a = make<AndOr>();
  if (a == nullptr) return nullptr;
  Connector connector = Connector::kNone;
  for (;;) {
    Pipeline* p = pipeline(connector);
    if (p == nullptr || !push(a->pipelines, p)) return nullptr;
    const Tok k = peek().kind;
    if (k != Tok::kAndIf && k != Tok::kOrIf) return a;
    take();
    connector = k == Tok::kAndIf ? Connector::kAnd : Connector::kOr;
    skip_newlines();
  }
}

Pipeline* Parser::pipeline(Connector connector) {
  Pipeline* p = make<Pipeline>();
  if (p == nullptr) return nullptr;
  p->connector = connector;
  if (word_is(peek(), "!")) {
    take();
    p->bang = true;
  }
  for (;;) {
    Command* c = command();
    if (c == nullptr || !push(p->commands, c)) return nullptr;
    if (peek().kind != Tok::kPipe) return p;
    take();
    skip_newlines();
  }
}

Command* Parser::command() {
  const Token& t = peek();
  Command* c = make<Command>();
  if (c == nullptr) return nullptr;
  c->line = t.line;
  if (starts_compound(t)) {
    if (!ctx_.enter(t.line)) return nullptr;
    Command* r = compound(c);
    if (r == nullptr) return nullptr;
    ctx_.leave();
    return trailing_redirects(r) ? r : nullptr;
  }
  if (t.kind == Tok::kWord && (ends_list(t) || word_is(t, "!"))) {  // `a | fi`, `a | ! b`
    fail(t);
    return nullptr;
  }
  return simple_command(c);
}

bool Parser::assignment(const Token& t, Vec<Assignment>& out) {
  if (t.kind != Tok::kWord) return false;
  const WordPart& first = t.word->parts[0];
  if (first.kind != PartKind::kLiteral || first.quote != Quote::kNone) return false;
  const char* eq = static_cast<const char*>(memchr(first.text.s, '=', first.text.n));
  if (eq == nullptr || !is_name(first.text.s, static_cast<size_t>(eq - first.text.s))) return false;
  Assignment a{};
  const size_t name_len = static_cast<size_t>(eq - first.text.s);
  char* name = arena_.dup(first.text.s, name_len);
  a.value = make<Word>();
  if (name == nullptr || a.value == nullptr) {
    ctx_.out_of_memory();
    return true;  // handled (as an error)
  }
  a.name = Str{name, name_len};
  WordPart rest = first;
  rest.text = Str{eq + 1, first.text.n - name_len - 1};
  if (rest.text.n != 0 && !push(a.value->parts, rest)) return true;
  for (size_t i = 1; i < t.word->parts.size(); ++i) {
    if (!push(a.value->parts, t.word->parts[i])) return true;
  }
  push(out, a);
  return true;
}

Command* Parser::simple_command(Command* c) {
  c->kind = CommandKind::kSimple;
  for (;;) {
    const Token& t = peek();
    if (redirect_op(t.kind) || t.kind == Tok::kIoNumber) {
      if (!redirect(c->redirs)) return nullptr;
      continue;
    }
    if (t.kind != Tok::kWord) break;
    const Token w = take();
    if (c->words.empty() && assignment(w, c->assigns)) {
      if (!ok()) return nullptr;
      continue;
    }
    if (c->words.empty() && c->assigns.empty() && c->redirs.empty() && w.plain &&
        peek().kind == Tok::kLParen && is_name(w.word->parts[0].text.s, w.word->parts[0].text.n)) {
      return function(c, w) ? c : nullptr;
    }
    if (!push(c->words, w.word)) return nullptr;
  }
  if (!ok()) return nullptr;
  if (c->words.empty() && c->assigns.empty() && c->redirs.empty()) {
    fail(peek());
    return nullptr;
  }
  return c;
}

bool Parser::redirect(Vec<Redir>& redirs) {
  Redir r{};
  r.fd = -1;
  if (peek().kind == Tok::kIoNumber) r.fd = take().io_number;
  const Token o = take();
  switch (o.kind) {
    case Tok::kLess: r.op = RedirOp::kIn; break;
    case Tok::kGreat: r.op = RedirOp::kOut; break;
    case Tok::kDGreat: r.op = RedirOp::kAppend; break;
    case Tok::kClobber: r.op = RedirOp::kClobber; break;
    case Tok::kLessGreat: r.op = RedirOp::kReadWrite; break;
    case Tok::kLessAnd: r.op = RedirOp::kDupIn; break;
    case Tok::kGreatAnd: r.op = RedirOp::kDupOut; break;
    case Tok::kDLess: r.op = RedirOp::kHeredoc; break;
    case Tok::kDLessDash: r.op = RedirOp::kHeredocTab; break;
    default: fail(o); return false;  // an io number before something else
  }
  if (r.fd < 0) {
    const bool out = r.op == RedirOp::kOut || r.op == RedirOp::kAppend ||
                     r.op == RedirOp::kClobber || r.op == RedirOp::kDupOut;
    r.fd = out ? 1 : 0;
  }
  const Token target = take();
  if (target.kind != Tok::kWord) {
    fail(target);
    return false;
  }
  r.target = target.word;
  if (r.op == RedirOp::kHeredoc || r.op == RedirOp::kHeredocTab) {
    r.body = lx_.add_heredoc(target, r.op == RedirOp::kHeredocTab, &r.body_quoted);
    if (r.body == nullptr) return false;
  }
  return push(redirs, r);
}

bool is_name(const char* s, size_t n) {
  if (n == 0 || (s[0] >= '0' && s[0] <= '9')) return false;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

List* parse_until_paren(Lexer& lexer) {
  Parser p(lexer);
  return p.until_paren();
}

List* parse_nested_text(ParseContext& ctx, const char* text, size_t len, int first_line) {
  Lexer lexer(ctx, text, len, first_line, true);
  Parser p(lexer);
  return p.program();
}

ParseResult parse(Arena& arena, const char* text, size_t len, bool at_eof, int first_line) {
  ParseContext ctx{};
  ctx.arena = &arena;
  Lexer lexer(ctx, text != nullptr ? text : "", text != nullptr ? len : 0, first_line, at_eof);
  Parser p(lexer);
  List* program = p.program();
  ParseResult r{};
  r.status = ctx.status;
  r.line = ctx.line;
  r.message = ctx.message;
  if (r.status == ParseStatus::kOk && program == nullptr) {  // cannot happen; never claim success
    r.status = ParseStatus::kError;
    r.message = "qsh: internal parser error";
  }
  if (r.status == ParseStatus::kOk) r.program = program;
  return r;
}

}  // namespace qsh
