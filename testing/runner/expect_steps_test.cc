// parse_expect_steps: "send:" entries become decoded send steps, everything else stays an
// expectation verbatim; errors name the entry.
#include "testing/runner/expect_steps.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

using Kind = ExpectStep::Kind;

std::vector<ExpectStep> parsed(const std::vector<std::string>& entries) {
  absl::StatusOr<std::vector<ExpectStep>> steps = parse_expect_steps(entries);
  EXPECT_TRUE(steps.ok()) << steps.status();
  return steps.ok() ? *steps : std::vector<ExpectStep>();
}

std::string error_of(const std::vector<std::string>& entries) {
  absl::StatusOr<std::vector<ExpectStep>> steps = parse_expect_steps(entries);
  EXPECT_EQ(steps.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(steps.status().message());
}

TEST(ExpectStepsTest, ExpectationsAndSendsInOrder) {
  std::vector<ExpectStep> steps =
      parsed({"login:", "send:root\\r", "# ", "send:\\x03", "done \\n stays"});
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[0].kind, Kind::kExpect);
  EXPECT_EQ(steps[0].text, "login:");
  EXPECT_EQ(steps[1].kind, Kind::kSend);
  EXPECT_EQ(steps[1].text, "root\r");
  EXPECT_EQ(steps[2].kind, Kind::kExpect);
  EXPECT_EQ(steps[2].text, "# ");
  EXPECT_EQ(steps[3].kind, Kind::kSend);
  EXPECT_EQ(steps[3].text, "\x03");
  EXPECT_EQ(steps[4].kind, Kind::kExpect);
  EXPECT_EQ(steps[4].text, "done \\n stays");  // Escapes only mean something in sends.
  EXPECT_TRUE(has_send_step(steps));
}

TEST(ExpectStepsTest, OnlyALeadingSendPrefixCounts) {
  std::vector<ExpectStep> steps = parsed({"x send:y", " send:z", "Send:w", "send", "sendx:"});
  ASSERT_EQ(steps.size(), 5u);
  for (const ExpectStep& step : steps) EXPECT_EQ(step.kind, Kind::kExpect) << step.text;
  EXPECT_EQ(steps[0].text, "x send:y");
  EXPECT_FALSE(has_send_step(steps));
}

TEST(ExpectStepsTest, SendKeepsSpacesAndColons) {
  std::vector<ExpectStep> steps = parsed({"send: a:b \\t"});
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].kind, Kind::kSend);
  EXPECT_EQ(steps[0].text, " a:b \t");
}

TEST(ExpectStepsTest, EmptyListAndExpectationsOnly) {
  EXPECT_TRUE(parsed({}).empty());
  EXPECT_FALSE(has_send_step({}));
  std::vector<ExpectStep> steps = expectations_only({"send:x", "b"});
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].kind, Kind::kExpect);
  EXPECT_EQ(steps[0].text, "send:x");  // Not parsed.
}

TEST(ExpectStepsTest, BadEscapeNamesTheEntry) {
  EXPECT_EQ(error_of({"boot", "send:ls\\q"}),
            "expect entry 2 \"send:ls\\q\": unknown escape '\\q' at offset 2 (known: \\n \\r "
            "\\t \\\\ \\xHH)");
  EXPECT_EQ(error_of({"send:\\x1"}),
            "expect entry 1 \"send:\\x1\": \\x at offset 0 needs two hex digits (\\xHH)");
  EXPECT_EQ(error_of({"a", "b", "send:x\\"}),
            "expect entry 3 \"send:x\\\": trailing backslash at offset 1");
}

TEST(ExpectStepsTest, EmptySendIsAnError) {
  EXPECT_EQ(error_of({"send:"}), "expect entry 1 \"send:\": nothing to send (Enter is send:\\r)");
}

}  // namespace
}  // namespace qrv::runner
