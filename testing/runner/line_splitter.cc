// LineSplitter: byte stream to lines, with '\r' stripped and line length bounded.
#include "testing/runner/line_splitter.h"

#include <utility>

namespace qrv::runner {

LineSplitter::LineSplitter(size_t max_line) : max_line_(max_line < 1 ? 1 : max_line) {}

std::vector<std::string> LineSplitter::feed(std::string_view bytes) {
  std::vector<std::string> lines;
  for (char c : bytes) {
    if (c == '\r') continue;
    if (c == '\n') {
      lines.push_back(std::move(partial_));
      partial_.clear();
      continue;
    }
    partial_.push_back(c);
    if (partial_.size() >= max_line_) {
      lines.push_back(std::move(partial_));
      partial_.clear();
    }
  }
  return lines;
}

std::optional<std::string> LineSplitter::finish() {
  if (partial_.empty()) return std::nullopt;
  std::string tail = std::move(partial_);
  partial_.clear();
  return tail;
}

}  // namespace qrv::runner
