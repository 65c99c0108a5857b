// write_newc: names checked, parents placed before children, then each
// member laid out as header (110 bytes of ASCII hex), name, NUL, padding to 4,
// data, padding to 4; TRAILER!!! last (cpio(5), "New ASCII Format").
#include "tools/mkbootimg/newc_writer.h"

#include <map>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "kernel/lib/cpio.h"

namespace qrv::mkbootimg {
namespace {

constexpr char kTrailer[] = "TRAILER!!!";

void pad4(std::string& out) {
  while (out.size() % 4 != 0) out.push_back('\0');
}

void append_member(std::string& out, uint32_t ino, uint32_t mode, uint32_t nlink,
                   const std::string& name, const std::string& data) {
  absl::StrAppendFormat(&out, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", ino,
                        mode, 0u /*uid*/, 0u /*gid*/, nlink, 0u /*mtime*/,
                        static_cast<uint32_t>(data.size()), 0u, 0u, 0u, 0u /*dev, rdev*/,
                        static_cast<uint32_t>(name.size() + 1), 0u /*check*/);
  out += name;
  out.push_back('\0');
  pad4(out);
  out += data;
  pad4(out);
}

}  // namespace

absl::Status check_name(const std::string& name) {
  if (name.empty()) return absl::InvalidArgumentError("empty member name");
  if (name.size() > kCpioMaxNameLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("member name longer than ", kCpioMaxNameLength, " bytes: ", name));
  }
  if (name.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError("member name holds a NUL");
  }
  if (name == kTrailer) return absl::InvalidArgumentError("member name is the trailer's");
  for (absl::string_view part : absl::StrSplit(name, '/')) {
    if (part.empty() || part == "." || part == "..") {
      return absl::InvalidArgumentError(
          absl::StrCat("member name '", name,
                       "' must be a relative path without empty, '.' or '..' components"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> write_newc(const std::vector<Member>& members) {
  std::map<std::string, uint32_t> listed_dirs;  // name -> permissions
  std::set<std::string> names;
  for (const Member& m : members) {
    if (absl::Status s = check_name(m.name); !s.ok()) return s;
    if (m.permissions > 07777) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: mode %o is more than permission bits", m.name, m.permissions));
    }
    if (m.directory && !m.data.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(m.name, ": a directory has no data"));
    }
    if (m.data.size() > 0xffffffffu) {
      return absl::InvalidArgumentError(absl::StrCat(m.name, ": larger than 4 GiB - 1"));
    }
    if (!names.insert(m.name).second) {
      return absl::InvalidArgumentError(absl::StrCat("member listed twice: ", m.name));
    }
    if (m.directory) listed_dirs[m.name] = m.permissions;
  }

  std::string out;
  std::set<std::string> written_dirs;
  std::set<std::string> written_files;
  uint32_t ino = 0;
  auto write_dir = [&](const std::string& dir, uint32_t permissions) -> absl::Status {
    if (written_files.count(dir) != 0) {
      return absl::InvalidArgumentError(absl::StrCat(dir, " is a file, used as a directory"));
    }
    if (!written_dirs.insert(dir).second) return absl::OkStatus();
    if (ino == kCpioMaxEntries) {
      return absl::InvalidArgumentError(absl::StrCat("more than ", kCpioMaxEntries, " members"));
    }
    append_member(out, ++ino, kCpioTypeDirectory | permissions, 2, dir, "");
    return absl::OkStatus();
  };

  for (const Member& m : members) {
    // Parents first, outermost first.
    for (size_t slash = m.name.find('/'); slash != std::string::npos;
         slash = m.name.find('/', slash + 1)) {
      const std::string parent = m.name.substr(0, slash);
      auto listed = listed_dirs.find(parent);
      if (listed == listed_dirs.end() && names.count(parent) != 0) {
        return absl::InvalidArgumentError(
            absl::StrCat(parent, " is a file, used as a directory by ", m.name));
      }
      if (absl::Status s = write_dir(parent, listed == listed_dirs.end() ? 0755 : listed->second);
          !s.ok()) {
        return s;
      }
    }
    if (m.directory) {
      if (absl::Status s = write_dir(m.name, m.permissions); !s.ok()) return s;
      continue;
    }
    if (written_dirs.count(m.name) != 0) {
      return absl::InvalidArgumentError(absl::StrCat(m.name, " is a directory and a file"));
    }
    if (ino == kCpioMaxEntries) {
      return absl::InvalidArgumentError(absl::StrCat("more than ", kCpioMaxEntries, " members"));
    }
    append_member(out, ++ino, kCpioTypeRegular | m.permissions, 1, m.name, m.data);
    written_files.insert(m.name);
  }
  append_member(out, 0, 0, 1, kTrailer, "");
  return out;
}

}  // namespace qrv::mkbootimg
