// Writes a CPIO newc archive (magic 070701) from a list of members, the way
// the kernel's reader (kernel/lib/cpio.h) expects it. The output depends only
// on the list: mtime 0, uid/gid 0, inode numbers 1, 2, ... in archive order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace qrv::mkbootimg {

struct Member {
  std::string name;  // relative path: "bin/init", no leading "/" or "./"
  bool directory = false;
  uint32_t permissions = 0644;  // 0..07777; the type bits come from `directory`
  std::string data;             // file contents (empty for a directory)
};

// Checks a member name: non-empty, at most kCpioMaxNameLength bytes, no
// leading or trailing "/", no empty, "." or ".." component, no NUL, and not
// the trailer's name.
absl::Status check_name(const std::string& name);

// The members in order, each preceded by any parent directory not yet
// written (an implied parent gets 0755; a parent listed later keeps its own
// permissions and is written where first needed). Errors (InvalidArgument):
// a bad name or mode, a name twice, a file used as a directory, a file over
// 4 GiB - 1, more than kCpioMaxEntries members.
absl::StatusOr<std::string> write_newc(const std::vector<Member>& members);

}  // namespace qrv::mkbootimg
