// $((...)): every operator, precedence, constants, variables, assignments,
// short-circuits, and the errors (with a random loop that must not crash).
#include "user/qsh/arith.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace qsh {
namespace {

std::map<std::string, std::string> g_vars;
const char* get(void*, const char* name) {
  auto it = g_vars.find(name);
  return it == g_vars.end() ? nullptr : it->second.c_str();
}
bool set(void*, const char* name, const char* value) {
  if (std::string(name) == "RO") return false;
  g_vars[name] = value;
  return true;
}
const ArithVars kVars = {nullptr, get, set};

std::string g_err;
long long A(const char* e) {
  long long v = -424242;
  char err[128];
  EXPECT_EQ(eval_arith(e, kVars, &v, err, sizeof err), 0) << e << ": " << err;
  return v;
}
bool Err(const char* e) {
  long long v = 0;
  char err[128];
  const bool bad = eval_arith(e, kVars, &v, err, sizeof err) != 0;
  g_err = err;
  return bad;
}

TEST(Arith, ConstantsAndPrecedence) {
  EXPECT_EQ(A(""), 0);
  EXPECT_EQ(A("42"), 42);
  EXPECT_EQ(A("010"), 8);
  EXPECT_EQ(A("0x1F"), 31);
  EXPECT_EQ(A("1 + 2 * 3"), 7);
  EXPECT_EQ(A("(1 + 2) * 3"), 9);
  EXPECT_EQ(A("7 / 2"), 3);
  EXPECT_EQ(A("-7 / 2"), -3);
  EXPECT_EQ(A("-7 % 3"), -1);
  EXPECT_EQ(A("1 << 4 + 1"), 32);
  EXPECT_EQ(A("256 >> 2"), 64);
  EXPECT_EQ(A("1 < 2 == 1"), 1);
  EXPECT_EQ(A("3 <= 3"), 1);
  EXPECT_EQ(A("3 >= 4"), 0);
  EXPECT_EQ(A("5 > 4 > 3"), 0) << "left to right: (5 > 4) > 3";
  EXPECT_EQ(A("6 & 3"), 2);
  EXPECT_EQ(A("6 | 3"), 7);
  EXPECT_EQ(A("6 ^ 3"), 5);
  EXPECT_EQ(A("1 | 2 ^ 3 & 4"), 3);
  EXPECT_EQ(A("~0"), -1);
  EXPECT_EQ(A("!5"), 0);
  EXPECT_EQ(A("!0"), 1);
  EXPECT_EQ(A("- -3"), 3);
  EXPECT_EQ(A("5--3"), 8) << "two minus signs, as dash";
  EXPECT_EQ(A("+4"), 4);
  EXPECT_EQ(A("2 != 3 && 4"), 1);
  EXPECT_EQ(A("0 || 0"), 0);
  EXPECT_EQ(A("1 ? 2 : 3"), 2);
  EXPECT_EQ(A("0 ? 2 : 0 ? 4 : 5"), 5);
}

TEST(Arith, WrapsOnOverflow) {
  EXPECT_EQ(A("9223372036854775807 + 1"), INT64_MIN);
  EXPECT_EQ(A("-9223372036854775807 - 1"), INT64_MIN);
  EXPECT_EQ(A("(-9223372036854775807 - 1) / -1"), INT64_MIN);
  EXPECT_EQ(A("(-9223372036854775807 - 1) % -1"), 0);
  EXPECT_EQ(A("1 << 64"), 1) << "the shift count taken mod 64";
}

TEST(Arith, Variables) {
  g_vars = {{"x", "5"}, {"h", "0x10"}, {"e", ""}, {"neg", "-3"}};
  EXPECT_EQ(A("x * 2"), 10);
  EXPECT_EQ(A("h + unset + e"), 16);
  EXPECT_EQ(A("neg * neg"), 9);
  g_vars["junk"] = "12abc";
  EXPECT_TRUE(Err("junk + 1"));
  EXPECT_EQ(g_err, "arithmetic: junk: not a number");
}

TEST(Arith, Assignments) {
  g_vars = {{"x", "5"}};
  EXPECT_EQ(A("y = 3"), 3);
  EXPECT_EQ(g_vars["y"], "3");
  EXPECT_EQ(A("x += 2"), 7);
  EXPECT_EQ(A("x *= 3"), 21);
  EXPECT_EQ(A("x -= 1"), 20);
  EXPECT_EQ(A("x /= 3"), 6);
  EXPECT_EQ(A("x %= 4"), 2);
  EXPECT_EQ(A("x <<= 3"), 16);
  EXPECT_EQ(A("x >>= 1"), 8);
  EXPECT_EQ(A("x |= 1"), 9);
  EXPECT_EQ(A("x &= 12"), 8);
  EXPECT_EQ(A("x ^= 15"), 7);
  EXPECT_EQ(A("a = b = 4"), 4);
  EXPECT_EQ(g_vars["a"], "4");
  EXPECT_EQ(A("x == 7"), 1) << "== is no assignment";
  EXPECT_TRUE(Err("RO = 1"));
  EXPECT_EQ(g_err, "arithmetic: RO: readonly variable");
  EXPECT_TRUE(Err("x /= 0"));
  EXPECT_EQ(g_err, "arithmetic: division by zero");
}

TEST(Arith, ShortCircuitsSkipTheOtherSide) {
  g_vars = {};
  EXPECT_EQ(A("0 && (a = 1)"), 0);
  EXPECT_EQ(g_vars.count("a"), 0u);
  EXPECT_EQ(A("1 || (b = 1)"), 1);
  EXPECT_EQ(g_vars.count("b"), 0u);
  EXPECT_EQ(A("1 ? (c = 1) : (d = 1)"), 1);
  EXPECT_EQ(g_vars.count("c"), 1u);
  EXPECT_EQ(g_vars.count("d"), 0u);
  EXPECT_EQ(A("0 && 1 / 0"), 0) << "no division by zero where nothing is evaluated";
}

TEST(Arith, Errors) {
  EXPECT_TRUE(Err("1 / 0"));
  EXPECT_EQ(g_err, "arithmetic: division by zero");
  EXPECT_TRUE(Err("1 % 0"));
  EXPECT_TRUE(Err("1 +"));
  EXPECT_TRUE(Err("(1"));
  EXPECT_TRUE(Err("1 )"));
  EXPECT_TRUE(Err("09"));
  EXPECT_TRUE(Err("0xg"));
  EXPECT_TRUE(Err("1 ? 2"));
  EXPECT_TRUE(Err("$x"));
  EXPECT_TRUE(Err("x++"));
  EXPECT_TRUE(Err(std::string(300, 'n').c_str()));
  EXPECT_TRUE(Err((std::string(10000, '(') + "1").c_str()));
  EXPECT_TRUE(Err(std::string(10000, '-').c_str()));
  EXPECT_TRUE(Err(std::string(10000, '!').append("1").c_str()));
}

TEST(Arith, RandomExpressionsNeverCrash) {
  std::mt19937 rng(3);
  const char alphabet[] = "0123456789xy()+-*/%<>=!&|^~?: ";
  g_vars = {{"x", "3"}, {"y", "-2"}};
  for (int i = 0; i < 200000; ++i) {
    std::string e;
    const size_t n = rng() % 24;
    for (size_t k = 0; k < n; ++k) e += alphabet[rng() % (sizeof alphabet - 1)];
    long long v;
    char err[128];
    (void)eval_arith(e.c_str(), kVars, &v, err, sizeof err);
  }
}

}  // namespace
}  // namespace qsh
