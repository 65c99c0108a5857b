// The line editor key by key: the line it hands back and what it echoes.
#include "user/qsh/line_editor.h"

#include <gtest/gtest.h>

#include <string>

namespace qsh {
namespace {

class LineEditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ed_.start("$ ");
    (void)echo();
  }
  // Feeds every key; the last action.
  LineEditor::Action type(const std::string& keys) {
    LineEditor::Action a = LineEditor::Action::kNone;
    for (char c : keys) a = ed_.feed(static_cast<unsigned char>(c));
    return a;
  }
  std::string echo() {
    std::string out;
    char buf[256];
    while (size_t n = ed_.take_output(buf, sizeof buf)) out.append(buf, n);
    return out;
  }
  std::string line() const { return std::string(ed_.line(), ed_.length()); }

  LineEditor ed_;
};

TEST_F(LineEditorTest, PromptAndTyping) {
  LineEditor fresh;
  fresh.start("qsh$ ");
  char buf[32];
  EXPECT_EQ(std::string(buf, fresh.take_output(buf, sizeof buf)), "qsh$ ");
  EXPECT_EQ(type("ls -l"), LineEditor::Action::kNone);
  EXPECT_EQ(echo(), "ls -l");
  EXPECT_EQ(type("\r"), LineEditor::Action::kLine);
  EXPECT_EQ(line(), "ls -l");
  EXPECT_EQ(echo(), "\r\n");
}

TEST_F(LineEditorTest, NewlineEndsALineToo) {
  EXPECT_EQ(type("a\n"), LineEditor::Action::kLine);
  EXPECT_EQ(line(), "a");
}

TEST_F(LineEditorTest, BackspaceAtTheEnd) {
  type("cat\x7f\x7fp\x08");
  EXPECT_EQ(line(), "c");
  EXPECT_EQ(echo(), "cat\b \b\b \bp\b \b");
  type("\x7f\x7f");  // past the start: nothing
  EXPECT_EQ(line(), "");
}

TEST_F(LineEditorTest, CursorMovesAndInsertsInTheMiddle) {
  type("ac\x1b[D");  // Left
  EXPECT_EQ(ed_.cursor(), 1u);
  (void)echo();
  type("b");
  EXPECT_EQ(line(), "abc");
  EXPECT_EQ(ed_.cursor(), 2u);
  EXPECT_EQ(echo(), "\r$ abc\x1b[K\x1b[1D");  // redrawn, the cursor one back
  type("\x1b[C\x1b[C");  // Right twice: stops at the end
  EXPECT_EQ(ed_.cursor(), 3u);
  type("\x1bOD");  // the application-mode Left
  EXPECT_EQ(ed_.cursor(), 2u);
}

TEST_F(LineEditorTest, HomeEndAndControlKeys) {
  type("hello");
  type("\x01");  // ^A
  EXPECT_EQ(ed_.cursor(), 0u);
  type("\x05");  // ^E
  EXPECT_EQ(ed_.cursor(), 5u);
  type("\x1b[H");
  EXPECT_EQ(ed_.cursor(), 0u);
  type("\x1b[F");
  EXPECT_EQ(ed_.cursor(), 5u);
  type("\x1b[1~");
  EXPECT_EQ(ed_.cursor(), 0u);
  type("\x1b[4~");
  EXPECT_EQ(ed_.cursor(), 5u);
  type("\x02\x02\x06");  // ^B ^B ^F
  EXPECT_EQ(ed_.cursor(), 4u);
}

TEST_F(LineEditorTest, DeleteUnderTheCursor) {
  type("abc\x01\x1b[3~");
  EXPECT_EQ(line(), "bc");
  type("\x04");  // ^D on a non-empty line deletes too
  EXPECT_EQ(line(), "c");
}

TEST_F(LineEditorTest, KillsAndWordErase) {
  type("echo hello world\x17");  // ^W
  EXPECT_EQ(line(), "echo hello ");
  type("\x17");
  EXPECT_EQ(line(), "echo ");
  type("x y\x01\x0b");  // ^A ^K
  EXPECT_EQ(line(), "");
  type("keep cut\x1b[D\x1b[D\x1b[D\x15");  // ^U kills before the cursor
  EXPECT_EQ(line(), "cut");
  EXPECT_EQ(ed_.cursor(), 0u);
}

TEST_F(LineEditorTest, InterruptDropsTheLine) {
  type("rm -rf");
  (void)echo();
  EXPECT_EQ(type("\x03"), LineEditor::Action::kInterrupt);
  EXPECT_EQ(line(), "");
  EXPECT_EQ(echo(), "^C\r\n");
}

TEST_F(LineEditorTest, EofOnlyOnAnEmptyLine) {
  EXPECT_EQ(type("\x04"), LineEditor::Action::kEof);
}

TEST_F(LineEditorTest, HistoryWalksAndKeepsTheTypedLine) {
  ed_.remember("first");
  ed_.remember("second");
  ed_.remember("second");  // a repeat of the last is not kept
  ed_.remember("");
  EXPECT_EQ(ed_.history_size(), 2u);
  type("draft");
  type("\x1b[A");
  EXPECT_EQ(line(), "second");
  type("\x1b[A");
  EXPECT_EQ(line(), "first");
  type("\x1b[A");  // no older
  EXPECT_EQ(line(), "first");
  type("\x1b[B");
  EXPECT_EQ(line(), "second");
  type("\x0e");  // ^N
  EXPECT_EQ(line(), "draft");
  type("\x10");  // ^P
  EXPECT_EQ(line(), "second");
  EXPECT_EQ(ed_.cursor(), 6u);
}

TEST_F(LineEditorTest, HistoryIsBounded) {
  for (size_t i = 0; i < LineEditor::kHistory + 20; ++i) ed_.remember(std::to_string(i).c_str());
  EXPECT_EQ(ed_.history_size(), LineEditor::kHistory);
  for (size_t i = 0; i < LineEditor::kHistory + 5; ++i) type("\x1b[A");
  EXPECT_EQ(line(), "20") << "the oldest kept";
}

TEST_F(LineEditorTest, Utf8MovesAsOneColumn) {
  type("a\xc3\xa9");  // aé
  type("\x1b[D");
  EXPECT_EQ(ed_.cursor(), 1u);
  type("\x1b[C\x7f");
  EXPECT_EQ(line(), "a");
}

TEST_F(LineEditorTest, LinesAreBounded) {
  const std::string big(LineEditor::kMaxLine + 3, 'x');
  type(big);
  EXPECT_EQ(ed_.length(), LineEditor::kMaxLine);
  EXPECT_EQ(echo().back(), '\a');
}

TEST_F(LineEditorTest, UnknownKeysAndSequencesDoNothing) {
  type("a\x1b[Zb\x1b[99999999~c\x07\x1b" "xd");
  EXPECT_EQ(line(), "abcd") << "ESC x is a two-byte sequence we ignore";
}

TEST_F(LineEditorTest, AnUnreadEchoIsBounded) {
  for (int i = 0; i < 20000; ++i) ed_.feed('\x0c');  // ^L redraws, again and again
  EXPECT_LE(echo().size(), LineEditor::kOutput);
}

TEST_F(LineEditorTest, RandomKeysNeverBreakIt) {
  unsigned seed = 12345;
  for (int i = 0; i < 200000; ++i) {
    seed = seed * 1103515245u + 12345u;
    const auto a = ed_.feed(static_cast<unsigned char>(seed >> 16));
    ASSERT_LE(ed_.cursor(), ed_.length());
    ASSERT_EQ(ed_.line()[ed_.length()], '\0');
    if (a == LineEditor::Action::kLine) ed_.remember(ed_.line());
    if (a != LineEditor::Action::kNone) ed_.start("$ ");
    if (i % 64 == 0) (void)echo();
  }
}

}  // namespace
}  // namespace qsh
