// sort's comparison and stable merge sort.
#include "user/utils/sort_lines.h"

#include <gtest/gtest.h>
#include <string.h>

#include <string>
#include <vector>

namespace {

std::string sorted(std::vector<const char*> in, const utils::SortOptions& o = {}) {
  std::vector<utils::SortLine> lines, scratch(in.size());
  for (const char* s : in) lines.push_back({s, strlen(s)});
  const size_t n = utils::sort_lines(lines.data(), scratch.data(), lines.size(), o);
  std::string r;
  for (size_t i = 0; i < n; ++i) r += std::string(lines[i].s, lines[i].n) + "|";
  return r;
}

TEST(SortLinesTest, Bytewise) {
  EXPECT_EQ(sorted({"pear", "apple", "Zoo", "apple", "app"}), "Zoo|app|apple|apple|pear|");
  EXPECT_EQ(sorted({}), "");
  EXPECT_EQ(sorted({"one"}), "one|");
}

TEST(SortLinesTest, ReverseAndNumeric) {
  utils::SortOptions o;
  o.numeric = true;
  EXPECT_EQ(sorted({"10", "9", "-3", "2.5", " 7", "x"}, o), "-3|x|2.5| 7|9|10|");
  o.reverse = true;
  EXPECT_EQ(sorted({"1", "2", "3", "4", "5"}, o), "5|4|3|2|1|");
  utils::SortOptions r;
  r.reverse = true;
  EXPECT_EQ(sorted({"b", "a", "c"}, r), "c|b|a|");
}

TEST(SortLinesTest, EqualKeysFallBackToWholeLines) {
  utils::SortOptions o;
  o.numeric = true;
  EXPECT_EQ(sorted({"1b", "1a", "01c"}, o), "01c|1a|1b|");
}

TEST(SortLinesTest, UniqueKeepsTheFirstOfEqualKeys) {
  utils::SortOptions o;
  o.unique = true;
  EXPECT_EQ(sorted({"b", "a", "b", "a", "c"}, o), "a|b|c|");
  o.numeric = true;
  EXPECT_EQ(sorted({"2x", "1", "02y", "3"}, o), "1|2x|3|");  // stable: 2x came first
}

TEST(SortLinesTest, KeyFieldsWithSeparator) {
  utils::SortOptions o;
  ASSERT_TRUE(utils::sort_parse_key("2", &o));
  o.separator = ':';
  EXPECT_EQ(sorted({"a:3:x", "b:1:y", "c:2:z"}, o), "b:1:y|c:2:z|a:3:x|");
  ASSERT_TRUE(utils::sort_parse_key("2,2", &o));
  o.numeric = true;
  EXPECT_EQ(sorted({"a:10:x", "b:9:y", "c:"}, o), "c:|b:9:y|a:10:x|");
}

TEST(SortLinesTest, KeyFieldsWithBlanks) {
  utils::SortOptions o;
  ASSERT_TRUE(utils::sort_parse_key("2,2", &o));
  o.numeric = true;
  EXPECT_EQ(sorted({"x  30 a", "y 4 b", "z"}, o), "z|y 4 b|x  30 a|");
}

TEST(SortLinesTest, StableForEqualLines) {
  // Equal keys and equal lines: the input order stays (pointers differ).
  const char* a = "same";
  const char* b = "same";
  std::vector<utils::SortLine> lines = {{b, 4}, {a, 4}}, scratch(2);
  utils::sort_lines(lines.data(), scratch.data(), 2, {});
  EXPECT_EQ(lines[0].s, b);
}

TEST(SortLinesTest, ManyLinesInOrder) {
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back(std::to_string((i * 7919) % 1000));
  std::vector<const char*> in;
  for (auto& w : words) in.push_back(w.c_str());
  utils::SortOptions o;
  o.numeric = true;
  std::string expect;
  for (int i = 0; i < 1000; ++i) expect += std::to_string(i) + "|";
  EXPECT_EQ(sorted(in, o), expect);
}

TEST(SortLinesTest, BadKeys) {
  utils::SortOptions o;
  EXPECT_FALSE(utils::sort_parse_key("0", &o));
  EXPECT_FALSE(utils::sort_parse_key("x", &o));
  EXPECT_FALSE(utils::sort_parse_key("2,", &o));
  EXPECT_FALSE(utils::sort_parse_key("1.2", &o));
  EXPECT_FALSE(utils::sort_parse_key("", &o));
}

}  // namespace
