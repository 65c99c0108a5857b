// tr's sets and plans: ranges, classes, escapes, -c -d -s.
#include "user/utils/tr_set.h"

#include <gtest/gtest.h>
#include <string.h>

#include <string>

namespace {

std::string expand(const char* s) {
  utils::TrSet set;
  char err[128];
  EXPECT_TRUE(utils::tr_set_parse(s, &set, err, sizeof err)) << err;
  std::string r(reinterpret_cast<const char*>(set.bytes), set.n);
  utils::tr_set_free(&set);
  return r;
}

std::string error(const char* s) {
  utils::TrSet set;
  char err[128] = "";
  EXPECT_FALSE(utils::tr_set_parse(s, &set, err, sizeof err));
  return err;
}

// tr [-c] [-d] [-s] set1 [set2] over input.
std::string tr(const char* flags, const char* s1, const char* s2, const std::string& input) {
  utils::TrSet a, b;
  char err[128] = "";
  EXPECT_TRUE(utils::tr_set_parse(s1, &a, err, sizeof err));
  if (s2 != nullptr) {
    EXPECT_TRUE(utils::tr_set_parse(s2, &b, err, sizeof err));
  }
  utils::TrPlan plan;
  const bool ok = utils::tr_plan(&plan, strchr(flags, 'c') != nullptr, strchr(flags, 'd') != nullptr,
                                 strchr(flags, 's') != nullptr, a, s2 != nullptr ? &b : nullptr, err, sizeof err);
  std::string out(input.size(), '\0');
  // Two chunks, so squeezing must carry across them.
  const size_t half = input.size() / 2;
  size_t n = ok ? utils::tr_apply(&plan, input.data(), half, out.data()) : 0;
  if (ok) n += utils::tr_apply(&plan, input.data() + half, input.size() - half, out.data() + n);
  utils::tr_set_free(&a);
  if (s2 != nullptr) utils::tr_set_free(&b);
  return ok ? out.substr(0, n) : std::string("error: ") + err;
}

TEST(TrSetTest, RangesEscapesAndClasses) {
  EXPECT_EQ(expand("a-e"), "abcde");
  EXPECT_EQ(expand("x\\n\\t\\\\"), "x\n\t\\");
  EXPECT_EQ(expand("\\101\\60"), "A0");
  EXPECT_EQ(expand("[:digit:]"), "0123456789");
  EXPECT_EQ(expand("[:upper:]").size(), 26u);
  EXPECT_EQ(expand("[:xdigit:]"), "0123456789ABCDEFabcdef");
  EXPECT_EQ(expand("[=e=]"), "e");
  EXPECT_EQ(expand("a-"), "a-");  // a trailing - is itself
  EXPECT_EQ(expand("[x"), "[x");
}

TEST(TrSetTest, BadSets) {
  EXPECT_EQ(error("z-a"), "tr: z-a: range out of order");
  EXPECT_EQ(error("[:vowel:]"), "tr: [:vowel:]: unknown class");
}

TEST(TrSetTest, Translates) {
  EXPECT_EQ(tr("", "a-z", "A-Z", "hello, world"), "HELLO, WORLD");
  EXPECT_EQ(tr("", "[:lower:]", "[:upper:]", "abc"), "ABC");
  EXPECT_EQ(tr("", "abc", "x", "aabbcd"), "xxxxxd");  // the short set2's last byte repeats
  EXPECT_EQ(tr("", ":", "\\n", "a:b"), "a\nb");
}

TEST(TrSetTest, DeletesAndComplements) {
  EXPECT_EQ(tr("d", "aeiou", nullptr, "education"), "dctn");
  EXPECT_EQ(tr("cd", "0-9", nullptr, "a1b2c3\n"), "123");
  EXPECT_EQ(tr("c", "a-z", "_", "ab1 c"), "ab__c");
}

TEST(TrSetTest, Squeezes) {
  EXPECT_EQ(tr("s", " ", nullptr, "a   b  c"), "a b c");
  EXPECT_EQ(tr("s", "a-z", "A-Z", "aabbxx  yy"), "ABX  Y");
  EXPECT_EQ(tr("ds", "0-9", "a", "1aa2aab"), "ab");
  EXPECT_EQ(tr("s", "x", nullptr, "xxxxxxxx"), "x");  // across the two chunks
}

TEST(TrSetTest, Repeats) {
  EXPECT_EQ(expand("[x*3]y"), "xxxy");
  EXPECT_EQ(expand("[x*010]"), "xxxxxxxx");  // octal with a leading 0
  EXPECT_EQ(expand("[\\n*2]"), "\n\n");
  EXPECT_EQ(expand("[x*]"), "");  // grows only against set1
  EXPECT_EQ(error("[x*3a]"), "tr: [x*3a]: bad repeat");
  EXPECT_EQ(error("[x*+3]"), "tr: [x*+3]: bad repeat");
  EXPECT_EQ(error("[x*][y*]"), "tr: only one [c*] in a set");
}

TEST(TrSetTest, FillRepeatGrowsToSetOne) {
  EXPECT_EQ(tr("", "a-f", "[x*]", "abcdefg"), "xxxxxxg");
  EXPECT_EQ(tr("", "a-f", "A[x*]F", "abcdefg"), "AxxxxFg");
  EXPECT_EQ(tr("", "a-c", "AB[x*]", "abc"), "ABx");
  EXPECT_EQ(tr("", "ab", "A[x*]BC", "ab"), "AB");  // nothing to fill: set2 as it is
  EXPECT_EQ(tr("c", "a", "[-*]", "abc"), "a--");
  EXPECT_EQ(tr("", "[x*]", "y", "x"), "error: tr: [c*] belongs in the second set");
}

TEST(TrSetTest, MissingSecondSet) {
  EXPECT_EQ(tr("", "abc", nullptr, "x"), "error: tr: missing second set");
  EXPECT_EQ(tr("ds", "abc", nullptr, "x"), "error: tr: missing second set");
  EXPECT_EQ(tr("", "abc", "", "x"), "error: tr: the second set is empty");
}

}  // namespace
