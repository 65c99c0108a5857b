// glob on the host: QRV's walk over the host's files against glibc's glob
// (same directory tree, patterns and flags: results and return codes must
// agree), plus errors through a filesystem that fails.
#include "libc/src/glob/glob_api.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

namespace q = qrv::libc;

static_assert(q::kGlobErr == GLOB_ERR && q::kGlobMark == GLOB_MARK && q::kGlobNosort == GLOB_NOSORT &&
              q::kGlobDooffs == GLOB_DOOFFS && q::kGlobNocheck == GLOB_NOCHECK && q::kGlobAppend == GLOB_APPEND &&
              q::kGlobNoescape == GLOB_NOESCAPE);
static_assert(q::kGlobNospace == GLOB_NOSPACE && q::kGlobAborted == GLOB_ABORTED && q::kGlobNomatch == GLOB_NOMATCH);

int host_list(void*, const char* dir, void (*each)(void*, const char*), void* each_ctx) {
  DIR* d = opendir(dir);
  if (d == nullptr) return errno;
  while (struct dirent* e = readdir(d)) each(each_ctx, e->d_name);
  closedir(d);
  return 0;
}

int host_kind(void*, const char* path) {
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  return S_ISDIR(st.st_mode) ? 1 : 0;
}

const q::GlobFs kHost = {nullptr, host_list, host_kind};

struct Outcome {
  int r;
  std::vector<std::string> paths;
  bool operator==(const Outcome& o) const { return r == o.r && paths == o.paths; }
};

std::string show(const Outcome& o) {
  std::string s = "r=" + std::to_string(o.r) + ":";
  for (const auto& p : o.paths) s += " [" + p + "]";
  return s;
}

Outcome theirs(const char* pattern, int flags) {
  glob_t g = {};
  const int r = ::glob(pattern, flags, nullptr, &g);
  Outcome o{r, {}};
  for (size_t i = 0; i < g.gl_pathc; ++i) o.paths.push_back(g.gl_pathv[i]);
  ::globfree(&g);
  return o;
}

Outcome ours(const char* pattern, int flags) {
  q::Glob g = {};
  const int r = q::glob_fs(pattern, flags, nullptr, &g, kHost);
  Outcome o{r, {}};
  for (size_t i = 0; i < g.gl_pathc; ++i) o.paths.push_back(g.gl_pathv[i]);
  q::globfree(&g);
  return o;
}

class GlobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/qrv_glob_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    ASSERT_EQ(getcwd(old_, sizeof old_) != nullptr, true);
    ASSERT_EQ(chdir(root_.c_str()), 0);
    for (const char* d : {"dir1", "dir2", "dir2/sub", "deep", "deep/er", "deep/er/est", ".hdir"}) mkdir(d, 0755);
    for (const char* f : {"a", "b", "ab", "abc", ".hidden", "dir1/x", "dir1/y.c", "dir1/.z", "dir2/x.c", "dir2/sub/q",
                          "deep/er/est/leaf", "sp ace", "br[ack]et", "star*", "q?", "back\\slash", ".hdir/in",
                          "Upper", "~tilde"}) {
      const int fd = open(f, O_CREAT | O_WRONLY, 0644);
      ASSERT_GE(fd, 0) << f;
      close(fd);
    }
  }
  void TearDown() override {
    ASSERT_EQ(chdir(old_), 0);
    const std::string cmd = "rm -rf '" + root_ + "'";
    ASSERT_EQ(system(cmd.c_str()), 0);
  }
  std::string root_;
  char old_[4096];
};

TEST_F(GlobTest, AgreesWithGlibc) {
  const std::vector<std::string> patterns = {
      "*", "a*", "?", "??", "[ab]", "[!a]*", "[a-c]*", ".*", "*/", "*/*", "*/*.c", "d*/x", "dir?/*", "dir1/.*",
      "dir1/*", "*/sub/*", "deep/*/*/*", "*/*/*/leaf", "a", "nosuch", "nosuch/*", "dir1/nosuch", "br\\[ack\\]et",
      "br[[]ack]et", "star\\*", "st*\\*", "q\\?", "sp*", "sp ace", "back\\\\slash", "back*", ".hdir/*", ".h*/*",
      "*x*", "[", "[a", "a[", "*[", "dir1//x", "dir1//*", "./a*", "./*/x", "../" , "[U]*", "[[:upper:]]*",
      "[[:alpha:]]", "~*", "*/.", "dir1/", "dir1/*/", "", "/", "**", "*.c", "x/../a", "dir1/x/",
  };
  const int flag_sets[] = {0, GLOB_MARK, GLOB_NOCHECK, GLOB_NOESCAPE, GLOB_NOSORT, GLOB_MARK | GLOB_NOCHECK};
  int compared = 0;
  for (const auto& p : patterns) {
    for (int flags : flag_sets) {
      Outcome a = theirs(p.c_str(), flags), b = ours(p.c_str(), flags);
      if ((flags & GLOB_NOSORT) != 0) {  // the order is the walk's: compare as sets
        std::sort(a.paths.begin(), a.paths.end());
        std::sort(b.paths.begin(), b.paths.end());
      }
      // glibc drops the slash of a pattern that ends in one: it returns
      // "dir1/x" (a file) for "dir1/x/", and "dir1/*" for an unmatched
      // "dir1/*/" under GLOB_NOCHECK. POSIX: such a pattern names
      // directories only, and GLOB_NOCHECK returns the pattern.
      if (!p.empty() && p.back() == '/' && a.r == 0 && a.paths.size() == 1 && a.paths[0] + "/" == p) continue;
      // glibc's GLOB_MARK adds a second slash to what "*/" matched ("dir1//"); QRV does not.
      for (std::string& path : a.paths) {
        if ((flags & GLOB_MARK) != 0 && path.size() > 2 && path.compare(path.size() - 2, 2, "//") == 0) path.pop_back();
      }
      EXPECT_EQ(a, b) << "pattern \"" << p << "\" flags " << flags << ": glibc " << show(a) << " qrv " << show(b);
      ++compared;
    }
    const std::string abs = root_ + "/" + p;  // the same from the root
    const Outcome a = theirs(abs.c_str(), 0), b = ours(abs.c_str(), 0);
    if (!p.empty() && p.back() == '/' && a.r == 0 && a.paths.size() == 1 && a.paths[0] + "/" == abs) continue;
    EXPECT_EQ(a, b) << abs << ": glibc " << show(a) << " qrv " << show(b);
  }
  EXPECT_GT(compared, 300);
}

TEST_F(GlobTest, OffsetsAndAppend) {
  q::Glob g = {};
  g.gl_offs = 2;
  ASSERT_EQ(q::glob_fs("a*", q::kGlobDooffs, nullptr, &g, kHost), 0);
  ASSERT_EQ(g.gl_pathc, 3u);
  EXPECT_EQ(g.gl_pathv[0], nullptr);
  EXPECT_EQ(g.gl_pathv[1], nullptr);
  EXPECT_STREQ(g.gl_pathv[2], "a");
  EXPECT_STREQ(g.gl_pathv[4], "abc");
  ASSERT_EQ(q::glob_fs("dir1/*", q::kGlobDooffs | q::kGlobAppend, nullptr, &g, kHost), 0);
  ASSERT_EQ(g.gl_pathc, 5u);
  EXPECT_STREQ(g.gl_pathv[5], "dir1/x");
  EXPECT_STREQ(g.gl_pathv[6], "dir1/y.c");
  EXPECT_EQ(g.gl_pathv[7], nullptr);
  EXPECT_EQ(q::glob_fs("nosuch*", q::kGlobDooffs | q::kGlobAppend, nullptr, &g, kHost), q::kGlobNomatch);
  EXPECT_EQ(g.gl_pathc, 5u) << "a failed append keeps what was there";
  q::globfree(&g);
  EXPECT_EQ(g.gl_pathv, nullptr);
}

// A filesystem whose "locked" directory cannot be read.
int locked_list(void* ctx, const char* dir, void (*each)(void*, const char*), void* each_ctx) {
  if (std::string(dir) == "locked") return EACCES;
  return host_list(ctx, dir, each, each_ctx);
}
int locked_kind(void*, const char* path) {
  if (std::string(path) == "locked") return 1;
  return host_kind(nullptr, path);
}
std::vector<std::string> g_err_paths;
int note_error(const char* path, int err) {
  g_err_paths.push_back(std::string(path) + ":" + std::to_string(err));
  return 0;
}
int stop_at_error(const char*, int) { return 1; }

TEST_F(GlobTest, UnreadableDirectoriesAndErrfunc) {
  mkdir("locked", 0755);
  const q::GlobFs fs = {nullptr, locked_list, locked_kind};
  q::Glob g = {};
  g_err_paths.clear();
  EXPECT_EQ(q::glob_fs("locked/*", 0, note_error, &g, fs), q::kGlobNomatch) << "errfunc said go on";
  ASSERT_EQ(g_err_paths.size(), 1u);
  EXPECT_EQ(g_err_paths[0], "locked:" + std::to_string(EACCES));
  EXPECT_EQ(q::glob_fs("locked/*", q::kGlobErr, nullptr, &g, fs), q::kGlobAborted);
  EXPECT_EQ(q::glob_fs("locked/*", 0, stop_at_error, &g, fs), q::kGlobAborted);
  EXPECT_EQ(q::glob_fs("*/*", 0, stop_at_error, &g, fs), q::kGlobAborted) << "a walk stops at the locked one";
  EXPECT_EQ(q::glob_fs("*/x", 0, stop_at_error, &g, fs), 0) << "a name below it is not read for";
  q::globfree(&g);
}

}  // namespace
