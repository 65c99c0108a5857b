// Runs the conformance suites (suite.h) under one shell: each case as
// `<shell> -c <script>` with standard input on /dev/null and standard
// output and error captured, compared with what the case expects. Shared
// by the host's dash_conformance_test and the board's qsh_conformance, so
// both judge the cases the same way. Freestanding-safe: posix_spawn, pipe,
// pthread, malloc and stdio only.
#pragma once

#include <stddef.h>

#include "user/qsh/conformance/suite.h"

namespace qsh_conf {

struct Tally {
  int passed;
  int failed;
  int known;  // known qsh failures, neither passed nor failed
};

struct RunOptions {
  const char* shell;          // the program to spawn, a path
  char* const* envp;          // its environment
  bool honour_known_failure;  // qsh: a qsh-known-failure case is skipped over
  int timeout_ms;             // a case still running then is killed and fails
  bool verbose;               // print "ok: <suite>: <case>" for each pass
};

// The suite file's whole text, NUL-terminated, from malloc (free it), or
// nullptr with a message printed.
char* read_file(const char* path, size_t* n);

// Runs every case of one suite (its text already read) and adds to *t. A
// malformed suite is one failure, "FAIL: <suite>: line N: <message>".
void run_suite(const RunOptions& opt, const char* suite_name, const char* text, size_t n, Tally* t);

}  // namespace qsh_conf
