// ConsoleTail: keeps the most recent lines, oldest first.
#include "testing/runner/console_tail.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

using Lines = std::vector<std::string>;

TEST(ConsoleTailTest, KeepsEverythingBelowCapacity) {
  ConsoleTail t(3);
  EXPECT_EQ(t.lines(), Lines{});
  t.add("a");
  t.add("b");
  EXPECT_EQ(t.lines(), (Lines{"a", "b"}));
}

TEST(ConsoleTailTest, DropsTheOldest) {
  ConsoleTail t(3);
  for (const char* l : {"1", "2", "3", "4", "5"}) t.add(l);
  EXPECT_EQ(t.lines(), (Lines{"3", "4", "5"}));
  t.add("6");
  t.add("7");
  EXPECT_EQ(t.lines(), (Lines{"5", "6", "7"}));
}

TEST(ConsoleTailTest, ZeroCapacityKeepsOne) {
  ConsoleTail t(0);
  t.add("x");
  t.add("y");
  EXPECT_EQ(t.lines(), Lines{"y"});
}

}  // namespace
}  // namespace qrv::runner
