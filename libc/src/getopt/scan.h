// The state getopt keeps between calls, and the long-option matcher the
// short-option scanner hands "--name[=value]" to (long_option.cc).
#pragma once

#include "libc/src/getopt/getopt_api.h"

namespace qrv::libc {

struct Scan {
  int argc;
  char* const* argv;
  const char* optstring;  // after any leading '+' or '-'
  bool print_errors;      // opterr, and no leading ':'
  bool long_only;
};

// Where the scan stands inside a cluster of short options ("-abc"), or
// nullptr between arguments (getopt.cc).
extern char* g_next_char;

// Matches the long option at g_next_char (argv[optind] after its prefix,
// "--" or "-"). Returns what getopt_long returns; with long_only, -1 when no
// long option matches and the first character is a short option.
int scan_long_option(const Scan& scan, const LongOption* longopts, int* longindex, const char* prefix);

// A diagnostic on stderr, worded as glibc's: error_start writes "prog: ",
// error_piece the rest (the caller ends it with "\n").
void error_start(const Scan& scan);
void error_piece(const char* text);

}  // namespace qrv::libc
