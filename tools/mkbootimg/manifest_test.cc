// parse_manifest and load_members: the line grammar, each malformed line
// refused with its line number, and a missing source file reported.
#include "tools/mkbootimg/manifest.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace qrv::mkbootimg {
namespace {

TEST(ManifestTest, ParsesFilesDirsCommentsAndBlankLines) {
  absl::StatusOr<std::vector<ManifestLine>> m = parse_manifest(
      "# boot image\n"
      "\n"
      "file 0755 bin/init  out/init\n"
      "dir\t0700\tetc\n"
      "   file 644 etc/motd data/motd   \n");
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_EQ(m->size(), 3u);
  EXPECT_FALSE((*m)[0].directory);
  EXPECT_EQ((*m)[0].permissions, 0755u);
  EXPECT_EQ((*m)[0].name, "bin/init");
  EXPECT_EQ((*m)[0].source, "out/init");
  EXPECT_TRUE((*m)[1].directory);
  EXPECT_EQ((*m)[1].permissions, 0700u);
  EXPECT_EQ((*m)[1].name, "etc");
  EXPECT_EQ((*m)[2].permissions, 0644u);
  EXPECT_EQ((*m)[2].source, "data/motd");
}

TEST(ManifestTest, MalformedLinesNameTheirLine) {
  for (const char* bad :
       {"file 0755 a", "file 0755 a b c", "dir 0755", "dir 0755 a b", "link 0755 a b",
        "file 0855 a b", "file 17777 a b", "file -1 a b", "file 0x1 a b", "file 000000 a b"}) {
    absl::StatusOr<std::vector<ManifestLine>> m = parse_manifest(std::string("# x\n") + bad);
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(m.status().message().find("line 2:"), std::string::npos) << m.status();
  }
}

TEST(ManifestTest, LoadsSourcesAndReportsMissingOnes) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string path = std::string(tmp != nullptr ? tmp : "/tmp") + "/manifest_src";
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string("bin\0ary", 7);
  }
  std::vector<ManifestLine> lines(2);
  lines[0].name = "f";
  lines[0].permissions = 0644;
  lines[0].source = path;
  lines[1].name = "d";
  lines[1].directory = true;
  lines[1].permissions = 0755;
  absl::StatusOr<std::vector<Member>> m = load_members(lines);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ((*m)[0].data, std::string("bin\0ary", 7));
  EXPECT_TRUE((*m)[1].directory);

  lines[0].source = path + ".missing";
  m = load_members(lines);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(m.status().message().find("manifest_src.missing"), std::string::npos);
}

}  // namespace
}  // namespace qrv::mkbootimg
