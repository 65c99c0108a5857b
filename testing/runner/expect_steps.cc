// parse_expect_steps: "send:" entries decoded, every other entry kept verbatim.
#include "testing/runner/expect_steps.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "testing/runner/c_escapes.h"

namespace qrv::runner {

absl::StatusOr<std::vector<ExpectStep>> parse_expect_steps(
    const std::vector<std::string>& entries) {
  std::vector<ExpectStep> steps;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string& entry = entries[i];
    if (entry.rfind(kSendPrefix, 0) != 0) {
      steps.push_back({ExpectStep::Kind::kExpect, entry});
      continue;
    }
    auto error = [&](const std::string& why) {
      return absl::InvalidArgumentError(
          absl::StrCat("expect entry ", i + 1, " \"", entry, "\": ", why));
    };
    absl::StatusOr<std::string> bytes =
        decode_c_escapes(std::string_view(entry).substr(kSendPrefix.size()));
    if (!bytes.ok()) return error(std::string(bytes.status().message()));
    if (bytes->empty()) return error("nothing to send (Enter is send:\\r)");
    steps.push_back({ExpectStep::Kind::kSend, std::move(*bytes)});
  }
  return steps;
}

std::vector<ExpectStep> expectations_only(std::vector<std::string> expected) {
  std::vector<ExpectStep> steps;
  for (std::string& text : expected) {
    steps.push_back({ExpectStep::Kind::kExpect, std::move(text)});
  }
  return steps;
}

bool has_send_step(const std::vector<ExpectStep>& steps) {
  for (const ExpectStep& step : steps) {
    if (step.kind == ExpectStep::Kind::kSend) return true;
  }
  return false;
}

}  // namespace qrv::runner
