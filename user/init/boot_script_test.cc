// The boot script parser: the default script, every command and modifier,
// and malformed scripts (unknown modifiers, misplaced '&', limits, NUL
// bytes, overlong lines, random bytes) refused with their line number.
#include "user/init/boot_script.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace qrv_init {
namespace {

class BootScriptTest : public ::testing::Test {
 protected:
  bool parse(const std::string& text) {
    script_ = std::make_unique<BootScript>();
    return parse_boot_script(text.data(), text.size(), script_.get(), err_, sizeof err_);
  }
  std::unique_ptr<BootScript> script_;
  char err_[128] = {};
};

TEST_F(BootScriptTest, EveryCommand) {
  ASSERT_TRUE(parse("# init's script\n"
                    "console\n"
                    "\n"
                    "display_msg Welcome   to QRV\n"
                    "devnull &\n"
                    "waitfor /dev/null\n"
                    "waitfor /dev/pipe 0.5   # short\n"
                    "hello a b\n"
                    "[+session] [+respawn] qsh -i &\n"))
      << err_;
  const BootScript& s = *script_;
  ASSERT_EQ(s.nsteps, 7);
  EXPECT_EQ(s.steps[0].kind, StepKind::kConsole);
  EXPECT_EQ(s.steps[1].kind, StepKind::kDisplay);
  EXPECT_STREQ(s.steps[1].text, "Welcome to QRV");
  EXPECT_EQ(s.steps[1].line, 4);
  EXPECT_EQ(s.steps[2].kind, StepKind::kRun);
  EXPECT_TRUE(s.steps[2].background);
  EXPECT_STREQ(s.steps[2].argv[0], "devnull");
  EXPECT_EQ(s.steps[2].argc, 1);
  EXPECT_EQ(s.steps[3].kind, StepKind::kWaitfor);
  EXPECT_STREQ(s.steps[3].argv[0], "/dev/null");
  EXPECT_EQ(s.steps[3].wait_ms, 5000);
  EXPECT_EQ(s.steps[4].wait_ms, 500);
  EXPECT_EQ(s.steps[5].kind, StepKind::kRun);
  EXPECT_FALSE(s.steps[5].background);
  EXPECT_TRUE(s.steps[6].session);
}

TEST_F(BootScriptTest, RunStepsAndModifiers) {
  ASSERT_TRUE(parse("hello a b\n[+session] [+respawn] qsh -i &\n")) << err_;
  const Step& hello = script_->steps[0];
  EXPECT_FALSE(hello.background);
  ASSERT_EQ(hello.argc, 3);
  EXPECT_STREQ(hello.argv[2], "b");
  EXPECT_EQ(hello.argv[3], nullptr);
  const Step& qsh = script_->steps[1];
  EXPECT_TRUE(qsh.session && qsh.respawn && qsh.background);
  ASSERT_EQ(qsh.argc, 2);
  EXPECT_STREQ(qsh.argv[0], "qsh");
  EXPECT_STREQ(qsh.argv[1], "-i");
}

TEST_F(BootScriptTest, EmptyScriptsAreFine) {
  EXPECT_TRUE(parse(""));
  EXPECT_EQ(script_->nsteps, 0);
  EXPECT_TRUE(parse("\n# only a comment\n   \t\n"));
  EXPECT_EQ(script_->nsteps, 0);
}

TEST_F(BootScriptTest, MalformedScriptsNameTheirLine) {
  const struct {
    const char* text;
    const char* err;
  } kBad[] = {
      {"console extra\n", "line 1: console takes no arguments"},
      {"\nwaitfor\n", "line 2: usage: waitfor PATH [SECONDS]"},
      {"waitfor /a b c\n", "line 1: usage: waitfor PATH [SECONDS]"},
      {"waitfor /a -1\n", "line 1: waitfor: not a number of seconds (0 to 3600): -1"},
      {"waitfor /a 5x\n", "line 1: waitfor: not a number of seconds (0 to 3600): 5x"},
      {"waitfor /a nan\n", "line 1: waitfor: not a number of seconds (0 to 3600): nan"},
      {"[+bogus] qsh &\n", "line 1: unknown modifier: [+bogus]"},
      {"[+session] &\n", "line 1: a modifier or '&' without a program"},
      {"&\n", "line 1: a modifier or '&' without a program"},
      {"[+respawn] qsh\n", "line 1: +respawn needs '&'"},
      {"a & b\n", "line 1: '&' must end the line"},
      {"p 1 2 3 4 5 6 7 8\n", "line 1: too many arguments"},
      {"p 1 2 3 4 5 6 7 8 9 10 11\n", "line 1: too many words"},
  };
  for (const auto& b : kBad) {
    EXPECT_FALSE(parse(b.text)) << b.text;
    EXPECT_STREQ(err_, b.err) << b.text;
  }
}

TEST_F(BootScriptTest, LimitsAndBinaryInput) {
  EXPECT_FALSE(parse(std::string("ok\nx") + std::string(300, 'y') + "\n"));
  EXPECT_STREQ(err_, "line 2: line too long");
  EXPECT_FALSE(parse(std::string("hello\0world\n", 12)));
  EXPECT_STREQ(err_, "line 1: a NUL byte");
  std::string many;
  for (int i = 0; i < kMaxSteps + 1; ++i) many += "display_msg x\n";
  EXPECT_FALSE(parse(many));
  EXPECT_STREQ(err_, "line 33: too many commands");
  std::string huge;  // 40 lines of 8 long words: more than the word buffer holds
  for (int i = 0; i < 31; ++i) huge += "p " + std::string(20, 'a') + " " + std::string(20, 'b') + " " + std::string(100, 'c') + " &\n";
  EXPECT_FALSE(parse(huge));
  EXPECT_NE(std::string(err_).find("the script is too long"), std::string::npos) << err_;
}

TEST_F(BootScriptTest, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string text(rng() % 400, '\0');
    for (char& c : text) {
      const unsigned r = rng() % 16;
      c = r < 10 ? "ab &[+]#\n\t"[r] : static_cast<char>(rng());
    }
    if (parse(text)) {
      for (int i = 0; i < script_->nsteps; ++i) {
        const Step& s = script_->steps[i];
        ASSERT_LE(s.argc, kMaxArgs);
        if (s.kind == StepKind::kRun) {
          ASSERT_GE(s.argc, 1);
          ASSERT_EQ(s.argv[s.argc], nullptr);
        }
      }
    }
  }
}

}  // namespace
}  // namespace qrv_init
