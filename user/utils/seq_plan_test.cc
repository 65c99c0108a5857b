// seq's operands, steps and -w.
#include "user/utils/seq_plan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::string seq(std::vector<const char*> ops, bool w = false) {
  utils::SeqPlan p;
  char err[128] = "";
  if (!utils::seq_plan(static_cast<int>(ops.size()), ops.data(), w, &p, err, sizeof err)) return err;
  std::string r;
  bool started = false;
  long long v = 0;
  for (int guard = 0; guard < 100 && utils::seq_next(p, &started, &v); ++guard) {
    char buf[32];
    utils::seq_format(p, v, buf, sizeof buf);
    r += std::string(buf) + " ";
  }
  return r;
}

TEST(SeqPlanTest, OneTwoAndThreeOperands) {
  EXPECT_EQ(seq({"3"}), "1 2 3 ");
  EXPECT_EQ(seq({"4", "6"}), "4 5 6 ");
  EXPECT_EQ(seq({"1", "3", "10"}), "1 4 7 10 ");
  EXPECT_EQ(seq({"5", "-2", "0"}), "5 3 1 ");
  EXPECT_EQ(seq({"-2", "0"}), "-2 -1 0 ");
}

TEST(SeqPlanTest, EmptyWhenFirstIsPastLast) {
  EXPECT_EQ(seq({"0"}), "");
  EXPECT_EQ(seq({"5", "1"}), "");
}

TEST(SeqPlanTest, EqualWidth) {
  EXPECT_EQ(seq({"8", "10"}, true), "08 09 10 ");
  EXPECT_EQ(seq({"-1", "1"}, true), "-1 00 01 ");
}

TEST(SeqPlanTest, StopsAtOverflowInsteadOfWrapping) {
  EXPECT_EQ(seq({"9223372036854775806", "9223372036854775807"}), "9223372036854775806 9223372036854775807 ");
  EXPECT_EQ(seq({"9223372036854775807", "9223372036854775807", "9223372036854775807"}), "9223372036854775807 ");
}

TEST(SeqPlanTest, BadOperands) {
  EXPECT_EQ(seq({"x"}), "seq: x: not an integer");
  EXPECT_EQ(seq({"1", "2.5"}), "seq: 2.5: not an integer");
  EXPECT_EQ(seq({"1", "0", "3"}), "seq: the increment must not be 0");
  EXPECT_EQ(seq({}), "usage: seq [-w] [-s separator] [first [increment]] last");
  EXPECT_EQ(seq({"1", "2", "3", "4"}), "usage: seq [-w] [-s separator] [first [increment]] last");
  EXPECT_EQ(seq({"99999999999999999999"}), "seq: 99999999999999999999: not an integer");
}

}  // namespace
