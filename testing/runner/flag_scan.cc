// take_repeated_flag: one pass over argv, splitting out a repeatable flag's values.
#include "testing/runner/flag_scan.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace qrv::runner {

absl::StatusOr<ScannedFlag> take_repeated_flag(int argc, char** argv, std::string_view name) {
  ScannedFlag out;
  const std::string bare_long = absl::StrCat("--", std::string(name));
  const std::string bare_short = absl::StrCat("-", std::string(name));
  const std::string with_long = absl::StrCat(bare_long, "=");
  const std::string with_short = absl::StrCat(bare_short, "=");
  bool after_terminator = false;
  for (int i = 0; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i == 0 || after_terminator) {
      out.remaining.push_back(argv[i]);
      continue;
    }
    if (arg == "--") {
      after_terminator = true;
      out.remaining.push_back(argv[i]);
      continue;
    }
    if (arg.starts_with(with_long)) {
      out.values.emplace_back(arg.substr(with_long.size()));
    } else if (arg.starts_with(with_short)) {
      out.values.emplace_back(arg.substr(with_short.size()));
    } else if (arg == bare_long || arg == bare_short) {
      if (i + 1 >= argc) {
        return absl::InvalidArgumentError(absl::StrCat("missing value for ", bare_long));
      }
      out.values.emplace_back(argv[++i]);
    } else {
      out.remaining.push_back(argv[i]);
    }
  }
  return out;
}

}  // namespace qrv::runner
