// decode_c_escapes: every escape decodes to its byte; every malformed escape is an error
// naming what is wrong and where.
#include "testing/runner/c_escapes.h"

#include <string>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

std::string decoded(std::string_view text) {
  absl::StatusOr<std::string> bytes = decode_c_escapes(text);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : std::string("<error>");
}

std::string error_of(std::string_view text) {
  absl::StatusOr<std::string> bytes = decode_c_escapes(text);
  EXPECT_EQ(bytes.status().code(), absl::StatusCode::kInvalidArgument) << text;
  return std::string(bytes.status().message());
}

TEST(CEscapesTest, PlainTextIsUnchanged) {
  EXPECT_EQ(decoded(""), "");
  EXPECT_EQ(decoded("echo hi"), "echo hi");
  EXPECT_EQ(decoded("a\"b'c?"), "a\"b'c?");  // Only backslash is special.
}

TEST(CEscapesTest, EveryEscape) {
  EXPECT_EQ(decoded("\\n"), "\n");
  EXPECT_EQ(decoded("\\r"), "\r");
  EXPECT_EQ(decoded("\\t"), "\t");
  EXPECT_EQ(decoded("\\\\"), "\\");
  EXPECT_EQ(decoded("ls\\r"), "ls\r");
  EXPECT_EQ(decoded("a\\tb\\nc\\\\d"), "a\tb\nc\\d");
  EXPECT_EQ(decoded("\\\\n"), "\\n");  // An escaped backslash, then a plain 'n'.
}

TEST(CEscapesTest, HexTakesExactlyTwoDigitsOfEitherCase) {
  EXPECT_EQ(decoded("\\x03"), "\x03");
  EXPECT_EQ(decoded("\\x1b[A"), "\x1b[A");
  EXPECT_EQ(decoded("\\xff"), "\xff");
  EXPECT_EQ(decoded("\\xFF"), "\xff");
  EXPECT_EQ(decoded("\\xaB"), "\xab");
  EXPECT_EQ(decoded("\\x7f0"), std::string("\x7f") + "0");  // A third digit is plain text.
  EXPECT_EQ(decoded("\\x00"), std::string(1, '\0'));
  EXPECT_EQ(decoded("a\\x00b"), std::string("a\0b", 3));
}

TEST(CEscapesTest, TrailingBackslash) {
  EXPECT_EQ(error_of("\\"), "trailing backslash at offset 0");
  EXPECT_EQ(error_of("ls\\"), "trailing backslash at offset 2");
  EXPECT_EQ(error_of("\\\\\\"), "trailing backslash at offset 2");
}

TEST(CEscapesTest, UnknownEscapes) {
  EXPECT_EQ(error_of("\\q"), "unknown escape '\\q' at offset 0 (known: \\n \\r \\t \\\\ \\xHH)");
  for (const char* text : {"\\a", "\\b", "\\e", "\\f", "\\v", "\\0", "\\1", "\\\"", "\\'", "\\?",
                           "\\u0041", "\\X41", "\\ "}) {
    EXPECT_NE(error_of(text).find("unknown escape"), std::string::npos) << text;
  }
  EXPECT_NE(error_of("ok\\z").find("at offset 2"), std::string::npos);
}

TEST(CEscapesTest, HexWithoutTwoDigits) {
  const std::string why = " needs two hex digits (\\xHH)";
  EXPECT_EQ(error_of("\\x"), "\\x at offset 0" + why);
  EXPECT_EQ(error_of("\\x4"), "\\x at offset 0" + why);
  EXPECT_EQ(error_of("ab\\xg0"), "\\x at offset 2" + why);
  EXPECT_EQ(error_of("\\x0g"), "\\x at offset 0" + why);
  EXPECT_EQ(error_of("\\x 1"), "\\x at offset 0" + why);
  EXPECT_EQ(error_of("\\x\\n"), "\\x at offset 0" + why);
}

}  // namespace
}  // namespace qrv::runner
