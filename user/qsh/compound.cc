// The grammar's compound commands (grammar.h): ( ) and { } groups, if,
// while, until, for, case, function definitions, and the redirections
// that may follow any of them.
#include "user/qsh/grammar.h"

namespace qsh {

Command* Parser::compound(Command* c) {
  const Token t = take();
  if (t.kind == Tok::kLParen) {
    c->kind = CommandKind::kSubshell;
    c->body = nonempty_list();
    return c->body != nullptr && expect(Tok::kRParen) ? c : nullptr;
  }
  if (word_is(t, "{")) {
    c->kind = CommandKind::kGroup;
    c->body = nonempty_list();
    return c->body != nullptr && expect_word("}") ? c : nullptr;
  }
  if (word_is(t, "if")) return if_clause(c) ? c : nullptr;
  if (word_is(t, "while") || word_is(t, "until")) {
    c->kind = word_is(t, "while") ? CommandKind::kWhile : CommandKind::kUntil;
    return loop(c) ? c : nullptr;
  }
  if (word_is(t, "for")) return for_clause(c) ? c : nullptr;
  return case_clause(c) ? c : nullptr;
}

bool Parser::trailing_redirects(Command* c) {
  while (redirect_op(peek().kind) || peek().kind == Tok::kIoNumber) {
    if (!redirect(c->redirs)) return false;
  }
  return true;
}

bool Parser::if_clause(Command* c) {
  c->kind = CommandKind::kIf;
  for (;;) {
    IfClause clause{};
    clause.cond = nonempty_list();
    if (clause.cond == nullptr || !expect_word("then")) return false;
    clause.body = nonempty_list();
    if (clause.body == nullptr || !push(c->clauses, clause)) return false;
    if (!word_is(peek(), "elif")) break;
    take();
  }
  if (word_is(peek(), "else")) {
    take();
    c->else_body = nonempty_list();
    if (c->else_body == nullptr) return false;
  }
  return expect_word("fi");
}

bool Parser::do_group(Command* c) {
  if (!expect_word("do")) return false;
  c->body = nonempty_list();
  return c->body != nullptr && expect_word("done");
}

bool Parser::loop(Command* c) {
  c->cond = nonempty_list();
  return c->cond != nullptr && do_group(c);
}

bool Parser::for_clause(Command* c) {
  c->kind = CommandKind::kFor;
  const Token name = take();
  if (name.kind != Tok::kWord || !name.plain ||
      !is_name(name.word->parts[0].text.s, name.word->parts[0].text.n)) {
    if (name.kind == Tok::kWord) {
      ctx_.error(name.line, "bad for loop variable", name.src, name.src_len);
    } else {
      fail(name);
    }
    return false;
  }
  c->name = name.word->parts[0].text;
  if (peek().kind == Tok::kSemi) {
    take();
  } else {
    skip_newlines();
    if (word_is(peek(), "in")) {
      take();
      c->has_in = true;
      while (peek().kind == Tok::kWord) {
        if (!push(c->for_words, take().word)) return false;
      }
      if (peek().kind != Tok::kSemi && peek().kind != Tok::kNewline) {
        fail(peek());
        return false;
      }
      take();
    }
  }
  skip_newlines();
  return do_group(c);
}

bool Parser::case_clause(Command* c) {
  c->kind = CommandKind::kCase;
  const Token subject = take();
  if (subject.kind != Tok::kWord) {
    fail(subject);
    return false;
  }
  c->subject = subject.word;
  skip_newlines();
  if (!expect_word("in")) return false;
  for (;;) {
    skip_newlines();
    if (word_is(peek(), "esac")) {
      take();
      return true;
    }
    CaseItem item{};
    if (peek().kind == Tok::kLParen) take();
    for (;;) {
      const Token pat = take();
      if (pat.kind != Tok::kWord) {
        fail(pat);
        return false;
      }
      if (!push(item.patterns, pat.word)) return false;
      if (peek().kind != Tok::kPipe) break;
      take();
    }
    if (!expect(Tok::kRParen)) return false;
    List* body = list();
    if (body == nullptr) return false;
    item.body = body->items.empty() ? nullptr : body;
    if (!push(c->items, item)) return false;
    if (peek().kind == Tok::kDSemi) {
      take();
      continue;
    }
    return expect_word("esac");
  }
}

bool Parser::function(Command* c, const Token& name) {
  take();  // (
  if (!expect(Tok::kRParen)) return false;
  skip_newlines();
  const Token& t = peek();
  if (!starts_compound(t)) {
    fail(t);
    return false;
  }
  c->kind = CommandKind::kFunction;
  c->name = name.word->parts[0].text;
  c->function_body = command();
  return c->function_body != nullptr;
}

}  // namespace qsh
