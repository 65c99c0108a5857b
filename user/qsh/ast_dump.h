// A syntax tree (ast.h) as compact S-expression text, for tests to compare
// parses with and for a debugging `qsh -n`-style dump. The format:
//
//   list      one item as itself; several as (list A B ...); none as (list)
//   item      A, or (bg A) when ended by &
//   and-or    (and A B), (or A B), nested to the left: a && b || c is
//             (or (and a b) c)
//   pipeline  (pipe A B ...); with ! as (not P)
//   simple    (cmd x=1 echo hi (2> err)): assignments, words, redirections
//   compound  (sub L), (group L), (if C T (elif C T) (else E)),
//             (while C B), (until C B), (for i (in a b) B), (for i B),
//             (case W (a|b B) (c)), (fn name BODY); redirections after a
//             compound command come last inside its parentheses
//   redir     (> f), (2>& 1), (<< EOF "body\n"); the fd only when it is not
//             the operator's default
//   word      parts one after another: unquoted text as is, '..' for single
//             quotes, "..." around the parts that were in double quotes,
//             \c for a backslash-escaped character, ${x} ${#x} ${x:-w} for
//             parameters (always braced), $(L) and `L` for command
//             substitutions (L dumped as above), $((text)) for arithmetic;
//             a newline in text shows as \n, a tab as \t
#pragma once

#include "user/qsh/arena.h"
#include "user/qsh/ast.h"

namespace qsh {

// NUL-terminated text in the arena; null only when out of memory.
const char* dump(Arena& arena, const List* program);
const char* dump_word(Arena& arena, const Word* word);

}  // namespace qsh
