// decode_c_escapes: one pass, strict about what follows each backslash.
#include "testing/runner/c_escapes.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace qrv::runner {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

absl::StatusOr<std::string> decode_c_escapes(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 1 == text.size()) {
      return absl::InvalidArgumentError(absl::StrCat("trailing backslash at offset ", i));
    }
    const char kind = text[++i];
    switch (kind) {
      case 'n': out.push_back('\n'); continue;
      case 'r': out.push_back('\r'); continue;
      case 't': out.push_back('\t'); continue;
      case '\\': out.push_back('\\'); continue;
      case 'x': {
        const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
        const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
        if (high < 0 || low < 0) {
          return absl::InvalidArgumentError(
              absl::StrCat("\\x at offset ", i - 1, " needs two hex digits (\\xHH)"));
        }
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
      default:
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown escape '\\", std::string(1, kind), "' at offset ", i - 1,
            " (known: \\n \\r \\t \\\\ \\xHH)"));
    }
  }
  return out;
}

}  // namespace qrv::runner
