// The parser's grammar engine, shared by parser.cc (lists, pipelines, simple
// commands, redirections) and compound.cc (the compound commands): POSIX
// XCU 2.10.2 by recursive descent over the lexer's tokens with one token of
// lookahead. Reserved words are recognised only where a command can start
// (and `in`, `do`, `esac` where the grammar expects them). Every function
// returns null (false) once the shared context has an error or the text has
// run out; the first one reported is the result. Private to //user/qsh:parse.
#pragma once

#include "user/qsh/arena.h"
#include "user/qsh/ast.h"
#include "user/qsh/lexer.h"

namespace qsh {

// A plain (unquoted, unexpanded) word token spelling s.
bool word_is(const Token& t, const char* s);
// Tokens that end a list: the end, `)`, `;;` and the reserved words that
// close a construct (then elif else fi do done esac }), or `in`.
bool ends_list(const Token& t);
bool starts_compound(const Token& t);
bool redirect_op(Tok k);

class Parser {
 public:
  explicit Parser(Lexer& lexer) : lx_(lexer), ctx_(lexer.context()), arena_(*ctx_.arena) {}

  List* program();      // a whole text, to its end
  List* until_paren();  // a $(..)'s inside, its `)` consumed

 private:
  const Token& peek() {
    if (!have_) {
      tok_ = lx_.next();
      have_ = true;
    }
    return tok_;
  }
  Token take() {
    peek();
    have_ = false;
    return tok_;
  }
  bool ok() const { return !ctx_.failed(); }
  // An unexpected token: an error, or incompleteness at the end of the text.
  void fail(const Token& t);
  bool expect(Tok kind);
  bool expect_word(const char* reserved);
  void skip_newlines();
  template <class T>
  T* make() {
    T* p = arena_.make<T>();
    if (p == nullptr) ctx_.out_of_memory();
    return p;
  }
  template <class T>
  bool push(Vec<T>& v, const T& x) {
    if (v.push(arena_, x)) return true;
    ctx_.out_of_memory();
    return false;
  }

  List* list();
  List* nonempty_list();
  AndOr* and_or();
  Pipeline* pipeline(Connector connector);
  Command* command();
  Command* simple_command(Command* c);
  Command* compound(Command* c);
  bool redirect(Vec<Redir>& redirs);
  bool trailing_redirects(Command* c);
  bool assignment(const Token& t, Vec<Assignment>& out);
  bool if_clause(Command* c);
  bool loop(Command* c);
  bool for_clause(Command* c);
  bool case_clause(Command* c);
  bool function(Command* c, const Token& name);
  bool do_group(Command* c);

  Lexer& lx_;
  ParseContext& ctx_;
  Arena& arena_;
  Token tok_{};
  bool have_ = false;
};

}  // namespace qsh
