// ConsoleMatcher: in-order expectations and panic patterns over console lines.
#include "testing/runner/console_matcher.h"

#include <utility>

namespace qrv::runner {

ConsoleMatcher::ConsoleMatcher(std::vector<std::string> expected,
                               std::vector<std::string> panic_patterns)
    : expected_(std::move(expected)) {
  for (std::string& pattern : panic_patterns) {
    if (!pattern.empty()) panic_patterns_.push_back(std::move(pattern));
  }
}

LineResult ConsoleMatcher::on_line(std::string_view line) {
  LineResult result;
  for (const std::string& pattern : panic_patterns_) {
    if (line.find(pattern) != std::string_view::npos) {
      result.verdict = LineVerdict::kPanic;
      result.pattern = pattern;
      return result;
    }
  }
  if (all_matched()) return result;
  if (line.find(expected_[next_]) == std::string_view::npos) return result;
  result.index = next_;
  ++next_;
  result.verdict = all_matched() ? LineVerdict::kAllMatched : LineVerdict::kMatched;
  return result;
}

std::string_view ConsoleMatcher::pending() const {
  if (all_matched()) return {};
  return expected_[next_];
}

}  // namespace qrv::runner
