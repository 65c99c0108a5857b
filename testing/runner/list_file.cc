// parse_list / read_list_file: split text files into non-empty lines.
#include "testing/runner/list_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace qrv::runner {

std::vector<std::string> parse_list(std::string_view text) {
  std::vector<std::string> items;
  std::string line;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      if (!line.empty()) items.push_back(line);
      line.clear();
      continue;
    }
    line.push_back(c);
  }
  if (!line.empty()) items.push_back(line);
  return items;
}

absl::StatusOr<std::vector<std::string>> read_list_file(const std::string& path) {
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    int err = errno;
    std::string message = absl::StrCat("cannot open '", path, "': ", std::strerror(err));
    return err == ENOENT ? absl::NotFoundError(message) : absl::InvalidArgumentError(message);
  }
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
  if (std::ferror(file.get())) {
    return absl::InvalidArgumentError(absl::StrCat("cannot read '", path, "'"));
  }
  return parse_list(text);
}

}  // namespace qrv::runner
