// The mkbootimg binary end to end: a manifest becomes an archive the kernel's
// reader accepts; a missing source file, a bad manifest or bad flags fail
// with a message and leave no output file.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "kernel/lib/cpio.h"

namespace {

struct RunResult {
  int exit_code = -1;
  std::string err;
};

std::string tmpdir() {
  const char* t = std::getenv("TEST_TMPDIR");
  return t != nullptr ? t : "/tmp";
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

RunResult mkbootimg(const std::vector<std::string>& args) {
  const std::string err = tmpdir() + "/stderr";
  std::string cmd = "tools/mkbootimg/mkbootimg";
  for (const std::string& a : args) cmd += " '" + a + "'";
  cmd += " 2>" + err;
  RunResult r;
  const int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err);
  return r;
}

TEST(MkbootimgTest, WritesAnArchiveTheReaderAccepts) {
  const std::string d = tmpdir();
  write_file(d + "/prog", std::string("\x7f"
                                      "ELF",
                                      4) +
                              std::string(33, 'p'));
  write_file(d + "/data", "some data\n");
  write_file(d + "/empty", "");
  write_file(d + "/m",
             absl::StrCat("file 0755 bin/prog ", d, "/prog\n", "file 0644 etc/data ", d, "/data\n",
                          "file 0644 empty ", d, "/empty\n", "dir 0700 var\n"));
  RunResult r = mkbootimg({"--manifest=" + d + "/m", "--output=" + d + "/out.cpio"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string a = read_file(d + "/out.cpio");
  ASSERT_EQ(a.size() % 4, 0u);
  std::vector<uint32_t> words(a.size() / 4);
  std::memcpy(words.data(), a.data(), a.size());
  CpioOr<Cpio> c = Cpio::open(words.data(), a.size());
  ASSERT_TRUE(c.ok()) << cpio_status_name(c.status);
  EXPECT_EQ(c.value.entry_count(), 6u);  // bin, bin/prog, etc, etc/data, empty, var
  CpioOr<CpioEntry> prog = c.value.find("bin/prog");
  ASSERT_TRUE(prog.ok());
  EXPECT_EQ(prog.value.mode, 0100755u);
  EXPECT_EQ(prog.value.size, 37u);
  EXPECT_EQ(std::memcmp(prog.value.data,
                        "\x7f"
                        "ELF",
                        4),
            0);
  EXPECT_EQ(c.value.find("etc/data").value.mode, 0100644u);
  EXPECT_EQ(c.value.find("empty").value.size, 0u);
  EXPECT_EQ(c.value.find("var").value.mode, 040700u);
  EXPECT_FALSE(exists(d + "/out.cpio.tmp"));

  // Same input, same bytes.
  RunResult again = mkbootimg({"--manifest=" + d + "/m", "--output=" + d + "/again.cpio"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_file(d + "/again.cpio"), a);
}

TEST(MkbootimgTest, MissingSourceFails) {
  const std::string d = tmpdir();
  write_file(d + "/m2", absl::StrCat("file 0755 bin/prog ", d, "/no_such_file\n"));
  RunResult r = mkbootimg({"--manifest=" + d + "/m2", "--output=" + d + "/out2.cpio"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no_such_file"), std::string::npos) << r.err;
  EXPECT_FALSE(exists(d + "/out2.cpio"));
  EXPECT_FALSE(exists(d + "/out2.cpio.tmp"));
}

TEST(MkbootimgTest, BadManifestAndFlagsFail) {
  const std::string d = tmpdir();
  write_file(d + "/m3", "file 0755 /abs /dev/null\n");
  RunResult r = mkbootimg({"--manifest=" + d + "/m3", "--output=" + d + "/out3.cpio"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("relative path"), std::string::npos) << r.err;
  EXPECT_FALSE(exists(d + "/out3.cpio"));

  write_file(d + "/m4", "frob 0755 a b\n");
  r = mkbootimg({"--manifest=" + d + "/m4", "--output=" + d + "/out4.cpio"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("line 1"), std::string::npos) << r.err;

  r = mkbootimg({"--manifest=" + d + "/no_manifest", "--output=" + d + "/out5.cpio"});
  EXPECT_EQ(r.exit_code, 1);
  r = mkbootimg({"--output=" + d + "/out6.cpio"});
  EXPECT_EQ(r.exit_code, 2);
  r = mkbootimg({"--manifest=" + d + "/m", "--output=" + d + "/out7.cpio", "stray"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
