// The variable table: set/get/unset, readonly, export and the environment
// built from it, import, subshell copies.
#include "user/qsh/vars.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace qsh {
namespace {

std::vector<std::string> env_of(const Vars& v, std::vector<const char*> extra = {}) {
  char** env = v.environ(extra.data(), extra.size());
  std::vector<std::string> out;
  for (char** e = env; *e != nullptr; ++e) out.push_back(*e);
  Vars::free_environ(env);
  return out;
}

TEST(Vars, Names) {
  EXPECT_TRUE(Vars::valid_name("x"));
  EXPECT_TRUE(Vars::valid_name("_a1"));
  EXPECT_FALSE(Vars::valid_name("1a"));
  EXPECT_FALSE(Vars::valid_name(""));
  EXPECT_FALSE(Vars::valid_name("a-b"));
  Vars v;
  EXPECT_FALSE(v.set("a-b", "x"));
  EXPECT_EQ(v.size(), 0u);
}

TEST(Vars, SetGetUnset) {
  Vars v;
  EXPECT_EQ(v.get("x"), nullptr);
  EXPECT_TRUE(v.set("x", "1"));
  EXPECT_STREQ(v.get("x"), "1");
  EXPECT_TRUE(v.set("x", "two"));
  EXPECT_STREQ(v.get("x"), "two");
  EXPECT_TRUE(v.set("empty", ""));
  EXPECT_STREQ(v.get("empty"), "");
  EXPECT_TRUE(v.unset("x"));
  EXPECT_EQ(v.get("x"), nullptr);
  EXPECT_TRUE(v.unset("never"));
}

TEST(Vars, Readonly) {
  Vars v;
  v.set("r", "1");
  EXPECT_TRUE(v.set_readonly("r"));
  EXPECT_FALSE(v.set("r", "2"));
  EXPECT_FALSE(v.unset("r"));
  EXPECT_STREQ(v.get("r"), "1");
  EXPECT_TRUE(v.readonly("r"));
}

TEST(Vars, SortedAndManyOfThem) {
  Vars v;
  for (int i = 999; i >= 0; --i) v.set(("v" + std::to_string(i)).c_str(), std::to_string(i).c_str());
  EXPECT_EQ(v.size(), 1000u);
  std::string last;
  v.each([&](const char* name, const char*, bool, bool) {
    EXPECT_LT(last, name);
    last = name;
  });
  EXPECT_STREQ(v.get("v500"), "500");
}

TEST(Vars, ExportAndEnvironment) {
  Vars v;
  v.set("A", "1");
  v.set("B", "2");
  v.set_exported("A", true);
  v.set_exported("DECLARED", true);  // export with no value: not in the environment
  EXPECT_TRUE(v.exported("A"));
  EXPECT_FALSE(v.exported("B"));
  EXPECT_EQ(env_of(v), (std::vector<std::string>{"A=1"}));
  EXPECT_EQ(env_of(v, {"A=override", "C=3"}), (std::vector<std::string>{"A=override", "C=3"}));
}

TEST(Vars, ImportTakesTheEnvironment) {
  char a[] = "HOME=/", b[] = "PATH=/proc/boot", c[] = "=bad", d[] = "noequals", e[] = "X=a=b";
  char* env[] = {a, b, c, d, e, nullptr};
  Vars v;
  v.import(env);
  EXPECT_STREQ(v.get("HOME"), "/");
  EXPECT_STREQ(v.get("X"), "a=b");
  EXPECT_TRUE(v.exported("PATH"));
  EXPECT_EQ(v.size(), 3u);
}

TEST(Vars, SubshellCopyIsIndependent) {
  Vars parent;
  parent.set("x", "1");
  parent.set_readonly("x");
  parent.set("y", "2");
  Vars child;
  child.set("junk", "j");
  ASSERT_TRUE(child.copy_from(parent));
  EXPECT_EQ(child.get("junk"), nullptr);
  EXPECT_TRUE(child.readonly("x"));
  child.set("y", "changed");
  EXPECT_STREQ(parent.get("y"), "2");
}

}  // namespace
}  // namespace qsh
