// Every conformance case under dash, Debian's POSIX shell: that each one
// passes here shows the suites test POSIX behaviour, not qsh's. The cases
// run in a copy of the conformance boot image's /proc/boot (empty files of
// the same names, lines.txt as it is), as they do on the board.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "user/qsh/conformance/runner.h"
#include "user/qsh/conformance/suites.h"

namespace {

constexpr char kDir[] = "user/qsh/conformance/";

TEST(DashConformance, EveryCasePassesOnDash) {
  struct stat st;
  ASSERT_EQ(stat("/bin/dash", &st), 0) << "no /bin/dash";
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof cwd), nullptr);
  const std::string src = std::string(cwd) + "/" + kDir;
  const char* tmp = getenv("TEST_TMPDIR");
  ASSERT_NE(tmp, nullptr);
  const std::string boot = std::string(tmp) + "/boot";
  mkdir(boot.c_str(), 0755);
  for (const char* name : qsh_conf::kBootNames) {
    const std::string to = boot + "/" + name;
    const int fd = open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0) << to;
    if (strcmp(name, "lines.txt") == 0) {
      size_t n = 0;
      char* text = qsh_conf::read_file((src + name).c_str(), &n);
      ASSERT_NE(text, nullptr);
      ASSERT_EQ(write(fd, text, n), static_cast<ssize_t>(n));
      free(text);
    }
    close(fd);
  }
  ASSERT_EQ(chdir(boot.c_str()), 0);

  static char path_var[] = "PATH=/usr/bin:/bin";
  static char home_var[] = "HOME=/";
  static char* envp[] = {path_var, home_var, nullptr};
  const qsh_conf::RunOptions opt = {"/bin/dash", envp, false, 10000, false};
  qsh_conf::Tally t = {};
  for (const char* suite : qsh_conf::kSuites) {
    size_t n = 0;
    char* text = qsh_conf::read_file((src + suite).c_str(), &n);
    ASSERT_NE(text, nullptr) << suite;
    const int before = t.passed + t.failed;
    qsh_conf::run_suite(opt, suite, text, n, &t);
    printf("dash_conformance_test: %s: %d cases\n", suite, t.passed + t.failed - before);
    free(text);
  }
  printf("dash_conformance_test: %d passed, %d failed\n", t.passed, t.failed);
  EXPECT_EQ(t.failed, 0) << "see the FAIL lines above";
  EXPECT_GE(t.passed, 200);
  ASSERT_EQ(chdir(cwd), 0);
}

}  // namespace
