// The conformance suites' text format, parsed without allocating (it runs
// on the board, freestanding, as well as on the host). A suite is cases:
//
//   # a comment (before the first case, or after a one-line section)
//   ==== the case's name
//   script lines (given to `sh -c` as they are, newlines included)
//   ---- stdout            what the script must print, line by line
//   expected line
//   ---- stdout noeol      the same, without a newline after the last line
//   ---- status 1          its exit status (0 if not given), or "nonzero"
//                          where POSIX asks only for a failure
//   ---- stderr nonempty   empty (the default), nonempty or any
//   ---- qsh-known-failure: why qsh gets it wrong (dash must still pass)
//
// No stdout section means no output. Only the script and stdout sections
// take lines, and their trailing blank lines are dropped (so cases can be
// set apart by blank lines; an expected output cannot end with an empty
// line); lines after the others must be blank or comments. Lines beginning
// "====" or "----" always start something, so neither can be in a script
// or an expected output.
#pragma once

#include <stddef.h>

namespace qsh_conf {

// A piece of the suite's text (not NUL-terminated).
struct Slice {
  const char* p;
  size_t n;
};

enum class Stderr { kEmpty, kNonEmpty, kAny };

// Case::status for "---- status nonzero".
inline constexpr int kNonZero = -1;

struct Case {
  Slice name;
  Slice script;    // its lines with their newlines
  Slice expected;  // stdout, byte for byte
  int status;      // 0..255, or kNonZero
  Stderr stderr_want;
  bool known_failure;  // on qsh; the reason is in `reason`
  Slice reason;
  int line;  // of the "====" line, from 1
};

struct Error {
  int line;  // from 1; 0 for the suite as a whole
  char message[120];
};

// Called for each well-formed case in order; false stops the parse (which
// then returns true: the caller stopped it, the suite is not at fault).
using CaseFn = bool (*)(const Case& c, void* ctx);

// Parses text[0, n); false with *err filled at the first malformed line
// (cases before it have been passed to fn, which may be null).
bool parse_suite(const char* text, size_t n, CaseFn fn, void* ctx, Error* err);

// Whether a slice is the NUL-terminated s.
bool slice_is(Slice s, const char* str);

}  // namespace qsh_conf
