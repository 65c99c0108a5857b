// qsh's arithmetic expansion, $((expression)): signed 64-bit integers with
// C's operators and precedence as POSIX asks (unary + - ! ~; * / %; + -;
// << >>; < <= > >=; == !=; &; ^; |; &&; ||; ?:; = and the op= assignments;
// parentheses). Constants are decimal, octal (leading 0) or hex (0x);
// a variable's value must be such a constant (unset or empty is 0). && ||
// and ?: skip the side not taken (no assignments there). Overflow wraps,
// division by zero is an error, nesting is bounded. Pure: variables come
// through ArithVars, so it is host-tested.
#pragma once

#include <stddef.h>

namespace qsh {

struct ArithVars {
  void* ctx;
  const char* (*get)(void* ctx, const char* name);  // nullptr: unset
  // Sets name to the decimal text value; false when it may not (readonly).
  bool (*set)(void* ctx, const char* name, const char* value);
};

// 0 with *out; -1 with the message in err ("arithmetic: division by zero").
int eval_arith(const char* expr, const ArithVars& vars, long long* out, char* err, size_t err_cap);

}  // namespace qsh
