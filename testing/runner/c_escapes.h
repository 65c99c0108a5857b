// Decodes the C-style escapes a `send:` step may use to type control keys into the guest's
// serial console: \n \r \t \\ and \xHH (exactly two hex digits, either case). Anything else
// after a backslash, a trailing backslash, or \x without two hex digits is an error, so a
// typo never sends something the test author did not mean.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace qrv::runner {

// The decoded bytes, or InvalidArgument naming the bad escape and its offset.
absl::StatusOr<std::string> decode_c_escapes(std::string_view text);

}  // namespace qrv::runner
