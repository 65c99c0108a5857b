// env's new environment.
#include "user/utils/env_build.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>
#include <vector>

namespace {

std::string build(std::vector<const char*> base, bool clear, std::vector<const char*> assign) {
  base.push_back(nullptr);
  char** env = utils::env_build(const_cast<char* const*>(base.data()), clear, static_cast<int>(assign.size()),
                                const_cast<char* const*>(assign.data()));
  std::string r;
  for (char** e = env; *e != nullptr; ++e) r += std::string(*e) + ";";
  free(env);
  return r;
}

TEST(EnvBuildTest, KeepsAddsAndReplaces) {
  EXPECT_EQ(build({"A=1", "B=2"}, false, {}), "A=1;B=2;");
  EXPECT_EQ(build({"A=1", "B=2"}, false, {"C=3"}), "A=1;B=2;C=3;");
  EXPECT_EQ(build({"A=1", "B=2"}, false, {"A=9"}), "B=2;A=9;");
  EXPECT_EQ(build({"AB=1", "A=2"}, false, {"A=3"}), "AB=1;A=3;");  // a name, not a prefix
}

TEST(EnvBuildTest, ClearStartsEmpty) {
  EXPECT_EQ(build({"A=1"}, true, {}), "");
  EXPECT_EQ(build({"A=1"}, true, {"FOO=1"}), "FOO=1;");
}

TEST(EnvBuildTest, TheLastOfTwiceGivenWins) { EXPECT_EQ(build({}, false, {"X=1", "Y=2", "X=3"}), "Y=2;X=3;"); }

TEST(EnvBuildTest, Assignments) {
  EXPECT_TRUE(utils::env_is_assignment("A=1"));
  EXPECT_TRUE(utils::env_is_assignment("A="));
  EXPECT_FALSE(utils::env_is_assignment("=1"));
  EXPECT_FALSE(utils::env_is_assignment("cmd"));
}

}  // namespace
