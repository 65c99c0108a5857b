// The last N console lines, kept so a failure report can show what led up to it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qrv::runner {

class ConsoleTail {
 public:
  // capacity below 1 is treated as 1.
  explicit ConsoleTail(size_t capacity);

  void add(std::string_view line);
  // Oldest first.
  std::vector<std::string> lines() const;

 private:
  std::vector<std::string> ring_;
  size_t capacity_;
  size_t next_ = 0;  // Slot the next line goes to once the ring is full.
};

}  // namespace qrv::runner
