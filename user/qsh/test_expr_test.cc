// test's expressions over a fake filesystem: POSIX's argument-count rules,
// the operators, -a/-o/!/( ) precedence, and the errors (status 2).
#include "user/qsh/test_expr.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace qsh {
namespace {

bool fake_stat(const char* path, bool follow, FileInfo* out) {
  const std::string p = path;
  if (p == "/dir") *out = {0040755, 0};
  else if (p == "/file") *out = {0100644, 12};
  else if (p == "/empty") *out = {0100644, 0};
  else if (p == "/tty") *out = {0020666, 0};
  else if (p == "/fifo") *out = {0010600, 0};
  else if (p == "/suid") *out = {0104755, 1};
  else if (p == "/link") *out = follow ? FileInfo{0100644, 12} : FileInfo{0120777, 5};
  else return false;
  return true;
}
bool fake_access(const char* path, int mode) {
  const std::string p = path;
  return (p == "/file" && mode != 1) || p == "/suid" || (p == "/dir" && mode != 2);
}
bool fake_isatty(int fd) { return fd == 0; }
const FileQuery kFiles = {fake_stat, fake_access, fake_isatty};

std::string g_err;
int t(std::initializer_list<const char*> args) {
  std::vector<const char*> v(args);
  char err[200];
  const int r = eval_test(static_cast<int>(v.size()), v.data(), kFiles, err, sizeof err);
  g_err = err;
  return r;
}

TEST(TestExpr, ArgumentCounts) {
  EXPECT_EQ(t({}), 1);
  EXPECT_EQ(t({"x"}), 0);
  EXPECT_EQ(t({""}), 1);
  EXPECT_EQ(t({"-n"}), 0) << "one argument: a non-empty string, even an operator";
  EXPECT_EQ(t({"!"}), 0);
  EXPECT_EQ(t({"!", ""}), 0);
  EXPECT_EQ(t({"!", "x"}), 1);
  EXPECT_EQ(t({"=", "=", "="}), 0) << "three arguments: a binary operator in the middle wins";
  EXPECT_EQ(t({"!", "=", "x"}), 1) << "a binary operator in the middle: the string ! is not x";
  EXPECT_EQ(t({"!", "-z", "x"}), 0) << "no binary operator in the middle: ! negates -z x";
  EXPECT_EQ(t({"(", "x", ")"}), 0);
  EXPECT_EQ(t({"(", "", ")"}), 1);
  EXPECT_EQ(t({"!", "a", "=", "a"}), 1);
  EXPECT_EQ(t({"(", "-n", "x", ")"}), 0);
}

TEST(TestExpr, Strings) {
  EXPECT_EQ(t({"-n", "a"}), 0);
  EXPECT_EQ(t({"-n", ""}), 1);
  EXPECT_EQ(t({"-z", ""}), 0);
  EXPECT_EQ(t({"-z", "a"}), 1);
  EXPECT_EQ(t({"abc", "=", "abc"}), 0);
  EXPECT_EQ(t({"abc", "!=", "abc"}), 1);
  EXPECT_EQ(t({"abc", "==", "abd"}), 1);
  EXPECT_EQ(t({"abc", "<", "abd"}), 0);
  EXPECT_EQ(t({"b", ">", "a"}), 0);
}

TEST(TestExpr, Integers) {
  EXPECT_EQ(t({"1", "-eq", "1"}), 0);
  EXPECT_EQ(t({" 7 ", "-eq", "+7"}), 0);
  EXPECT_EQ(t({"-3", "-lt", "2"}), 0);
  EXPECT_EQ(t({"3", "-le", "3"}), 0);
  EXPECT_EQ(t({"3", "-gt", "3"}), 1);
  EXPECT_EQ(t({"4", "-ge", "3"}), 0);
  EXPECT_EQ(t({"4", "-ne", "3"}), 0);
  EXPECT_EQ(t({"9223372036854775807", "-gt", "-9223372036854775808"}), 0);
}

TEST(TestExpr, IntegerErrors) {
  EXPECT_EQ(t({"abc", "-eq", "1"}), 2);
  EXPECT_EQ(g_err, "test: abc: integer expected");
  EXPECT_EQ(t({"1", "-eq", "1x"}), 2);
  EXPECT_EQ(t({"1", "-eq", ""}), 2);
  EXPECT_EQ(t({"9223372036854775808", "-eq", "1"}), 2);
  EXPECT_EQ(g_err, "test: 9223372036854775808: out of range");
  EXPECT_EQ(t({"99999999999999999999999", "-eq", "1"}), 2);
  EXPECT_EQ(t({"-t", "x"}), 2);
}

TEST(TestExpr, Files) {
  EXPECT_EQ(t({"-e", "/file"}), 0);
  EXPECT_EQ(t({"-e", "/nothing"}), 1);
  EXPECT_EQ(t({"-f", "/file"}), 0);
  EXPECT_EQ(t({"-f", "/dir"}), 1);
  EXPECT_EQ(t({"-d", "/dir"}), 0);
  EXPECT_EQ(t({"-c", "/tty"}), 0);
  EXPECT_EQ(t({"-p", "/fifo"}), 0);
  EXPECT_EQ(t({"-b", "/tty"}), 1);
  EXPECT_EQ(t({"-s", "/file"}), 0);
  EXPECT_EQ(t({"-s", "/empty"}), 1);
  EXPECT_EQ(t({"-u", "/suid"}), 0);
  EXPECT_EQ(t({"-g", "/suid"}), 1);
  EXPECT_EQ(t({"-h", "/link"}), 0);
  EXPECT_EQ(t({"-L", "/file"}), 1);
  EXPECT_EQ(t({"-f", "/link"}), 0) << "-f follows the link";
  EXPECT_EQ(t({"-r", "/file"}), 0);
  EXPECT_EQ(t({"-w", "/file"}), 0);
  EXPECT_EQ(t({"-x", "/file"}), 1);
  EXPECT_EQ(t({"-x", "/dir"}), 0);
  EXPECT_EQ(t({"-t", "0"}), 0);
  EXPECT_EQ(t({"-t", "1"}), 1);
}

TEST(TestExpr, AndOrNotParentheses) {
  EXPECT_EQ(t({"a", "-a", "b", "-a", ""}), 1);
  EXPECT_EQ(t({"", "-o", "", "-o", "x"}), 0);
  EXPECT_EQ(t({"x", "-o", "", "-a", ""}), 0) << "-a binds tighter than -o";
  EXPECT_EQ(t({"(", "x", "-o", "", ")", "-a", ""}), 1);
  EXPECT_EQ(t({"!", "-f", "/dir", "-a", "-d", "/dir"}), 0);
  EXPECT_EQ(t({"!", "!", "!", "", "-a", "x"}), 0);
  EXPECT_EQ(t({"-n", "x", "-a", "1", "-eq", "1"}), 0);
}

TEST(TestExpr, SyntaxErrors) {
  EXPECT_EQ(t({"-q", "x"}), 2);
  EXPECT_EQ(g_err, "test: -q: unary operator expected");
  EXPECT_EQ(t({"(", "x", "-a", "y"}), 2);
  EXPECT_EQ(t({"a", "b", "c", "d", "e"}), 2);
  EXPECT_EQ(t({"x", "-a"}), 2) << "two arguments, -a is no unary operator";
  EXPECT_EQ(t({"x", "-a", "y", "-o"}), 2);
}

TEST(TestExpr, DeepNestingIsAnErrorNotACrash) {
  std::vector<const char*> v(100000, "!");
  v.push_back("x");
  v.push_back("-a");
  v.push_back("y");
  char err[200];
  EXPECT_EQ(eval_test(static_cast<int>(v.size()), v.data(), kFiles, err, sizeof err), 2);
  std::vector<const char*> parens(50000, "(");
  parens.push_back("x");
  EXPECT_EQ(eval_test(static_cast<int>(parens.size()), parens.data(), kFiles, err, sizeof err), 2);
}

}  // namespace
}  // namespace qsh
