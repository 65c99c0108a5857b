// qsh's tokenizer: source text to the tokens of the POSIX shell grammar
// (XCU 2.3 and 2.10.1), words already split into their parts (ast.h): quotes,
// escapes, ${..}, $(..), `..` and $((..)) recognised and quote removal done.
// Tokenizing needs no grammar state except for two things, both handled
// here: a command substitution's inside is parsed by the parser (the lexer
// calls back into parser.cc), and here-document bodies are read after the
// newline that ends the line their operator was on (the parser registers
// each operator with add_heredoc() as it reads its delimiter).
//
// Reserved words are not the lexer's business: a word token says whether it
// is `plain` (one unquoted literal part), which the parser checks in command
// position.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "user/qsh/arena.h"
#include "user/qsh/ast.h"
#include "user/qsh/parser.h"

namespace qsh {

// What one parse (with all its nested lexers and parsers) shares.
struct ParseContext {
  Arena* arena;
  ParseStatus status;  // kOk until the first error or incompleteness
  int line;
  const char* message;
  int depth;  // current nesting, in kMaxNesting's units

  bool failed() const { return status != ParseStatus::kOk; }
  // The first error wins. `what` and the quoted token text make the message.
  void error(int at_line, const char* what, const char* token = nullptr, size_t token_len = 0);
  void out_of_memory();
  void incomplete(int at_line);
  // Nesting: enter() fails (with an error) past kMaxNesting; a command
  // substitution costs kSubstitutionCost, anything else 1.
  bool enter(int at_line, int cost = 1);
  void leave(int cost = 1) { depth -= cost; }
};

enum class Tok : uint8_t {
  kWord,
  kIoNumber,  // digits right before < or >: io_number
  kNewline,
  kEnd,        // end of the text
  kAndIf,      // &&
  kOrIf,       // ||
  kDSemi,      // ;;
  kSemi,       // ;
  kAmp,        // &
  kPipe,       // |
  kLParen,     // (
  kRParen,     // )
  kLess,       // <
  kGreat,      // >
  kDLess,      // <<
  kDLessDash,  // <<-
  kDGreat,     // >>
  kLessAnd,    // <&
  kGreatAnd,   // >&
  kLessGreat,  // <>
  kClobber,    // >|
  kError,      // the context has the error (or incompleteness)
};

struct Token {
  Tok kind;
  int line;
  const char* src;  // the token as written, for messages
  size_t src_len;
  Word* word;     // kWord
  bool plain;     // kWord: one unquoted literal part (text in word->parts[0])
  int io_number;  // kIoNumber
};

class Lexer {
 public:
  // `closed`: the text is complete in itself (a backquoted substitution's
  // inside, a here-document body, or a script at end of file), so running
  // out of it is an error rather than kIncomplete.
  Lexer(ParseContext& ctx, const char* text, size_t len, int first_line, bool closed);

  Token next();
  ParseContext& context() { return ctx_; }
  int line() const { return line_; }

  // Registers a here-document whose delimiter token was just read; returns
  // its body, filled in when the line ends (or null when out of memory). A
  // body the text ends in is kIncomplete, or when closed ends there.
  // *quoted says whether the delimiter had quotes.
  Word* add_heredoc(const Token& delimiter, bool strip_tabs, bool* quoted);

  // Reports running out of text: kIncomplete, or an error when closed.
  void end_of_text(int at_line);

 private:
  enum class Mode : uint8_t { kUnquoted, kDquote, kOperand, kHeredoc, kArith };
  struct Heredoc {
    Word* body;
    Str delimiter;
    bool strip_tabs;
    bool quoted;
  };

  bool at_end() const { return pos_ >= len_; }
  char peek(size_t k = 0) const { return pos_ + k < len_ ? text_[pos_ + k] : '\0'; }
  char get();
  bool skip_continuation();  // a backslash-newline at pos_: skipped
  Token op(Tok kind, size_t n);
  Token word_token();
  bool read_parts(Word* w, Mode mode, bool in_dq);
  bool read_dollar(Word* w, bool in_dq);
  bool read_brace(Word* w, bool in_dq);
  bool read_arith(Word* w, bool in_dq);
  bool read_command_sub(Word* w, bool in_dq);
  bool read_backquote(Word* w, bool in_dq);
  bool read_heredocs();
  bool read_heredoc(const Heredoc& h);
  bool add_part(Word* w, const WordPart& part);

  ParseContext& ctx_;
  const char* text_;
  size_t len_;
  size_t pos_ = 0;
  int line_;
  bool closed_;
  Vec<Heredoc> pending_{};
};

// Implemented by the parser (parser.cc), for the lexer's substitutions:
// the commands from the lexer's position to a `)`, which is consumed...
List* parse_until_paren(Lexer& lexer);
// ...and a complete text (a backquoted substitution's inside).
List* parse_nested_text(ParseContext& ctx, const char* text, size_t len, int first_line);

}  // namespace qsh
