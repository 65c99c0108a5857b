// parse_list / read_list_file: lines kept verbatim, CR and empty lines dropped, errors named.
#include "testing/runner/list_file.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

using Lines = std::vector<std::string>;

TEST(ListFileTest, ParsesLines) {
  EXPECT_EQ(parse_list("a\n b, c \r\n\n\r\nlast"), (Lines{"a", " b, c ", "last"}));
  EXPECT_EQ(parse_list(""), Lines{});
  EXPECT_EQ(parse_list("\n\n"), Lines{});
}

TEST(ListFileTest, ReadsAFile) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string path = std::string(tmp != nullptr ? tmp : "/tmp") + "/list_file_test.txt";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("-device\r\nvirtio-rng-device,rng=r0\n", f);
  std::fclose(f);
  absl::StatusOr<Lines> lines = read_list_file(path);
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_EQ(*lines, (Lines{"-device", "virtio-rng-device,rng=r0"}));
}

TEST(ListFileTest, MissingFileIsNotFoundWithThePath) {
  absl::StatusOr<Lines> lines = read_list_file("/nonexistent/qrv/expect.txt");
  EXPECT_EQ(lines.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(lines.status().message().find("/nonexistent/qrv/expect.txt"), std::string::npos);
}

TEST(ListFileTest, DirectoryIsAnError) {
  absl::StatusOr<Lines> lines = read_list_file("/");
  EXPECT_FALSE(lines.ok());
}

}  // namespace
}  // namespace qrv::runner
