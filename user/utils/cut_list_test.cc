// cut's lists and line cutting.
#include "user/utils/cut_list.h"

#include <gtest/gtest.h>
#include <stdint.h>

#include <string>

namespace {

utils::CutList parse(const char* s) {
  utils::CutList l;
  char err[128];
  EXPECT_TRUE(utils::cut_list_parse(s, &l, err, sizeof err)) << s;
  return l;
}

std::string parse_error(const char* s) {
  utils::CutList l;
  char err[128] = "";
  EXPECT_FALSE(utils::cut_list_parse(s, &l, err, sizeof err)) << s;
  EXPECT_EQ(l.ranges, nullptr);
  return err;
}

std::string bytes(const char* list, const std::string& line) {
  utils::CutList l = parse(list);
  std::string out(line.size(), '\0');
  out.resize(utils::cut_bytes(l, line.data(), line.size(), out.data()));
  utils::cut_list_free(&l);
  return out;
}

std::string fields(const char* list, char delim, bool suppress, const std::string& line) {
  utils::CutList l = parse(list);
  std::string out(line.size(), '\0');
  const size_t n = utils::cut_fields(l, delim, suppress, line.data(), line.size(), out.data());
  utils::cut_list_free(&l);
  return n == SIZE_MAX ? "<dropped>" : out.substr(0, n);
}

TEST(CutListTest, ParsesSinglesRangesAndOpenEnds) {
  utils::CutList l = parse("1,3-5,7-");
  ASSERT_EQ(l.n, 3u);
  EXPECT_TRUE(utils::cut_list_has(l, 1));
  EXPECT_FALSE(utils::cut_list_has(l, 2));
  EXPECT_TRUE(utils::cut_list_has(l, 4));
  EXPECT_FALSE(utils::cut_list_has(l, 6));
  EXPECT_TRUE(utils::cut_list_has(l, 1000000));
  utils::cut_list_free(&l);
  l = parse("-3 9");
  EXPECT_TRUE(utils::cut_list_has(l, 1));
  EXPECT_TRUE(utils::cut_list_has(l, 3));
  EXPECT_FALSE(utils::cut_list_has(l, 4));
  EXPECT_TRUE(utils::cut_list_has(l, 9));
  utils::cut_list_free(&l);
}

TEST(CutListTest, RejectsBadLists) {
  EXPECT_EQ(parse_error("0"), "cut: 0: positions are numbered from 1");
  EXPECT_EQ(parse_error("5-2"), "cut: 5-2: decreasing range");
  EXPECT_EQ(parse_error("a"), "cut: a: invalid list");
  EXPECT_EQ(parse_error(""), "cut: : invalid list");
  EXPECT_EQ(parse_error("1,,2"), "cut: 1,,2: invalid list");
  EXPECT_EQ(parse_error("-"), "cut: -: invalid list");
  EXPECT_EQ(parse_error("99999999999999999999999"), "cut: 99999999999999999999999: invalid list");
}

TEST(CutListTest, BytesInInputOrderOnce) {
  EXPECT_EQ(bytes("1,3-5", "abcdefg"), "acde");
  EXPECT_EQ(bytes("5,1", "abcdefg"), "ae");
  EXPECT_EQ(bytes("2-3,1-2", "abcdefg"), "abc");
  EXPECT_EQ(bytes("6-", "abcdefg"), "fg");
  EXPECT_EQ(bytes("10", "abc"), "");
}

TEST(CutListTest, FieldsJoinedByTheDelimiter) {
  EXPECT_EQ(fields("2", ':', false, "a:b:c"), "b");
  EXPECT_EQ(fields("1,3", ':', false, "a:b:c"), "a:c");
  EXPECT_EQ(fields("2-", ':', false, "a:b:c"), "b:c");
  EXPECT_EQ(fields("2", ':', false, "a::c"), "");
  EXPECT_EQ(fields("4", ':', false, "a:b:c"), "");
  EXPECT_EQ(fields("1", '\t', false, "x\ty"), "x");
}

TEST(CutListTest, LineWithoutDelimiterIsWholeOrSuppressed) {
  EXPECT_EQ(fields("2", ':', false, "plain"), "plain");
  EXPECT_EQ(fields("2", ':', true, "plain"), "<dropped>");
  EXPECT_EQ(fields("2", ':', true, "a:b"), "b");
}

}  // namespace
