// "One item a line" files: the expectations file and the QEMU arguments file. Every '\r'
// is dropped and empty lines are skipped; other lines are kept verbatim (spaces, commas).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace qrv::runner {

std::vector<std::string> parse_list(std::string_view text);

// NotFound/InvalidArgument with the path and the system's reason when it cannot be read.
absl::StatusOr<std::vector<std::string>> read_list_file(const std::string& path);

}  // namespace qrv::runner
