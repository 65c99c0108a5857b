// grep's line selection (on the host, over glibc's regex; QRV's own is
// differential-tested against it in libc/src/regex).
#include "user/utils/grep_match.h"

#include <gtest/gtest.h>

#include <string.h>

namespace utils {
namespace {

// Whether each of lines is selected by patterns under o, as "1" and "0".
std::string selected(const char* patterns, const GrepOptions& o, std::initializer_list<const char*> lines) {
  GrepMatcher m;
  EXPECT_TRUE(m.add(patterns, strlen(patterns)));
  char msg[128];
  const int e = m.compile(o, msg, sizeof msg);
  if (e != 0) return std::string("error: ") + msg;
  std::string out;
  for (const char* line : lines) out += m.selects(line, strlen(line)) ? '1' : '0';
  return out;
}

TEST(GrepMatch, BasicAndExtended) {
  GrepOptions o;
  EXPECT_EQ(selected("a.c", o, {"abc", "ac", "xaxcx"}), "101");
  EXPECT_EQ(selected("a+", o, {"a", "a+"}), "01") << "+ is ordinary in a BRE";
  o.extended = true;
  EXPECT_EQ(selected("a+", o, {"a", "b"}), "10");
  EXPECT_EQ(selected("a|b", o, {"a", "b", "c"}), "110");
  EXPECT_EQ(selected("^(ab)+$", o, {"abab", "aba"}), "10");
}

TEST(GrepMatch, SeveralPatterns) {
  GrepOptions o;
  EXPECT_EQ(selected("a\nb", o, {"a", "b", "c"}), "110") << "one pattern a line";
  EXPECT_EQ(selected("a\n", o, {"a", "c"}), "10") << "a final newline ends the last";
  EXPECT_EQ(selected("", o, {"a", ""}), "11") << "the empty pattern matches every line";
  GrepMatcher m;
  EXPECT_TRUE(m.add("x", 1));
  EXPECT_TRUE(m.add("y\nz\n", 4));
  EXPECT_EQ(m.count(), 3u);
}

TEST(GrepMatch, Flags) {
  GrepOptions o;
  o.icase = true;
  EXPECT_EQ(selected("abc", o, {"ABC", "aBc", "ab"}), "110");
  o = GrepOptions{};
  o.invert = true;
  EXPECT_EQ(selected("a", o, {"a", "b"}), "01");
  o = GrepOptions{};
  o.whole_line = true;
  EXPECT_EQ(selected("a*", o, {"aaa", "aab", ""}), "101");
  EXPECT_EQ(selected("a\\|ab", o, {"ab"}), "1") << "the longest match decides";
  o.invert = true;
  EXPECT_EQ(selected("a", o, {"a", "ab"}), "01");
}

TEST(GrepMatch, Fixed) {
  GrepOptions o;
  o.fixed = true;
  EXPECT_EQ(selected("a.c", o, {"a.c", "abc", "xa.cx"}), "101");
  EXPECT_EQ(selected("[", o, {"a[b", "ab"}), "10") << "no pattern syntax";
  o.icase = true;
  EXPECT_EQ(selected("AB", o, {"xaby", "xy"}), "10");
  o.whole_line = true;
  EXPECT_EQ(selected("ab", o, {"AB", "abc"}), "10");
  o = GrepOptions{};
  o.fixed = true;
  EXPECT_EQ(selected("", o, {"", "x"}), "11");
}

TEST(GrepMatch, BadPatternsGiveRegerrorsMessage) {
  GrepOptions o;
  EXPECT_EQ(selected("a\\{1", o, {"a"}).rfind("error: ", 0), 0u);
  EXPECT_NE(selected("[a", o, {"a"}).find("[, [^"), std::string::npos) << selected("[a", o, {"a"});
  o.extended = true;
  EXPECT_EQ(selected("ok\n(", o, {"a"}).rfind("error: ", 0), 0u) << "any pattern that fails";
}

}  // namespace
}  // namespace utils
