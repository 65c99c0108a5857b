// Takes every occurrence of one repeatable string flag out of argv before absl parses the
// rest. absl keeps only the last value of a flag and splits list flags on commas, but QEMU
// arguments are repeated and contain commas (`-device virtio-net-device,netdev=n0`), so
// each occurrence here is exactly one value, kept verbatim.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace qrv::runner {

struct ScannedFlag {
  std::vector<std::string> values;  // In command-line order.
  std::vector<char*> remaining;     // argv without them (argv[0] kept); no trailing null.
};

// Accepts `--name=value`, `-name=value`, `--name value` and `-name value`; stops at `--`.
// InvalidArgument when the last argument is the bare flag with no value.
absl::StatusOr<ScannedFlag> take_repeated_flag(int argc, char** argv, std::string_view name);

}  // namespace qrv::runner
