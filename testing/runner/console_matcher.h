// Follows a console as it arrives. The steps (expect_steps.h) run in order: an expectation
// is a substring to find, a send step is handed out (take_sends) as soon as every step
// before it has matched. Matching works on the partial line too, so a shell prompt, which
// has no newline, can be expected: an expectation matches as a substring of the text of the
// current line after the end of the previous match on that line (from the line's start if
// none), and the match consumes the line up to its end. So one console line satisfies
// several consecutive expectations only if it holds them one after another ("5 passed, 0
// failed" satisfies "passed" once, not twice); the result does not depend on how the bytes
// were split into reads. A line that contains any panic pattern ends the run at once; panic
// patterns are checked on complete lines, first, so a test that expects a panic message
// must pass its own --panic_pattern list; partial text holding a panic pattern matches
// nothing (its line will be the panic).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "testing/runner/expect_steps.h"

namespace qrv::runner {

enum class LineVerdict {
  kNone,        // Nothing of interest in this text.
  kMatched,     // One or more expectations matched; more remain.
  kAllMatched,  // The last expectation matched.
  kPanic,       // The line contains a panic pattern.
};

struct LineResult {
  LineVerdict verdict = LineVerdict::kNone;
  size_t index = 0;             // kMatched/kAllMatched: the last expectation matched (0-based).
  std::string_view pattern;     // kPanic: the pattern found (points into the matcher).
};

class ConsoleMatcher {
 public:
  // Empty panic patterns are dropped (they would match every line).
  ConsoleMatcher(std::vector<ExpectStep> steps, std::vector<std::string> panic_patterns);
  // Expectations only, as a literal list: an initializer_list, so {"a", "b"} is never taken
  // for a vector<ExpectStep> built from a pair of const char* iterators.
  ConsoleMatcher(std::initializer_list<std::string> expected,
                 std::vector<std::string> panic_patterns)
      : ConsoleMatcher(expectations_only(std::vector<std::string>(expected)),
                       std::move(panic_patterns)) {}

  // The current line so far, without a newline; each call passes the whole partial line,
  // which only grows until on_line. Never reports a panic.
  LineResult on_partial(std::string_view partial);
  // The complete line: it begins with the text on_partial saw (it may have more at the end,
  // e.g. symbol names). The next call starts a new line.
  LineResult on_line(std::string_view line);

  // Bytes of the send steps reached and not yet taken, in step order.
  std::string take_sends();

  bool all_matched() const { return next_ == steps_.size(); }
  size_t matched_count() const { return matched_; }  // Expectations only, sends not counted.
  size_t expected_count() const { return expected_; }
  // The expectation still waited for; empty view when all matched.
  std::string_view pending() const;

 private:
  LineResult match(std::string_view text);
  const std::string* find_panic(std::string_view text) const;
  void pass_sends();  // Queues the send steps at next_ and moves past them.

  std::vector<ExpectStep> steps_;
  std::vector<std::string> panic_patterns_;
  size_t next_ = 0;      // Index into steps_: always an expectation, or the end.
  size_t matched_ = 0;
  size_t expected_ = 0;
  size_t consumed_ = 0;  // Offset in the current line just past its last match.
  std::string sends_;
};

}  // namespace qrv::runner
