// The S-expression dump of a syntax tree (ast_dump.h).
#include "user/qsh/ast_dump.h"

#include <stdio.h>
#include <string.h>

namespace qsh {
namespace {

class Dumper {
 public:
  explicit Dumper(Arena& arena) : arena_(arena) {}

  const char* finish() {
    put('\0');
    return ok_ ? out_.data : nullptr;
  }

  void put(char c) { ok_ = ok_ && out_.push(arena_, c); }
  void put(const char* s) {
    while (*s != '\0') put(*s++);
  }
  void put(const Str& s) {
    for (size_t i = 0; i < s.n; ++i) put(s.s[i]);
  }
  // Text, a newline as \n and a tab as \t; `quote` (if not 0) and '\'
  // escaped with a backslash.
  void text(const Str& s, char quote) {
    for (size_t i = 0; i < s.n; ++i) {
      const char c = s.s[i];
      if (c == '\n') {
        put("\\n");
      } else if (c == '\t') {
        put("\\t");
      } else {
        if (quote != 0 && (c == quote || c == '\\')) put('\\');
        put(c);
      }
    }
  }

  void list(const List* l);
  void word(const Word* w);

 private:
  void and_or(const AndOr* a);
  void pipeline(const Pipeline* p);
  void command(const Command* c);
  void redirs(const Vec<Redir>& rs);
  void redir(const Redir& r);
  void part(const WordPart& p);
  void words(const Vec<Word*>& ws) {
    for (const Word* w : ws) {
      put(' ');
      word(w);
    }
  }

  Arena& arena_;
  Vec<char> out_{};
  bool ok_ = true;
};

void Dumper::list(const List* l) {
  const bool several = l->items.size() != 1;
  if (several) put("(list");
  for (const ListItem& item : l->items) {
    if (several) put(' ');
    if (item.async) put("(bg ");
    and_or(item.and_or);
    if (item.async) put(')');
  }
  if (several) put(')');
}

void Dumper::and_or(const AndOr* a) {
  const size_t n = a->pipelines.size();
  for (size_t i = n; i-- > 1;)
    put(a->pipelines[i]->connector == Connector::kAnd ? "(and " : "(or ");
  pipeline(a->pipelines[0]);
  for (size_t i = 1; i < n; ++i) {
    put(' ');
    pipeline(a->pipelines[i]);
    put(')');
  }
}

void Dumper::pipeline(const Pipeline* p) {
  if (p->bang) put("(not ");
  const bool several = p->commands.size() > 1;
  if (several) put("(pipe");
  for (const Command* c : p->commands) {
    if (several) put(' ');
    command(c);
  }
  if (several) put(')');
  if (p->bang) put(')');
}

void Dumper::command(const Command* c) {
  switch (c->kind) {
    case CommandKind::kSimple:
      put("(cmd");
      for (const Assignment& a : c->assigns) {
        put(' ');
        put(a.name);
        put('=');
        word(a.value);
      }
      words(c->words);
      break;
    case CommandKind::kSubshell:
    case CommandKind::kGroup:
      put(c->kind == CommandKind::kSubshell ? "(sub " : "(group ");
      list(c->body);
      break;
    case CommandKind::kIf:
      put("(if ");
      for (size_t i = 0; i < c->clauses.size(); ++i) {
        if (i != 0) put(" (elif ");
        list(c->clauses[i].cond);
        put(' ');
        list(c->clauses[i].body);
        if (i != 0) put(')');
      }
      if (c->else_body != nullptr) {
        put(" (else ");
        list(c->else_body);
        put(')');
      }
      break;
    case CommandKind::kWhile:
    case CommandKind::kUntil:
      put(c->kind == CommandKind::kWhile ? "(while " : "(until ");
      list(c->cond);
      put(' ');
      list(c->body);
      break;
    case CommandKind::kFor:
      put("(for ");
      put(c->name);
      if (c->has_in) {
        put(" (in");
        words(c->for_words);
        put(')');
      }
      put(' ');
      list(c->body);
      break;
    case CommandKind::kCase:
      put("(case ");
      word(c->subject);
      for (const CaseItem& item : c->items) {
        put(" (");
        for (size_t i = 0; i < item.patterns.size(); ++i) {
          if (i != 0) put('|');
          word(item.patterns[i]);
        }
        if (item.body != nullptr) {
          put(' ');
          list(item.body);
        }
        put(')');
      }
      break;
    case CommandKind::kFunction:
      put("(fn ");
      put(c->name);
      put(' ');
      command(c->function_body);
      break;
  }
  redirs(c->redirs);
  put(')');
}

void Dumper::redirs(const Vec<Redir>& rs) {
  for (const Redir& r : rs) {
    put(' ');
    redir(r);
  }
}

void Dumper::redir(const Redir& r) {
  static const char* const kOps[] = {"<", ">", ">>", ">|", "<>", "<&", ">&", "<<", "<<-"};
  const bool out = r.op == RedirOp::kOut || r.op == RedirOp::kAppend || r.op == RedirOp::kClobber ||
                   r.op == RedirOp::kDupOut;
  put('(');
  if (r.fd != (out ? 1 : 0)) {
    char fd[16];
    snprintf(fd, sizeof fd, "%d", r.fd);
    put(fd);
  }
  put(kOps[static_cast<int>(r.op)]);
  put(' ');
  word(r.target);
  if (r.body != nullptr && !r.body->parts.empty()) {
    put(' ');
    word(r.body);
  }
  put(')');
}

void Dumper::word(const Word* w) {
  bool in_dq = false;
  for (const WordPart& p : w->parts) {
    if (p.in_dquotes != in_dq) {
      put('"');
      in_dq = p.in_dquotes;
    }
    part(p);
  }
  if (in_dq) put('"');
}

void Dumper::part(const WordPart& p) {
  static const char* const kOps[] = {"", "", "-", "=", "?", "+", "%", "%%", "#", "##"};
  switch (p.kind) {
    case PartKind::kLiteral:
      switch (p.quote) {
        case Quote::kNone: text(p.text, 0); break;
        case Quote::kSingle:
          put('\'');
          text(p.text, 0);
          put('\'');
          break;
        case Quote::kDouble: text(p.text, '"'); break;
        case Quote::kBackslash:
          for (size_t i = 0; i < p.text.n; ++i) {
            put('\\');
            text(Str{p.text.s + i, 1}, 0);
          }
          break;
      }
      break;
    case PartKind::kParam:
      put("${");
      if (p.op == ParamOp::kLength) put('#');
      put(p.text);
      if (p.colon) put(':');
      put(kOps[static_cast<int>(p.op)]);
      if (p.operand != nullptr) word(p.operand);
      put('}');
      break;
    case PartKind::kCommand:
      put(p.backquoted ? "`" : "$(");
      list(p.program);
      put(p.backquoted ? "`" : ")");
      break;
    case PartKind::kArith:
      put("$((");
      text(p.text, 0);
      put("))");
      break;
  }
}

}  // namespace

const char* dump(Arena& arena, const List* program) {
  Dumper d(arena);
  d.list(program);
  return d.finish();
}

const char* dump_word(Arena& arena, const Word* word) {
  Dumper d(arena);
  d.word(word);
  return d.finish();
}

}  // namespace qsh
