// The path manager's rules: normalization, longest-prefix resolution, owners,
// made-up directories, and what a process's end removes.
#include "taskman/path_table.h"

#include <errno.h>
#include <gtest/gtest.h>

#include <string>

namespace taskman {
namespace {

std::string norm(const char* cwd, const char* path, size_t cap = kPathMax) {
  char out[kPathMax + 8];
  const int r = path_normalize(cwd, path, out, cap);
  return r == 0 ? std::string(out) : "error " + std::to_string(-r);
}

TEST(PathNormalize, AbsoluteAndRelative) {
  EXPECT_EQ(norm("/", "/dev/null"), "/dev/null");
  EXPECT_EQ(norm("/proc", "boot/init"), "/proc/boot/init");
  EXPECT_EQ(norm("/proc/boot", "../boot/./init"), "/proc/boot/init");
  EXPECT_EQ(norm("/", "//a///b//"), "/a/b");
  EXPECT_EQ(norm("/a", "."), "/a");
  EXPECT_EQ(norm("/a", ".."), "/");
  EXPECT_EQ(norm("/", "/../../.."), "/");
  EXPECT_EQ(norm("/x/y", "/abs"), "/abs");  // the cwd plays no part
  EXPECT_EQ(norm("/", "..."), "/...");      // only "." and ".." are special
}

TEST(PathNormalize, Errors) {
  EXPECT_EQ(norm("/", ""), "error " + std::to_string(ENOENT));
  EXPECT_EQ(path_normalize("/", nullptr, nullptr, 0), -ENOENT);
  const std::string long_name(kNameMax + 1, 'n');
  EXPECT_EQ(norm("/", ("/" + long_name).c_str()), "error " + std::to_string(ENAMETOOLONG));
  const std::string ok_name(kNameMax, 'n');
  EXPECT_EQ(norm("/", ("/" + ok_name).c_str()), "/" + ok_name);
  EXPECT_EQ(norm("/", "/abcd", 5), "error " + std::to_string(ENAMETOOLONG));  // "/abcd" needs 6
  EXPECT_EQ(norm("/", "/abcd", 6), "/abcd");
  EXPECT_EQ(norm("/", "/", 1), "error " + std::to_string(ENAMETOOLONG));
}

struct Table : ::testing::Test {
  PathTable t;
  Resolution r;
  std::string owner(const char* path) {
    const int e = t.resolve(path, &r);
    if (e != 0) return "error " + std::to_string(-e);
    if (r.entry == nullptr) return std::string("taskman-dir rest=") + r.rest;
    return std::to_string(r.entry->pid) + ":" + std::to_string(r.entry->handle) + " rest=" + r.rest;
  }
};

TEST_F(Table, LongestComponentPrefixWins) {
  ASSERT_EQ(t.attach("/", 5, 1, 50, kPathFlagDir), 0);
  ASSERT_EQ(t.attach("/dev/null", 6, 1, 60, 0), 0);
  ASSERT_EQ(t.attach("/proc/boot", 1, 1, 10, kPathFlagDir), 0);
  EXPECT_EQ(owner("/dev/null"), "6:60 rest=");
  EXPECT_EQ(owner("/dev/nullx"), "5:50 rest=dev/nullx");  // components, not bytes
  EXPECT_EQ(owner("/proc/boot/init"), "1:10 rest=init");
  EXPECT_EQ(owner("/proc/boot"), "1:10 rest=");
  EXPECT_EQ(owner("/proc"), "5:50 rest=proc");
  EXPECT_EQ(owner("/"), "5:50 rest=");
  EXPECT_EQ(owner("/dev/null/x"), "5:50 rest=dev/null/x");  // the root fs is a directory
}

TEST_F(Table, NoOwnerErrors) {
  ASSERT_EQ(t.attach("/dev/null", 6, 1, 60, 0), 0);
  EXPECT_EQ(owner("/etc/passwd"), "error " + std::to_string(ENOENT));
  EXPECT_EQ(owner("/dev/null/x"), "error " + std::to_string(ENOTDIR));
  EXPECT_EQ(owner("/dev/zero"), "error " + std::to_string(ENOENT));
}

TEST_F(Table, MadeUpDirectoriesAboveAttachments) {
  ASSERT_EQ(t.attach("/dev/null", 6, 1, 60, 0), 0);
  ASSERT_EQ(t.attach("/dev/zero", 6, 1, 61, 0), 0);
  ASSERT_EQ(t.attach("/proc/boot", 1, 1, 10, kPathFlagDir), 0);
  ASSERT_EQ(t.attach("/dev/pty/a", 7, 1, 1, 0), 0);
  EXPECT_EQ(owner("/dev"), "taskman-dir rest=/dev");
  EXPECT_EQ(owner("/"), "taskman-dir rest=/");
  EXPECT_EQ(owner("/de"), "error " + std::to_string(ENOENT));
  char name[32];
  std::string names;
  for (uint32_t i = 0; t.child_name("/dev", i, name, sizeof name); ++i) names += std::string(name) + ",";
  EXPECT_EQ(names, "null,zero,pty,");
  names.clear();
  for (uint32_t i = 0; t.child_name("/", i, name, sizeof name); ++i) names += std::string(name) + ",";
  EXPECT_EQ(names, "dev,proc,");  // each once
  EXPECT_FALSE(t.child_name("/dev", 0, name, 4));  // "null" needs 5
  EXPECT_TRUE(t.child_name("/dev", 0, name, 5));
  EXPECT_FALSE(t.child_name("/dev/null", 0, name, sizeof name));
}

TEST_F(Table, OneOwnerPerExactPathUnlessUnion) {
  ASSERT_EQ(t.attach("/dev/null", 6, 1, 60, 0), 0);
  EXPECT_EQ(t.attach("/dev/null", 7, 1, 70, 0), -EEXIST);
  EXPECT_EQ(t.attach("/dev/null", 7, 1, 70, kPathFlagUnion), -EEXIST);
  ASSERT_EQ(t.attach("/tmp", 8, 1, 80, kPathFlagDir | kPathFlagUnion), 0);
  ASSERT_EQ(t.attach("/tmp", 9, 2, 90, kPathFlagDir | kPathFlagUnion), 0);
  EXPECT_EQ(owner("/tmp/f"), "9:90 rest=f");  // the newest first
  EXPECT_EQ(t.remove_pid(9), 1u);
  EXPECT_EQ(owner("/tmp/f"), "8:80 rest=f");
}

TEST_F(Table, DetachAndProcessEnd) {
  ASSERT_EQ(t.attach("/dev/null", 6, 1, 60, 0), 0);
  ASSERT_EQ(t.attach("/dev/zero", 6, 1, 61, 0), 0);
  EXPECT_EQ(t.detach("/dev/null", 7), -ENOENT);  // not the owner
  EXPECT_EQ(t.detach("/dev/null", 6), 0);
  EXPECT_EQ(t.detach("/dev/null", 6), -ENOENT);
  EXPECT_EQ(owner("/dev/null"), "error " + std::to_string(ENOENT));
  EXPECT_EQ(t.remove_pid(6), 1u);
  EXPECT_EQ(owner("/dev/zero"), "error " + std::to_string(ENOENT));
  EXPECT_EQ(owner("/dev"), "error " + std::to_string(ENOENT));
}

TEST_F(Table, BadAttachments) {
  EXPECT_EQ(t.attach("/x", 6, 0, 0, 0), -EINVAL);    // no channel
  EXPECT_EQ(t.attach("/x", 6, 1, 0, 4), -EINVAL);    // unknown flag
  EXPECT_EQ(t.attach("x", 6, 1, 0, 0), -EINVAL);     // not normalized
  const std::string long_path = "/" + std::string(kMountPathMax, 'p');
  EXPECT_EQ(t.attach(long_path.c_str(), 6, 1, 0, 0), -ENAMETOOLONG);
  uint32_t n = 0;
  for (; n < 2 * kPathEntries; ++n) {
    const std::string p = "/p" + std::to_string(n);
    if (t.attach(p.c_str(), 6, 1, n, 0) != 0) break;
  }
  EXPECT_EQ(n, kPathEntries);
  EXPECT_EQ(t.attach("/one-more", 6, 1, 0, 0), -EAGAIN);
  EXPECT_EQ(t.remove_pid(6), kPathEntries);
  EXPECT_EQ(t.attach("/one-more", 6, 1, 0, 0), 0);
}

}  // namespace
}  // namespace taskman
