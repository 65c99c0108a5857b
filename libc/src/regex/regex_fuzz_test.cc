// regex never crashes, hangs or overflows the stack: random bytes and
// mutated patterns must compile or fail with a REG_ code; pathological
// patterns must finish quickly (linear matching, capped program size,
// capped nesting, the backtracker's budget).
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "libc/src/regex/regex_api.h"

namespace qrv::libc {
namespace {

int try_pattern(const std::string& pattern, int cflags, const std::vector<std::string>& subjects) {
  Regex re;
  const int e = regcomp(&re, pattern.c_str(), cflags);
  if (e != 0) {
    EXPECT_GE(e, kRegBadpat) << pattern;
    EXPECT_LE(e, kRegBadrpt) << pattern;
    return e;
  }
  for (const std::string& s : subjects) {
    RegMatch m[4];
    const int r = regexec(&re, s.c_str(), 4, m, 0);
    EXPECT_TRUE(r == 0 || r == kRegNomatch || r == kRegEspace) << pattern;
    if (r == 0 && (cflags & kRegNosub) == 0) {  // REG_NOSUB leaves pmatch alone
      EXPECT_LE(m[0].rm_so, m[0].rm_eo);
      EXPECT_LE(m[0].rm_eo, static_cast<RegOff>(s.size()));
      for (int i = 1; i < 4; ++i) {
        if (m[i].rm_so >= 0) {
          EXPECT_GE(m[i].rm_so, m[0].rm_so) << pattern << " on " << s;
          EXPECT_LE(m[i].rm_eo, m[0].rm_eo) << pattern << " on " << s;
        }
      }
    }
  }
  regfree(&re);
  return 0;
}

TEST(RegexFuzz, RandomBytesNeverCrash) {
  std::mt19937 rng(11);
  const std::vector<std::string> subjects = {"", "a", "abcabc", "a\nb\n", "[]{}()*+?.\\^$|", "aaaaaaaaaaaaaaaa"};
  for (int i = 0; i < 40000; ++i) {
    std::string p;
    const size_t n = rng() % 24;
    for (size_t k = 0; k < n; ++k) p += static_cast<char>(1 + rng() % 255);
    try_pattern(p, static_cast<int>(rng() % 16), subjects);
    if (::testing::Test::HasFailure()) break;
  }
}

TEST(RegexFuzz, MutatedPatternsNeverCrash) {
  const std::vector<std::string> seeds = {
      "(a|b)*c",  "\\(a*\\)*\\1", "[[:alpha:]]+[^]a-z]", "a{1,3}(b{2,}|c?)", "^(a(b(c)))$", "[[.a.][=b=]x-y]",
      "a\\{2,3\\}", "(()|a)+",   "x*(x*)\\1",           "[a-",              "\\(\\(\\)\\)",  "((a)|(b))*\\3"};
  const std::string meta = "()[]{}*+?|^$.\\-,:=1a";
  std::mt19937 rng(12);
  const std::vector<std::string> subjects = {"", "ab", "aabbcc", "abcabcx", "a\nb", "xxxxaxx"};
  for (int i = 0; i < 40000; ++i) {
    std::string p = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = p.empty() ? 0 : rng() % (p.size() + 1);
      const char ch = meta[rng() % meta.size()];
      switch (rng() % 3) {
        case 0: p.insert(at, 1, ch); break;
        case 1:
          if (at < p.size()) p.erase(at, 1);
          break;
        default:
          if (at < p.size()) p[at] = ch;
          break;
      }
    }
    try_pattern(p, static_cast<int>(rng() % 16), subjects);
    if (::testing::Test::HasFailure()) break;
  }
}

double seconds_for(const std::string& pattern, int cflags, const std::string& subject, int* result,
                   int* comp = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  Regex re;
  const int e = regcomp(&re, pattern.c_str(), cflags);
  if (comp != nullptr) *comp = e;
  *result = -1;
  if (e == 0) {
    RegMatch m[3];
    *result = regexec(&re, subject.c_str(), 3, m, 0);
    regfree(&re);
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The bounds are loose (ASan builds are slow, the host is shared): they
// catch exponential time, not constant factors.
TEST(RegexFuzz, PathologicalPatternsAreQuick) {
  int r = 0, e = 0;
  const std::string as(20000, 'a');
  EXPECT_LT(seconds_for("(a*)*b", kRegExtended, as, &r), 2.0);
  EXPECT_EQ(r, kRegNomatch);
  EXPECT_LT(seconds_for("(a*)*b", kRegExtended, as + "b", &r), 5.0);
  EXPECT_EQ(r, 0);
  EXPECT_LT(seconds_for("(a|aa)*c", kRegExtended, as, &r), 2.0);
  EXPECT_EQ(r, kRegNomatch);
  EXPECT_LT(seconds_for("(a{1,100}){1,100}", kRegExtended, std::string(1000, 'a'), &r), 10.0);
  EXPECT_EQ(r, 0);
  EXPECT_LT(seconds_for("((a{1,100}){1,100}){1,100}", kRegExtended, "a", &r, &e), 2.0);
  EXPECT_EQ(e, kRegEspace) << "a program past kMaxInsts";
  EXPECT_LT(seconds_for("a{32767}{32767}", kRegExtended, "a", &r, &e), 2.0);
  EXPECT_EQ(e, kRegEspace);
  // Back-references: bounded backtracking, REG_ESPACE past its budget.
  EXPECT_LT(seconds_for("\\(a*\\)*\\1b", 0, std::string(40, 'a'), &r), 5.0);
  EXPECT_TRUE(r == kRegNomatch || r == kRegEspace);
  EXPECT_LT(seconds_for("\\(a*\\)\\1", 0, as, &r), 5.0);
  EXPECT_TRUE(r == 0 || r == kRegEspace);
  // Deep nesting and long patterns: a REG_ code, not a stack overflow.
  EXPECT_LT(seconds_for(std::string(5000, '(') + "a" + std::string(5000, ')'), kRegExtended, "a", &r, &e), 2.0);
  EXPECT_EQ(e, kRegEspace);
  EXPECT_LT(seconds_for(std::string(5000, '\\') + "(", 0, "a", &r, &e), 2.0);
  EXPECT_LT(seconds_for("a" + std::string(5000, '*'), kRegExtended, as, &r, &e), 2.0);
  EXPECT_EQ(e, kRegEspace);
  std::string alt = "a";
  for (int i = 0; i < 3000; ++i) alt += "|a";
  EXPECT_LT(seconds_for("(" + alt + ")*b", kRegExtended, std::string(300, 'a'), &r), 5.0);
  EXPECT_EQ(r, kRegNomatch);
  EXPECT_LT(seconds_for("x(" + alt + ")*", kRegExtended, "x" + std::string(300, 'a'), &r), 5.0);
  EXPECT_EQ(r, 0);
}

}  // namespace
}  // namespace qrv::libc
