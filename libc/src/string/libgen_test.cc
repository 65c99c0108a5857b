// basename and dirname against glibc's POSIX versions (libgen.h's
// __xpg_basename and dirname), on every path of a small alphabet up to
// five characters plus hand-picked ones.
#include <string.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "libc/src/string/string_api.h"

// glibc's POSIX basename under its own name (libgen.h's macro would rename ours too).
extern "C" char* __xpg_basename(char* path);
extern "C" char* dirname(char* path);

namespace {

std::string theirs_base(std::string s) { return ::__xpg_basename(s.data()); }
std::string theirs_dir(std::string s) { return ::dirname(s.data()); }
std::string ours_base(std::string s) { return qrv::libc::basename(s.data()); }
std::string ours_dir(std::string s) { return qrv::libc::dirname(s.data()); }

TEST(Libgen, NullAndEmptyAreDot) {
  EXPECT_STREQ(qrv::libc::basename(nullptr), ".");
  EXPECT_STREQ(qrv::libc::dirname(nullptr), ".");
  char empty[] = "";
  EXPECT_STREQ(qrv::libc::basename(empty), ".");
  EXPECT_STREQ(qrv::libc::dirname(empty), ".");
}

TEST(Libgen, TheUsualCases) {
  EXPECT_EQ(ours_base("/usr/lib"), "lib");
  EXPECT_EQ(ours_dir("/usr/lib"), "/usr");
  EXPECT_EQ(ours_base("/usr/"), "usr");
  EXPECT_EQ(ours_dir("/usr/"), "/");
  EXPECT_EQ(ours_base("usr"), "usr");
  EXPECT_EQ(ours_dir("usr"), ".");
  EXPECT_EQ(ours_base("/"), "/");
  EXPECT_EQ(ours_dir("/"), "/");
  EXPECT_EQ(ours_dir("a//b//"), "a");
}

TEST(Libgen, AgreesWithGlibcOnEveryShortPath) {
  std::vector<std::string> paths = {"", "/", "//", "///", ".", "..", "/.", "./", "a/.", "/a/b/", "//a//b//"};
  const char alphabet[] = {'a', '/', '.'};
  std::vector<std::string> level = {""};
  for (int len = 1; len <= 5; ++len) {
    std::vector<std::string> next;
    for (const auto& p : level) {
      for (char c : alphabet) next.push_back(p + c);
    }
    paths.insert(paths.end(), next.begin(), next.end());
    level = next;
  }
  for (const auto& p : paths) {
    EXPECT_EQ(ours_base(p), theirs_base(p)) << "basename(\"" << p << "\")";
    EXPECT_EQ(ours_dir(p), theirs_dir(p)) << "dirname(\"" << p << "\")";
  }
}

}  // namespace
