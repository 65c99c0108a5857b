// Hand-written cases for regex: every syntax feature, flag and error code.
#include "libc/src/regex/regex_api.h"

#include <gtest/gtest.h>

#include <string>

namespace qrv::libc {
namespace {

// "so,eo so,eo ..." for each group (0..re_nsub), "nomatch", or "error N".
std::string run(const char* pattern, const char* subject, int cflags = 0, int eflags = 0) {
  Regex re;
  const int e = regcomp(&re, pattern, cflags);
  if (e != 0) return "error " + std::to_string(e);
  RegMatch m[10];
  const int r = regexec(&re, subject, 10, m, eflags);
  std::string out;
  if (r == kRegNomatch) {
    out = "nomatch";
  } else if (r != 0) {
    out = "exec " + std::to_string(r);
  } else {
    for (size_t i = 0; i <= re.re_nsub && i < 10; ++i) {
      if (i > 0) out += ' ';
      out += std::to_string(m[i].rm_so) + "," + std::to_string(m[i].rm_eo);
    }
  }
  regfree(&re);
  return out;
}
std::string ere(const char* p, const char* s, int cflags = 0, int eflags = 0) {
  return run(p, s, cflags | kRegExtended, eflags);
}

TEST(Regex, LiteralsAndDot) {
  EXPECT_EQ(run("abc", "xabcx"), "1,4");
  EXPECT_EQ(run("abc", "abd"), "nomatch");
  EXPECT_EQ(run("a.c", "xabcx"), "1,4");
  EXPECT_EQ(run("", "abc"), "0,0");
  EXPECT_EQ(run("\\.", "a.b"), "1,2");
  EXPECT_EQ(run("\\a", "a"), "0,1") << "an escaped ordinary character is itself";
  EXPECT_EQ(ere("a|b|c", "xc"), "1,2");
  EXPECT_EQ(run("a\\|b", "b"), "0,1") << "GNU's BRE alternation";
}

TEST(Regex, Anchors) {
  EXPECT_EQ(run("^ab", "ab"), "0,2");
  EXPECT_EQ(run("^ab", "xab"), "nomatch");
  EXPECT_EQ(run("ab$", "xab"), "1,3");
  EXPECT_EQ(run("a^b", "a^b"), "0,3") << "a BRE's ^ is literal inside";
  EXPECT_EQ(run("a$b", "a$b"), "0,3") << "a BRE's $ is literal inside";
  EXPECT_EQ(run("^*", "*"), "0,1") << "a BRE's * after ^ is literal";
  EXPECT_EQ(run("^^", "^"), "0,1");
  EXPECT_EQ(run("$$", "$"), "0,1");
  EXPECT_EQ(run("\\(^a\\)", "a"), "0,1 0,1");
  EXPECT_EQ(run("\\(a$\\)", "a"), "0,1 0,1");
  EXPECT_EQ(ere("a^b", "a^b"), "nomatch") << "an ERE's ^ is always an anchor";
  EXPECT_EQ(ere("x$|y", "x"), "0,1");
  EXPECT_EQ(run("^a", "a", 0, kRegNotbol), "nomatch");
  EXPECT_EQ(run("a$", "a", 0, kRegNoteol), "nomatch");
  EXPECT_EQ(run("^$", ""), "0,0");
}

TEST(Regex, Newline) {
  EXPECT_EQ(run("^b", "a\nb"), "nomatch");
  EXPECT_EQ(run("^b", "a\nb", kRegNewline), "2,3");
  EXPECT_EQ(run("a$", "a\nb", kRegNewline), "0,1");
  EXPECT_EQ(run("a.b", "a\nb"), "0,3");
  EXPECT_EQ(run("a.b", "a\nb", kRegNewline), "nomatch");
  EXPECT_EQ(run("a[^x]b", "a\nb", kRegNewline), "nomatch");
  EXPECT_EQ(run("a[^x]b", "a\nb"), "0,3");
  EXPECT_EQ(run("^b", "a\nb", kRegNewline, kRegNotbol), "2,3") << "NOTBOL is only the string's start";
}

TEST(Regex, Brackets) {
  EXPECT_EQ(run("[abc]", "xb"), "1,2");
  EXPECT_EQ(run("[^abc]", "abd"), "2,3");
  EXPECT_EQ(run("[a-c]*", "abcd"), "0,3");
  EXPECT_EQ(run("[]a]*", "]a]b"), "0,3") << "] first is literal";
  EXPECT_EQ(run("[^]a]", "]ab"), "2,3");
  EXPECT_EQ(run("[a-]", "-"), "0,1");
  EXPECT_EQ(run("[--/]", "."), "0,1");
  EXPECT_EQ(run("[\\]", "\\"), "0,1") << "\\ is ordinary inside";
  EXPECT_EQ(run("[[:alpha:]]*", "abC1"), "0,3");
  EXPECT_EQ(run("[[:digit:][:space:]]*", "1 2x"), "0,3");
  EXPECT_EQ(run("[[:upper:]]", "aB"), "1,2");
  EXPECT_EQ(run("[[:lower:]]", "Ab"), "1,2");
  EXPECT_EQ(run("[[:punct:]]", "a!"), "1,2");
  EXPECT_EQ(run("[[:xdigit:]]*", "fF9g"), "0,3");
  EXPECT_EQ(run("[[:alnum:]]*", "a1_"), "0,2");
  EXPECT_EQ(run("[[:blank:]]", "a\t"), "1,2");
  EXPECT_EQ(run("[[:cntrl:]]", "a\x01"), "1,2");
  EXPECT_EQ(run("[[:print:]]", "\x01 "), "1,2");
  EXPECT_EQ(run("[[:graph:]]", " a"), "1,2");
  EXPECT_EQ(run("[[.-.]a]*", "-a-"), "0,3");
  EXPECT_EQ(run("[[.a.]-c]", "b"), "0,1");
  EXPECT_EQ(run("[[=a=]]", "a"), "0,1");
  EXPECT_EQ(run("[A-Z]", "a", kRegIcase), "0,1");
  EXPECT_EQ(run("[^a]", "A", kRegIcase), "nomatch");
}

TEST(Regex, Repetition) {
  EXPECT_EQ(run("ab*c", "ac abbc"), "0,2");
  EXPECT_EQ(run("*a", "*a"), "0,2") << "a BRE's leading * is literal";
  EXPECT_EQ(run("\\(*a\\)", "*a"), "0,2 0,2");
  EXPECT_EQ(run("a\\{2\\}", "aaa"), "0,2");
  EXPECT_EQ(run("a\\{2,\\}", "aaaa"), "0,4");
  EXPECT_EQ(run("a\\{1,2\\}", "aaa"), "0,2");
  EXPECT_EQ(run("a\\{,2\\}", "aaa"), "0,2");
  EXPECT_EQ(run("a\\+", "aa"), "0,2");
  EXPECT_EQ(run("a\\?b", "ab"), "0,2");
  EXPECT_EQ(ere("a+", "baa"), "1,3");
  EXPECT_EQ(ere("a?b", "b"), "0,1");
  EXPECT_EQ(ere("a{2}", "aaa"), "0,2");
  EXPECT_EQ(ere("a{0}b", "ab"), "1,2");
  EXPECT_EQ(ere("(ab){1,2}", "ababab"), "0,4 2,4");
  EXPECT_EQ(ere("a**", "aa"), "0,2");
  EXPECT_EQ(ere("a{1}{2}", "aa"), "0,2");
  EXPECT_EQ(ere("a{,}", "aa"), "0,2");
}

TEST(Regex, LeftmostLongest) {
  EXPECT_EQ(ere("a|ab", "ab"), "0,2");
  EXPECT_EQ(ere("(a|ab)(c|bcd)", "abcd"), "0,4 0,1 1,4");
  EXPECT_EQ(ere("abcd|c", "abcd"), "0,4");
  EXPECT_EQ(ere("b|abc", "abc"), "0,3") << "leftmost first";
  EXPECT_EQ(ere("(a*)(b*)", "aabb"), "0,4 0,2 2,4");
}

TEST(Regex, Submatches) {
  EXPECT_EQ(ere("(a|ab)(c|bcd)(d*)", "abcd"), "0,4 0,2 2,3 3,4") << "each subexpression longest, in order";
  EXPECT_EQ(ere("x*(x*)", "xx"), "0,2 2,2");
  EXPECT_EQ(ere("(a*)*", "b"), "0,0 0,0");
  EXPECT_EQ(ere("(a*)+", "b"), "0,0 0,0");
  EXPECT_EQ(ere("(a|)+", "aa"), "0,2 1,2");
  EXPECT_EQ(ere("(a|b)*c", "abac"), "0,4 2,3") << "the last iteration";
  EXPECT_EQ(ere("(a|(b))*", "ba"), "0,2 1,2 -1,-1") << "\\2 took no part in the last iteration";
  EXPECT_EQ(ere("(a)(b)?", "a"), "0,1 0,1 -1,-1");
  EXPECT_EQ(ere("(a){0}b", "ab"), "1,2 -1,-1");
  EXPECT_EQ(ere("()", "a"), "0,0 0,0");
  EXPECT_EQ(ere("(.*)(b)", "abab"), "0,4 0,3 3,4");
  EXPECT_EQ(run("\\(a\\)\\(b\\)*", "ab"), "0,2 0,1 1,2");
}

TEST(Regex, BackReferences) {
  EXPECT_EQ(run("\\(a*\\)b\\1", "aabaa"), "0,5 0,2");
  EXPECT_EQ(run("\\(.\\)\\1", "abccd"), "2,4 2,3");
  EXPECT_EQ(run("\\(a\\)\\(b\\)\\2\\1", "abba"), "0,4 0,1 1,2");
  EXPECT_EQ(run("\\(a\\|b\\)*\\1", "abb"), "0,3 1,2");
  EXPECT_EQ(run("\\(a\\)\\1", "aA", kRegIcase), "0,2 0,1");
  EXPECT_EQ(ere("(a)(b)\\2", "abb"), "0,3 0,1 1,2") << "also in an ERE, as glibc";
  EXPECT_EQ(run("\\(a\\)*x\\1", "x"), "nomatch") << "a group that took no part matches nothing";
}

TEST(Regex, Flags) {
  EXPECT_EQ(run("ABC", "xabc", kRegIcase), "1,4");
  EXPECT_EQ(run("[[:upper:]]", "a", kRegIcase), "0,1");
  Regex re;
  ASSERT_EQ(regcomp(&re, "\\(a\\)\\(b\\)", kRegNosub), 0);
  EXPECT_EQ(re.re_nsub, 2u) << "REG_NOSUB still counts the groups";
  RegMatch m[1] = {{7, 7}};
  EXPECT_EQ(regexec(&re, "ab", 1, m, 0), 0);
  EXPECT_EQ(m[0].rm_so, 7) << "REG_NOSUB leaves pmatch alone";
  EXPECT_EQ(regexec(&re, "b", 0, nullptr, 0), kRegNomatch);
  regfree(&re);
  ASSERT_EQ(regcomp(&re, "(a)(b)", kRegExtended), 0);
  RegMatch five[5];
  EXPECT_EQ(regexec(&re, "ab", 5, five, 0), 0);
  EXPECT_EQ(five[2].rm_eo, 2);
  EXPECT_EQ(five[3].rm_so, -1) << "past re_nsub: -1";
  EXPECT_EQ(five[4].rm_eo, -1);
  regfree(&re);
}

TEST(Regex, ErrorCodes) {
  EXPECT_EQ(run("[", "a"), "error " + std::to_string(kRegBadpat));
  EXPECT_EQ(run("[[.ab.]]", "a"), "error " + std::to_string(kRegEcollate));
  EXPECT_EQ(run("[[=ab=]]", "a"), "error " + std::to_string(kRegEcollate));
  EXPECT_EQ(run("[[:foo:]]", "a"), "error " + std::to_string(kRegEctype));
  EXPECT_EQ(run("a\\", "a"), "error " + std::to_string(kRegEescape));
  EXPECT_EQ(run("\\(a\\)\\2", "a"), "error " + std::to_string(kRegEsubreg));
  EXPECT_EQ(run("\\(a\\1\\)", "a"), "error " + std::to_string(kRegEsubreg)) << "not yet closed";
  EXPECT_EQ(ere("(a)|\\1", "a"), "error " + std::to_string(kRegEsubreg)) << "another alternative's (glibc)";
  EXPECT_EQ(run("[abc", "a"), "error " + std::to_string(kRegEbrack));
  EXPECT_EQ(run("[]", "a"), "error " + std::to_string(kRegEbrack));
  EXPECT_EQ(run("[[:alpha:", "a"), "error " + std::to_string(kRegEbrack));
  EXPECT_EQ(run("\\(a", "a"), "error " + std::to_string(kRegEparen));
  EXPECT_EQ(run("a\\)", "a"), "error " + std::to_string(kRegEparen));
  EXPECT_EQ(ere("(a", "a"), "error " + std::to_string(kRegEparen));
  EXPECT_EQ(ere("a)", "a)"), "0,2") << "an ERE's unmatched ) is literal (glibc)";
  EXPECT_EQ(run("a\\{1", "a"), "error " + std::to_string(kRegEbrace));
  EXPECT_EQ(ere("a{1,2", "a"), "error " + std::to_string(kRegEbrace));
  EXPECT_EQ(run("a\\{2,1\\}", "a"), "error " + std::to_string(kRegBadbr));
  EXPECT_EQ(ere("a{x}", "a"), "error " + std::to_string(kRegBadbr));
  EXPECT_EQ(ere("a{}", "a"), "error " + std::to_string(kRegBadbr));
  EXPECT_EQ(ere("a{32768}", "a"), "error " + std::to_string(kRegBadbr)) << "past RE_DUP_MAX";
  EXPECT_EQ(run("[z-a]", "a"), "error " + std::to_string(kRegErange));
  EXPECT_EQ(run("[a-c-e]", "a"), "error " + std::to_string(kRegErange));
  EXPECT_EQ(run("[[:alpha:]-z]", "a"), "error " + std::to_string(kRegErange));
  EXPECT_EQ(run("[a-c-", "a"), "error " + std::to_string(kRegErange)) << "glibc's order of checks";
  EXPECT_EQ(run("[?[..]", "a"), "error " + std::to_string(kRegEbrack));
  EXPECT_EQ(run("[[..]]", "a"), "error " + std::to_string(kRegEcollate));
  EXPECT_EQ(run("[[:foo:]", "a"), "error " + std::to_string(kRegEctype));
  EXPECT_EQ(run("[{--", "a"), "error " + std::to_string(kRegErange));
  EXPECT_EQ(ere("((a{1,100}){1,100}){1,100}", "a"), "error " + std::to_string(kRegEspace));
  EXPECT_EQ(ere("*a", "a"), "error " + std::to_string(kRegBadrpt));
  EXPECT_EQ(ere("a|+", "a"), "error " + std::to_string(kRegBadrpt));
  EXPECT_EQ(ere("^*", "a"), "error " + std::to_string(kRegBadrpt));
  EXPECT_EQ(run("\\{1\\}", "a"), "error " + std::to_string(kRegBadrpt));
  EXPECT_EQ(run("a**", "a"), "error " + std::to_string(kRegBadrpt)) << "glibc: a BRE's * repeats once";
  Regex re;
  EXPECT_EQ(regcomp(&re, "a\\{", 0), kRegEbrace);
  EXPECT_EQ(regexec(&re, "a", 0, nullptr, 0), kRegBadpat) << "a pattern that did not compile";
  regfree(&re);
}

TEST(Regex, Messages) {
  char buf[64];
  EXPECT_EQ(regerror(kRegNomatch, nullptr, buf, sizeof buf), sizeof "No match");
  EXPECT_STREQ(buf, "No match");
  EXPECT_EQ(regerror(kRegEbrack, nullptr, buf, 8), sizeof "Unmatched [, [^, [:, [., or [=");
  EXPECT_STREQ(buf, "Unmatch") << "truncated, terminated";
  EXPECT_EQ(regerror(kRegBadrpt, nullptr, nullptr, 0), sizeof "Invalid preceding regular expression");
  for (int e = kRegNomatch; e <= kRegBadrpt; ++e) {
    EXPECT_GT(regerror(e, nullptr, buf, sizeof buf), 4u);
  }
  regerror(99, nullptr, buf, sizeof buf);
  EXPECT_STREQ(buf, "Unknown error");
}

}  // namespace
}  // namespace qrv::libc
