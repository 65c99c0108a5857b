// ConsoleMatcher: in-order substring matching, one expectation per line, panic patterns.
#include "testing/runner/console_matcher.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

const std::vector<std::string> kPanics = {"panic", "unexpected trap"};

TEST(ConsoleMatcherTest, MatchesInOrderAsSubstrings) {
  ConsoleMatcher m({"boot", "2 passed"}, kPanics);
  EXPECT_EQ(m.pending(), "boot");
  EXPECT_EQ(m.on_line("OpenSBI v1.1").verdict, LineVerdict::kNone);
  LineResult r = m.on_line("[0] qrv boot ok");
  EXPECT_EQ(r.verdict, LineVerdict::kMatched);
  EXPECT_EQ(r.index, 0u);
  EXPECT_EQ(m.pending(), "2 passed");
  r = m.on_line("ktest: 2 passed, 0 failed");
  EXPECT_EQ(r.verdict, LineVerdict::kAllMatched);
  EXPECT_EQ(r.index, 1u);
  EXPECT_TRUE(m.all_matched());
  EXPECT_EQ(m.pending(), "");
  EXPECT_EQ(m.on_line("more").verdict, LineVerdict::kNone);
}

TEST(ConsoleMatcherTest, OutOfOrderLinesDoNotMatch) {
  ConsoleMatcher m({"first", "second"}, kPanics);
  EXPECT_EQ(m.on_line("second").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.on_line("first").verdict, LineVerdict::kMatched);
  EXPECT_FALSE(m.all_matched());
  EXPECT_EQ(m.matched_count(), 1u);
}

TEST(ConsoleMatcherTest, OneLineSatisfiesOneExpectation) {
  ConsoleMatcher m({"boot", "boot ok"}, kPanics);
  EXPECT_EQ(m.on_line("boot ok").verdict, LineVerdict::kMatched);
  EXPECT_EQ(m.pending(), "boot ok");
  EXPECT_EQ(m.on_line("boot ok").verdict, LineVerdict::kAllMatched);
}

TEST(ConsoleMatcherTest, PanicWinsOverAnExpectedLine) {
  ConsoleMatcher m({"oops"}, kPanics);
  LineResult r = m.on_line("kernel panic: oops");
  EXPECT_EQ(r.verdict, LineVerdict::kPanic);
  EXPECT_EQ(r.pattern, "panic");
  EXPECT_EQ(m.matched_count(), 0u);
  EXPECT_EQ(m.on_line("scause=2 unexpected trap").pattern, "unexpected trap");
}

TEST(ConsoleMatcherTest, PanicAfterAllMatchedStillReported) {
  ConsoleMatcher m({"done"}, kPanics);
  EXPECT_EQ(m.on_line("done").verdict, LineVerdict::kAllMatched);
  EXPECT_EQ(m.on_line("panic later").verdict, LineVerdict::kPanic);
}

TEST(ConsoleMatcherTest, EmptyPanicPatternsAreDropped) {
  ConsoleMatcher m({"x"}, {""});
  EXPECT_EQ(m.on_line("anything").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.on_line("x").verdict, LineVerdict::kAllMatched);
}

TEST(ConsoleMatcherTest, NoExpectationsIsAllMatchedFromTheStart) {
  ConsoleMatcher m({}, kPanics);
  EXPECT_TRUE(m.all_matched());
  EXPECT_EQ(m.on_line("hello").verdict, LineVerdict::kNone);
}

TEST(ConsoleMatcherTest, CaseSensitive) {
  ConsoleMatcher m({"PASS"}, {"PANIC"});
  EXPECT_EQ(m.on_line("pass").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.on_line("panic").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.on_line("PASS").verdict, LineVerdict::kAllMatched);
}

}  // namespace
}  // namespace qrv::runner
