// echo [-n] [string...], as the echo utility and qsh's builtin both print
// it: the strings, separated by single spaces, and a newline unless the
// first operand is -n. No other option and no escapes: every other
// operand, "--" and "-e" included, is printed as it is.
#pragma once

#include <stdio.h>

namespace utils {

// Writes argv[1..argc) to `out` and flushes it; whether it all got written.
bool echo_out(int argc, char* const* argv, FILE* out);

}  // namespace utils
