// Follows a console line by line. Expected lines must appear in order, each as a substring
// of one console line (one console line satisfies at most one expectation). A line that
// contains any panic pattern ends the run at once; panic patterns are checked first, so a
// test that expects a panic message must pass its own --panic_pattern list.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qrv::runner {

enum class LineVerdict {
  kNone,        // Nothing of interest on this line.
  kMatched,     // The pending expectation matched; more remain.
  kAllMatched,  // The last expectation matched.
  kPanic,       // The line contains a panic pattern.
};

struct LineResult {
  LineVerdict verdict = LineVerdict::kNone;
  size_t index = 0;             // kMatched/kAllMatched: which expectation (0-based).
  std::string_view pattern;     // kPanic: the pattern found (points into the matcher).
};

class ConsoleMatcher {
 public:
  // Empty panic patterns are dropped (they would match every line).
  ConsoleMatcher(std::vector<std::string> expected, std::vector<std::string> panic_patterns);

  LineResult on_line(std::string_view line);

  bool all_matched() const { return next_ == expected_.size(); }
  size_t matched_count() const { return next_; }
  size_t expected_count() const { return expected_.size(); }
  // The expectation still waited for; empty view when all matched.
  std::string_view pending() const;

 private:
  std::vector<std::string> expected_;
  std::vector<std::string> panic_patterns_;
  size_t next_ = 0;
};

}  // namespace qrv::runner
