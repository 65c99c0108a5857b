// The steps of a QEMU test, from its expect list: each entry is an expectation (a substring
// the console must show, in order) unless it begins with "send:", which makes it an action:
// once every entry before it has matched, the rest of the entry, C escapes decoded
// (c_escapes.h), is written to the guest's serial input. "send:echo hi\r" types a line and
// Enter; "send:\x03" is ^C. A send as the first entry is written at once. A bad escape or a
// send with nothing to send is an error naming the entry. Literal console text that begins
// with "send:" cannot be expected (expect a shorter substring).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace qrv::runner {

inline constexpr std::string_view kSendPrefix = "send:";

struct ExpectStep {
  enum class Kind { kExpect, kSend };
  Kind kind = Kind::kExpect;
  std::string text;  // kExpect: the substring; kSend: the decoded bytes.
};

absl::StatusOr<std::vector<ExpectStep>> parse_expect_steps(
    const std::vector<std::string>& entries);

// Every entry an expectation (no "send:" parsing): for callers without send steps.
std::vector<ExpectStep> expectations_only(std::vector<std::string> expected);

bool has_send_step(const std::vector<ExpectStep>& steps);

}  // namespace qrv::runner
