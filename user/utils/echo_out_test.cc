// echo's output on the host, through a memory stream.
#include "user/utils/echo_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace utils {
namespace {

std::string echo(std::vector<const char*> args) {
  args.insert(args.begin(), "echo");
  char* buf = nullptr;
  size_t size = 0;
  FILE* f = open_memstream(&buf, &size);
  EXPECT_TRUE(echo_out(static_cast<int>(args.size()), const_cast<char* const*>(args.data()), f));
  fclose(f);
  std::string s(buf, size);
  free(buf);
  return s;
}

TEST(EchoOut, OperandsSeparatedBySpacesAndANewline) {
  EXPECT_EQ(echo({}), "\n");
  EXPECT_EQ(echo({"a", "b c", ""}), "a b c \n");
}

TEST(EchoOut, OnlyAFirstMinusNIsAnOption) {
  EXPECT_EQ(echo({"-n", "x"}), "x");
  EXPECT_EQ(echo({"-n"}), "");
  EXPECT_EQ(echo({"x", "-n"}), "x -n\n");
  EXPECT_EQ(echo({"-e", "a\\nb", "--"}), "-e a\\nb --\n") << "no escapes, no other options";
}

}  // namespace
}  // namespace utils
