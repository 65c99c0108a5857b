// wc's counts and output line.
#include "user/utils/wc_count.h"

#include <gtest/gtest.h>
#include <string.h>

#include <string>

namespace {

utils::WcCounts count(const char* s, size_t split) {
  utils::WcCounts c;
  const size_t n = strlen(s);
  utils::wc_feed(&c, s, split < n ? split : n);
  if (split < n) utils::wc_feed(&c, s + split, n - split);
  return c;
}

std::string format(const utils::WcCounts& c, utils::WcWhich w, const char* name) {
  char buf[128];
  const int n = utils::wc_format(c, w, name, buf, sizeof buf);
  return std::string(buf, static_cast<size_t>(n));
}

TEST(WcCountTest, LinesWordsBytes) {
  utils::WcCounts c = count("hello world\nfoo\n", 100);
  EXPECT_EQ(c.lines, 2u);
  EXPECT_EQ(c.words, 3u);
  EXPECT_EQ(c.bytes, 16u);
  c = count("  a\t\tb  ", 100);
  EXPECT_EQ(c.words, 2u);
  EXPECT_EQ(c.lines, 0u);
  c = count("", 100);
  EXPECT_EQ(c.words, 0u);
  EXPECT_EQ(c.bytes, 0u);
}

TEST(WcCountTest, AWordAcrossChunksCountsOnce) {
  EXPECT_EQ(count("hello world", 3).words, 2u);
  EXPECT_EQ(count("ab cd", 2).words, 2u);
  EXPECT_EQ(count("ab cd", 3).words, 2u);
}

TEST(WcCountTest, FormatChoosesCountsInPosixOrder) {
  utils::WcCounts c = count("a b\nc\n", 100);
  EXPECT_EQ(format(c, {}, nullptr), "2 3 6\n");
  EXPECT_EQ(format(c, {}, "f.txt"), "2 3 6 f.txt\n");
  EXPECT_EQ(format(c, {false, false, true}, nullptr), "6\n");
  EXPECT_EQ(format(c, {true, false, false}, "x"), "2 x\n");
  EXPECT_EQ(format(c, {true, true, false}, nullptr), "2 3\n");
}

TEST(WcCountTest, FormatIntoASmallBufferIsCutNotOverrun) {
  utils::WcCounts c = count("a b\nc\n", 100);
  char buf[4];
  EXPECT_EQ(utils::wc_format(c, {}, "name", buf, sizeof buf), 11);
  EXPECT_STREQ(buf, "2 3");
}

}  // namespace
