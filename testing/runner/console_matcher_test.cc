// ConsoleMatcher: in-order substring matching on partial and complete lines (a match
// consumes its line up to its end), send steps released at the right moment, panic patterns.
#include "testing/runner/console_matcher.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "testing/runner/line_splitter.h"

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

// What a run of the matcher over a console stream did, as console_session drives it: lines
// first, then the partial line, sends taken after each call.
struct Transcript {
  size_t matched = 0;
  bool all_matched = false;
  std::string sends;
  // For each batch of send bytes, the stream offset just past the read that released it.
  std::vector<std::pair<size_t, std::string>> released;
  bool panic = false;
};

std::vector<ExpectStep> steps_of(const std::vector<std::string>& entries) {
  absl::StatusOr<std::vector<ExpectStep>> steps = parse_expect_steps(entries);
  EXPECT_TRUE(steps.ok()) << steps.status();
  return steps.ok() ? *steps : std::vector<ExpectStep>();
}

// Feeds `stream` in reads ending at the offsets in `cuts` (increasing; the end is implied).
Transcript run(const std::vector<std::string>& entries, std::string_view stream,
               const std::vector<size_t>& cuts) {
  ConsoleMatcher m(steps_of(entries), kPanics);
  LineSplitter splitter;
  Transcript t;
  auto take = [&](size_t offset) {
    std::string bytes = m.take_sends();
    if (bytes.empty()) return;
    t.sends += bytes;
    t.released.emplace_back(offset, bytes);
  };
  take(0);
  size_t start = 0;
  std::vector<size_t> ends = cuts;
  ends.push_back(stream.size());
  for (size_t end : ends) {
    for (const std::string& line : splitter.feed(stream.substr(start, end - start))) {
      if (m.on_line(line).verdict == LineVerdict::kPanic) t.panic = true;
      take(end);
    }
    if (splitter.pending_size() > 0) {
      m.on_partial(splitter.partial());
      take(end);
    }
    start = end;
  }
  if (std::optional<std::string> tail = splitter.finish()) {
    if (m.on_line(*tail).verdict == LineVerdict::kPanic) t.panic = true;
    take(stream.size());
  }
  t.matched = m.matched_count();
  t.all_matched = m.all_matched();
  return t;
}

std::vector<size_t> every_byte(std::string_view stream) {
  std::vector<size_t> cuts;
  for (size_t i = 1; i < stream.size(); ++i) cuts.push_back(i);
  return cuts;
}

TEST(ConsoleMatcherTest, PromptWithoutNewlineMatchesAsAPartialLine) {
  ConsoleMatcher m(steps_of({"login: ", "send:root\\r", "# "}), kPanics);
  EXPECT_EQ(m.take_sends(), "");
  EXPECT_EQ(m.on_partial("qrv login").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.take_sends(), "");
  LineResult r = m.on_partial("qrv login: ");
  EXPECT_EQ(r.verdict, LineVerdict::kMatched);
  EXPECT_EQ(r.index, 0u);
  EXPECT_EQ(m.take_sends(), "root\r");
  EXPECT_EQ(m.take_sends(), "");  // Taken once.
  EXPECT_EQ(m.pending(), "# ");
  // The guest echoes the name; the line ends; the shell prompts.
  EXPECT_EQ(m.on_partial("qrv login: root").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.on_line("qrv login: root").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.on_partial("# ").verdict, LineVerdict::kAllMatched);
  EXPECT_TRUE(m.all_matched());
  EXPECT_EQ(m.matched_count(), 2u);
  EXPECT_EQ(m.expected_count(), 2u);  // Sends are not expectations.
}

TEST(ConsoleMatcherTest, PartialMatchIsNotMatchedAgainWhenTheLineCompletes) {
  ConsoleMatcher m({"ok", "ok"}, kPanics);
  EXPECT_EQ(m.on_partial("ok").verdict, LineVerdict::kMatched);
  EXPECT_EQ(m.on_partial("ok").verdict, LineVerdict::kNone);     // Same text again.
  EXPECT_EQ(m.on_line("ok, done").verdict, LineVerdict::kNone);  // Consumed up to "ok".
  EXPECT_EQ(m.on_line("ok").verdict, LineVerdict::kAllMatched);
}

TEST(ConsoleMatcherTest, SeveralExpectationsOnOneLineOnlyOneAfterAnother) {
  ConsoleMatcher m({"a", "b", "c"}, kPanics);
  LineResult r = m.on_line("xa yb zc");
  EXPECT_EQ(r.verdict, LineVerdict::kAllMatched);
  EXPECT_EQ(r.index, 2u);  // The last one matched.

  ConsoleMatcher out_of_order({"b", "a"}, kPanics);
  EXPECT_EQ(out_of_order.on_line("a b").verdict, LineVerdict::kMatched);  // "a" is before "b".
  EXPECT_EQ(out_of_order.pending(), "a");
  EXPECT_EQ(out_of_order.on_line("a").verdict, LineVerdict::kAllMatched);

  ConsoleMatcher twice({"passed", "passed"}, kPanics);
  EXPECT_EQ(twice.on_line("5 passed, 0 failed").verdict, LineVerdict::kMatched);
  EXPECT_EQ(twice.on_line("passed passed").verdict, LineVerdict::kAllMatched);

  ConsoleMatcher overlap({"aa", "a"}, kPanics);  // Matches do not overlap.
  EXPECT_EQ(overlap.on_line("aa").verdict, LineVerdict::kMatched);
  EXPECT_EQ(overlap.on_line("aaa").verdict, LineVerdict::kAllMatched);
}

TEST(ConsoleMatcherTest, SplitsOfTheStreamGiveTheSameResult) {
  const std::vector<std::string> entries = {"boot", "login: ", "send:root\\r", "root",
                                            "# ",   "send:ls\\r", "a", "b", "# "};
  const std::string stream = "OpenSBI\r\nqrv boot ok\nlogin: root\r\n# ls\na b\n# ";
  const Transcript whole = run(entries, stream, {});
  EXPECT_TRUE(whole.all_matched);
  EXPECT_EQ(whole.matched, 7u);
  EXPECT_EQ(whole.sends, "root\rls\r");
  const Transcript bytewise = run(entries, stream, every_byte(stream));
  EXPECT_EQ(bytewise.matched, whole.matched);
  EXPECT_EQ(bytewise.sends, whole.sends);
  for (size_t cut = 1; cut < stream.size(); ++cut) {
    for (size_t cut2 = cut; cut2 < stream.size(); ++cut2) {
      std::vector<size_t> cuts = {cut};
      if (cut2 > cut) cuts.push_back(cut2);
      Transcript t = run(entries, stream, cuts);
      EXPECT_EQ(t.matched, whole.matched) << "cuts at " << cut << ", " << cut2;
      EXPECT_EQ(t.sends, whole.sends) << "cuts at " << cut << ", " << cut2;
      EXPECT_EQ(t.all_matched, whole.all_matched) << "cuts at " << cut << ", " << cut2;
    }
  }
}

TEST(ConsoleMatcherTest, SplitsNeverMatchMoreThanTheWholeLine) {
  // "passed" once per line however the bytes arrive: a second expectation of it needs a
  // second occurrence after the first.
  const std::vector<std::string> entries = {"passed", "passed"};
  const std::string stream = "5 passed, 0 failed\n";
  EXPECT_EQ(run(entries, stream, {}).matched, 1u);
  EXPECT_EQ(run(entries, stream, every_byte(stream)).matched, 1u);
  for (size_t cut = 1; cut < stream.size(); ++cut) {
    EXPECT_EQ(run(entries, stream, {cut}).matched, 1u) << "cut at " << cut;
  }
}

TEST(ConsoleMatcherTest, SendsAreReleasedWhenTheStepBeforeThemMatches) {
  const std::vector<std::string> entries = {"$ ", "send:echo hi\\r", "hi", "send:exit\\r"};
  const std::string stream = "boot\n$ echo hi\nhi\n";
  Transcript t = run(entries, stream, every_byte(stream));
  ASSERT_EQ(t.released.size(), 2u);
  // Byte by byte: as soon as "$ " is complete (offset 7), not before, not at the line's end.
  EXPECT_EQ(t.released[0], (std::pair<size_t, std::string>(7, "echo hi\r")));
  // "hi" is already in the echoed command after the prompt: released at offset 14.
  EXPECT_EQ(t.released[1], (std::pair<size_t, std::string>(14, "exit\r")));
  EXPECT_TRUE(t.all_matched);

  // Nothing before its step: a stream that stops short of "$ " releases nothing.
  EXPECT_TRUE(run(entries, "boot\n$", every_byte("boot\n$")).released.empty());
}

TEST(ConsoleMatcherTest, ConsecutiveSendsGoTogetherAndTrailingSendsAfterTheLastMatch) {
  ConsoleMatcher m(steps_of({"ready", "send:a", "send:b\\n", "x", "send:c"}), kPanics);
  EXPECT_EQ(m.take_sends(), "");
  EXPECT_EQ(m.on_line("ready").verdict, LineVerdict::kMatched);
  EXPECT_EQ(m.take_sends(), "ab\n");
  EXPECT_EQ(m.on_line("x").verdict, LineVerdict::kAllMatched);
  EXPECT_EQ(m.take_sends(), "c");
  EXPECT_TRUE(m.all_matched());
  EXPECT_EQ(m.expected_count(), 2u);
}

TEST(ConsoleMatcherTest, LeadingSendsAreReleasedAtOnce) {
  ConsoleMatcher m(steps_of({"send:\\r", "send:help\\r", "usage"}), kPanics);
  EXPECT_EQ(m.take_sends(), "\rhelp\r");
  EXPECT_EQ(m.pending(), "usage");
  EXPECT_EQ(m.on_line("usage: ...").verdict, LineVerdict::kAllMatched);

  ConsoleMatcher only_sends(steps_of({"send:x"}), kPanics);
  EXPECT_TRUE(only_sends.all_matched());
  EXPECT_EQ(only_sends.expected_count(), 0u);
  EXPECT_EQ(only_sends.take_sends(), "x");
}

TEST(ConsoleMatcherTest, PartialLineWithAPanicMatchesNothingAndTheLineIsThePanic) {
  ConsoleMatcher m(steps_of({"oops", "send:x"}), kPanics);
  EXPECT_EQ(m.on_partial("kernel panic: oops").verdict, LineVerdict::kNone);
  EXPECT_EQ(m.take_sends(), "");
  EXPECT_EQ(m.on_line("kernel panic: oops").verdict, LineVerdict::kPanic);
  EXPECT_EQ(m.take_sends(), "");
  EXPECT_EQ(m.matched_count(), 0u);
}

TEST(ConsoleMatcherTest, PanicInALineAfterAPartialMatchKeepsThatMatch) {
  Transcript t = run({"$ ", "never"}, "$ run\npanic: x\n", {2});
  EXPECT_EQ(t.matched, 1u);
  EXPECT_TRUE(t.panic);
}

}  // namespace
}  // namespace qrv::runner
