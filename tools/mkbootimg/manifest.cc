// parse_manifest / load_members: text to members, one checked line at a time;
// names are checked again (fully) by write_newc.
#include "tools/mkbootimg/manifest.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace qrv::mkbootimg {
namespace {

absl::StatusOr<uint32_t> parse_mode(absl::string_view text) {
  uint32_t mode = 0;
  if (text.empty() || text.size() > 5) return absl::InvalidArgumentError("bad mode");
  for (char c : text) {
    if (c < '0' || c > '7')
      return absl::InvalidArgumentError(absl::StrCat("bad mode '", text, "'"));
    mode = mode * 8 + static_cast<uint32_t>(c - '0');
  }
  if (mode > 07777) return absl::InvalidArgumentError(absl::StrCat("bad mode '", text, "'"));
  return mode;
}

}  // namespace

absl::StatusOr<std::vector<ManifestLine>> parse_manifest(absl::string_view text) {
  std::vector<ManifestLine> lines;
  int number = 0;
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++number;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> f =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    auto fail = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat("line ", number, ": ", why, ": ", line));
    };
    ManifestLine m;
    if (f[0] == "file") {
      if (f.size() != 4) return fail("expected 'file <mode> <name> <source>'");
      m.source = std::string(f[3]);
    } else if (f[0] == "dir") {
      if (f.size() != 3) return fail("expected 'dir <mode> <name>'");
      m.directory = true;
    } else {
      return fail("unknown kind (not file or dir)");
    }
    absl::StatusOr<uint32_t> mode = parse_mode(f[1]);
    if (!mode.ok()) return fail(mode.status().message());
    m.permissions = *mode;
    m.name = std::string(f[2]);
    lines.push_back(std::move(m));
  }
  return lines;
}

absl::StatusOr<std::vector<Member>> load_members(const std::vector<ManifestLine>& lines) {
  std::vector<Member> members;
  for (const ManifestLine& l : lines) {
    Member m;
    m.name = l.name;
    m.directory = l.directory;
    m.permissions = l.permissions;
    if (!l.directory) {
      std::ifstream in(l.source, std::ios::binary);
      if (!in) {
        return absl::NotFoundError(
            absl::StrCat(l.name, ": cannot open ", l.source, ": ", std::strerror(errno)));
      }
      std::ostringstream data;
      data << in.rdbuf();
      if (in.bad()) return absl::DataLossError(absl::StrCat(l.name, ": cannot read ", l.source));
      m.data = data.str();
    }
    members.push_back(std::move(m));
  }
  return members;
}

}  // namespace qrv::mkbootimg
