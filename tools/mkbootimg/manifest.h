// The boot image manifest mkbootimg reads: one member a line,
//   file <mode> <name> <source>     a regular file, contents read from <source>
//   dir  <mode> <name>              a directory
// <mode> is octal permission bits (0755, 0644). Blank lines and lines starting
// with '#' are skipped. Fields are separated by spaces or tabs.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tools/mkbootimg/newc_writer.h"

namespace qrv::mkbootimg {

struct ManifestLine {
  bool directory = false;
  uint32_t permissions = 0;
  std::string name;
  std::string source;  // empty for a directory
};

// Parses the manifest text; errors name the line ("line 3: ...").
absl::StatusOr<std::vector<ManifestLine>> parse_manifest(absl::string_view text);

// Reads every source file into a Member (NotFound names a missing source).
absl::StatusOr<std::vector<Member>> load_members(const std::vector<ManifestLine>& lines);

}  // namespace qrv::mkbootimg
