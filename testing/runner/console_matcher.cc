// ConsoleMatcher: in-order steps over partial and complete lines, panic patterns on lines.
#include "testing/runner/console_matcher.h"

#include <utility>

namespace qrv::runner {

ConsoleMatcher::ConsoleMatcher(std::vector<ExpectStep> steps,
                               std::vector<std::string> panic_patterns)
    : steps_(std::move(steps)) {
  for (std::string& pattern : panic_patterns) {
    if (!pattern.empty()) panic_patterns_.push_back(std::move(pattern));
  }
  for (const ExpectStep& step : steps_) {
    if (step.kind == ExpectStep::Kind::kExpect) ++expected_;
  }
  pass_sends();  // Leading sends go at once.
}

void ConsoleMatcher::pass_sends() {
  while (next_ < steps_.size() && steps_[next_].kind == ExpectStep::Kind::kSend) {
    sends_ += steps_[next_].text;
    ++next_;
  }
}

const std::string* ConsoleMatcher::find_panic(std::string_view text) const {
  for (const std::string& pattern : panic_patterns_) {
    if (text.find(pattern) != std::string_view::npos) return &pattern;
  }
  return nullptr;
}

LineResult ConsoleMatcher::match(std::string_view text) {
  LineResult result;
  while (!all_matched() && consumed_ <= text.size()) {
    size_t at = text.find(steps_[next_].text, consumed_);
    if (at == std::string_view::npos) break;
    consumed_ = at + steps_[next_].text.size();
    result.index = matched_++;
    ++next_;
    pass_sends();
    result.verdict = all_matched() ? LineVerdict::kAllMatched : LineVerdict::kMatched;
  }
  return result;
}

LineResult ConsoleMatcher::on_partial(std::string_view partial) {
  if (find_panic(partial) != nullptr) return {};
  return match(partial);
}

LineResult ConsoleMatcher::on_line(std::string_view line) {
  LineResult result;
  if (const std::string* panic = find_panic(line)) {
    result.verdict = LineVerdict::kPanic;
    result.pattern = *panic;
  } else {
    result = match(line);
  }
  consumed_ = 0;
  return result;
}

std::string ConsoleMatcher::take_sends() { return std::exchange(sends_, std::string()); }

std::string_view ConsoleMatcher::pending() const {
  if (all_matched()) return {};
  return steps_[next_].text;
}

}  // namespace qrv::runner
