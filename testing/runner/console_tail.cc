// ConsoleTail: a fixed-size ring of the most recent console lines.
#include "testing/runner/console_tail.h"

namespace qrv::runner {

ConsoleTail::ConsoleTail(size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

void ConsoleTail::add(std::string_view line) {
  if (ring_.size() < capacity_) {
    ring_.emplace_back(line);
    return;
  }
  ring_[next_].assign(line);
  next_ = (next_ + 1) % capacity_;
}

std::vector<std::string> ConsoleTail::lines() const {
  std::vector<std::string> out;
  out.reserve(ring_.size());
  for (size_t i = 0; i < ring_.size(); ++i) out.push_back(ring_[(next_ + i) % ring_.size()]);
  return out;
}

}  // namespace qrv::runner
