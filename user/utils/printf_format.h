// printf(1)'s formatting, shared by the printf utility and qsh's builtin:
// the format is reused while arguments remain; %d %i %u %o %x %X %c %s %b
// %% (and %e %f %g %a) with flags, field width and precision, `*` taking
// either from the next argument; the format's escapes and %b's. Output and
// diagnostics go through callbacks, so the host tests capture both.
#pragma once

#include <stddef.h>

namespace utils {

struct PrintfOut {
  void* ctx;
  void (*write)(void* ctx, const char* s, size_t n);
  void (*error)(void* ctx, const char* msg);  // "printf: abc: expected a number"
};

// argv: the arguments after the format. Returns 0, or 1 after a diagnostic:
// an argument that is not (wholly) a number is reported and printed as what
// of it converted, then formatting goes on; an unknown or incomplete
// conversion is reported and ends the output there.
int printf_format(const char* format, int argc, const char* const* argv, const PrintfOut& out);

// The escapes both the format and %b know (\\ \a \b \f \n \r \t \v); at
// *s (just after a backslash). Writes the byte to *c and returns how many
// characters of s it took, 0 if *s starts no such escape.
size_t printf_simple_escape(const char* s, char* c);

}  // namespace utils
