// qsh's parser: POSIX shell source text to the syntax tree of ast.h, with
// nothing expanded or run. One call parses a whole text (a script, or the
// lines an interactive shell has read so far) and says one of three things:
//
//   kOk          `program` holds every command of the text;
//   kIncomplete  the text stops inside something that more lines can finish:
//                a quote, ${..}, $(..), `..`, a here-document, a compound
//                command, after | && || or a trailing backslash-newline; an
//                interactive shell prints PS2, appends a line and parses again;
//   kError       `message` is "qsh: syntax error at line N: ..." (or
//                "qsh: out of memory"), `line` is N.
//
// With at_eof set the text is known to be all there is (a script file, or
// `sh -c`), and incompleteness is an error too ("unexpected end of file").
//
// Stricter than bash and dash, which find these only when the command runs:
// a malformed ${..} ("bad substitution") and a syntax error inside `..` fail
// the whole parse. A function's body must be a compound command (POSIX; dash
// takes any command).
//
// Aliases are not expanded. Nesting (compound commands, substitutions, ${..})
// deeper than kMaxNesting is an error ("nesting too deep"), so no input can
// exhaust the stack.
// Everything lives in `arena`; the result dies with it.
#pragma once

#include <stddef.h>

#include "user/qsh/arena.h"
#include "user/qsh/ast.h"

namespace qsh {

// Nesting units: a compound command, ${..}, $((..)) or a here-document body
// is one, a command substitution three (its recursion takes about three
// times the stack: ~1.7 KiB a level on the board at -O2), so the deepest
// text takes ~120 KiB of stack at most.
inline constexpr int kMaxNesting = 200;
inline constexpr int kSubstitutionCost = 3;

enum class ParseStatus {
  kOk,
  kIncomplete,
  kError,
};

struct ParseResult {
  ParseStatus status;
  List* program;        // kOk: never null (no items for an empty text)
  int line;             // kError, kIncomplete: the line where it was seen
  const char* message;  // kError: the full message; kIncomplete: "incomplete"
};

// first_line: the number of text's first line (a script read in pieces).
ParseResult parse(Arena& arena, const char* text, size_t len, bool at_eof = false, int first_line = 1);

// Whether s[0, n) is a NAME (letters, digits, underscores, not starting with a digit).
bool is_name(const char* s, size_t n);

}  // namespace qsh
