// Splits a console byte stream into lines. '\n' ends a line and every '\r' is dropped
// (so CRLF and stray carriage returns vanish). A line longer than the limit is cut into
// pieces of at most that many bytes, so memory stays bounded whatever the guest prints.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qrv::runner {

class LineSplitter {
 public:
  static constexpr size_t kDefaultMaxLine = 64 * 1024;

  // max_line below 1 is treated as 1.
  explicit LineSplitter(size_t max_line = kDefaultMaxLine);

  // Consumes bytes (any split, any content) and returns the lines they complete, in order,
  // without their terminator.
  std::vector<std::string> feed(std::string_view bytes);

  // End of stream: returns the unterminated tail as a last line, if there is one.
  std::optional<std::string> finish();

  size_t pending_size() const { return partial_.size(); }
  // The unterminated line so far ('\r' dropped): what a prompt is matched against.
  std::string_view partial() const { return partial_; }

 private:
  size_t max_line_;
  std::string partial_;
};

}  // namespace qrv::runner
