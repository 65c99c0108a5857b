// The line discipline byte by byte: what a person typing sees echoed, what
// read() gets, which signal a key raises, and what output processing sends.
#include "user/drivers/io_char/line_discipline.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <string>

namespace qrv_tty {
namespace {

constexpr unsigned char kDel = 0x7f;

class LineDisciplineTest : public ::testing::Test {
 protected:
  // Types each byte; returns the last nonzero signal.
  int type(const std::string& keys) {
    int sig = 0;
    for (char c : keys) {
      const int s = ld_.receive(static_cast<unsigned char>(c));
      if (s != 0) sig = s;
    }
    return sig;
  }
  // Everything queued for the transmitter.
  std::string echoed() {
    std::string out;
    unsigned char buf[64];
    while (size_t n = ld_.take_output(buf, sizeof buf)) out.append(reinterpret_cast<char*>(buf), n);
    return out;
  }
  std::string read(size_t n = 512) {
    unsigned char buf[512];
    const size_t got = ld_.read(buf, n < sizeof buf ? n : sizeof buf);
    return std::string(reinterpret_cast<char*>(buf), got);
  }
  std::string written(const std::string& s) {
    EXPECT_EQ(ld_.write(reinterpret_cast<const unsigned char*>(s.data()), s.size()), s.size());
    return echoed();
  }
  void raw(cc_t vmin, cc_t vtime) {
    termios t = ld_.attr();
    t.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    t.c_cc[VMIN] = vmin;
    t.c_cc[VTIME] = vtime;
    ld_.set_attr(t);
  }
  void set_lflag(tcflag_t on, tcflag_t off) {
    termios t = ld_.attr();
    t.c_lflag = (t.c_lflag | on) & ~off;
    ld_.set_attr(t);
  }

  LineDiscipline ld_;
};

TEST_F(LineDisciplineTest, DefaultsAreASaneTerminal) {
  const termios t = LineDiscipline::defaults();
  EXPECT_TRUE(t.c_lflag & ICANON);
  EXPECT_TRUE(t.c_lflag & ECHO);
  EXPECT_TRUE(t.c_lflag & ISIG);
  EXPECT_TRUE(t.c_iflag & ICRNL);
  EXPECT_TRUE(t.c_oflag & ONLCR);
  EXPECT_EQ(t.c_cc[VINTR], 3);
  EXPECT_EQ(t.c_cc[VEOF], 4);
  EXPECT_EQ(t.c_cc[VERASE], kDel);
  EXPECT_EQ(t.c_cc[VMIN], 1);
  EXPECT_EQ(t.c_ospeed, static_cast<speed_t>(B115200));
}

TEST_F(LineDisciplineTest, CanonicalLineIsReadableOnlyWhenComplete) {
  type("ls");
  EXPECT_FALSE(ld_.read_ready(100));
  EXPECT_EQ(echoed(), "ls");
  type("\r");  // ICRNL: Enter is a newline
  EXPECT_TRUE(ld_.read_ready(100));
  EXPECT_EQ(echoed(), "\r\n");  // ONLCR
  EXPECT_EQ(read(), "ls\n");
  EXPECT_FALSE(ld_.read_ready(100));
}

TEST_F(LineDisciplineTest, OneLinePerReadAndLongLinesInPieces) {
  type("one\ntwo\n");
  EXPECT_EQ(read(), "one\n");
  EXPECT_EQ(read(2), "tw");
  EXPECT_TRUE(ld_.read_ready(1));
  EXPECT_EQ(read(), "o\n");
  EXPECT_FALSE(ld_.read_ready(1));
}

TEST_F(LineDisciplineTest, EraseRemovesAndRubsOut) {
  type("cay");
  ld_.receive(kDel);
  ld_.receive(kDel);
  type("t\n");
  EXPECT_EQ(echoed(), "cay\b \b\b \bt\r\n");
  EXPECT_EQ(read(), "ct\n");
}

TEST_F(LineDisciplineTest, EraseOnAnEmptyLineEchoesNothing) {
  ld_.receive(kDel);
  EXPECT_EQ(echoed(), "");
  type("x\n");
  EXPECT_EQ(read(), "x\n");
}

TEST_F(LineDisciplineTest, EraseWithoutEchoeEchoesTheEraseCharacter) {
  set_lflag(0, ECHOE | ECHOCTL);
  type("ab");
  ld_.receive(kDel);
  EXPECT_EQ(echoed(), "ab\x7f");
}

TEST_F(LineDisciplineTest, ErasingAControlCharacterRubsOutItsCaret) {
  type(std::string("a\x01", 2));  // ^A is echoed as two columns
  ld_.receive(kDel);
  EXPECT_EQ(echoed(), "a^A\b \b\b \b");
}

TEST_F(LineDisciplineTest, ErasingATabBacksUpToWhereItBegan) {
  written("$ ");  // the prompt: the line begins at column 2
  type("ab\t");
  ld_.receive(kDel);
  EXPECT_EQ(echoed(), "ab\t\b\b\b\b");  // from column 8 back to column 4
  type("\n");
  EXPECT_EQ(read(), "ab\n");
}

TEST_F(LineDisciplineTest, EraseTakesAWholeUtf8Character) {
  type("\xc3\xa9");  // é, one column
  ld_.receive(kDel);
  EXPECT_EQ(echoed(), "\xc3\xa9\b \b");
  type("\n");
  EXPECT_EQ(read(), "\n");
}

TEST_F(LineDisciplineTest, KillErasesTheLine) {
  type("abc\x15");  // ^U
  EXPECT_EQ(echoed(), "abc\b \b\b \b\b \b");
  type("d\n");
  EXPECT_EQ(read(), "d\n");
}

TEST_F(LineDisciplineTest, KillWithEchokEchoesANewline) {
  set_lflag(0, ECHOKE);
  type("abc\x15");
  EXPECT_EQ(echoed(), "abc^U\r\n");
  type("\n");
  EXPECT_EQ(read(), "\n");
}

TEST_F(LineDisciplineTest, WordEraseTakesTheLastWordAndItsSpaces) {
  type("echo hello  \x17");  // ^W
  std::string rubouts;
  for (int i = 0; i < 7; ++i) rubouts += "\b \b";  // two spaces, five letters
  EXPECT_EQ(echoed(), "echo hello  " + rubouts);
  type("bye\n");
  EXPECT_EQ(read(), "echo bye\n");
}

TEST_F(LineDisciplineTest, WordEraseNeedsIexten) {
  set_lflag(0, IEXTEN);
  type("a b\x17\n");
  EXPECT_EQ(read(), "a b\x17\n");
}

TEST_F(LineDisciplineTest, LiteralNextTakesTheNextKeyAsIs) {
  type("\x16\x03\n");  // ^V ^C: a ^C in the line, no signal
  EXPECT_EQ(read(), "\x03\n");
  EXPECT_EQ(echoed(), "^\b^C\r\n");
}

TEST_F(LineDisciplineTest, ReprintShowsTheLineAgain) {
  type("abc\x12");  // ^R
  EXPECT_EQ(echoed(), "abc^R\r\nabc");
  type("\n");
  EXPECT_EQ(read(), "abc\n");
}

TEST_F(LineDisciplineTest, EofOnAnEmptyLineReadsAsZeroBytes) {
  type("\x04");
  EXPECT_TRUE(ld_.read_ready(10));
  EXPECT_EQ(read(), "");
  EXPECT_FALSE(ld_.read_ready(10)) << "the EOF mark is consumed by the read";
  EXPECT_EQ(echoed(), "");
}

TEST_F(LineDisciplineTest, EofAfterTextEndsTheLineWithoutADelimiter) {
  type("ab\x04");
  EXPECT_EQ(read(), "ab");
  EXPECT_FALSE(ld_.read_ready(10));
  type("\x04");
  EXPECT_EQ(read(), "");
}

TEST_F(LineDisciplineTest, VeolEndsALineAndStaysInIt) {
  termios t = ld_.attr();
  t.c_cc[VEOL] = ';';
  ld_.set_attr(t);
  type("a;b\n");
  EXPECT_EQ(read(), "a;");
  EXPECT_EQ(read(), "b\n");
}

TEST_F(LineDisciplineTest, DisabledCharactersMatchNothing) {
  termios t = ld_.attr();
  t.c_cc[VINTR] = _POSIX_VDISABLE;
  ld_.set_attr(t);
  EXPECT_EQ(type(std::string("\x03\0\n", 3)), 0);
  EXPECT_EQ(read(), std::string("\x03\0\n", 3));
}

TEST_F(LineDisciplineTest, SignalCharactersRaiseAndFlush) {
  type("partial");
  EXPECT_EQ(type("\x03"), SIGINT);
  EXPECT_EQ(echoed(), "^C") << "the flush dropped the echo of the partial line";
  type("\n");
  EXPECT_EQ(read(), "\n") << "the partial line was flushed";
  EXPECT_EQ(type("\x1c"), SIGQUIT);
  EXPECT_EQ(type("\x1a"), SIGTSTP);
}

TEST_F(LineDisciplineTest, NoflshKeepsInput) {
  set_lflag(NOFLSH, 0);
  type("ab");
  EXPECT_EQ(type("\x03"), SIGINT);
  type("\n");
  EXPECT_EQ(read(), "ab\n");
}

TEST_F(LineDisciplineTest, SignalsNeedIsig) {
  set_lflag(0, ISIG);
  EXPECT_EQ(type("\x03\n"), 0);
  EXPECT_EQ(read(), "\x03\n");
}

TEST_F(LineDisciplineTest, BreakIsAnInterrupt) {
  type("ab");
  EXPECT_EQ(ld_.receive_break(), SIGINT);
  EXPECT_EQ(ld_.input_bytes(), 0u);
  termios t = ld_.attr();
  t.c_iflag |= IGNBRK;
  ld_.set_attr(t);
  EXPECT_EQ(ld_.receive_break(), 0);
}

TEST_F(LineDisciplineTest, InputMapping) {
  termios t = ld_.attr();
  t.c_iflag = (t.c_iflag & ~static_cast<tcflag_t>(ICRNL)) | IGNCR;
  ld_.set_attr(t);
  type("a\r\n");
  EXPECT_EQ(read(), "a\n");
  t.c_iflag = (t.c_iflag & ~static_cast<tcflag_t>(IGNCR)) | INLCR;
  t.c_lflag &= ~static_cast<tcflag_t>(ICANON);
  ld_.set_attr(t);
  type("b\n");
  EXPECT_EQ(read(), "b\r");
  t.c_iflag |= ISTRIP;
  ld_.set_attr(t);
  ld_.receive(0xc1);
  EXPECT_EQ(read(), "A");
}

TEST_F(LineDisciplineTest, NoEchoButEchonl) {
  set_lflag(ECHONL, ECHO);
  type("secret\n");
  EXPECT_EQ(echoed(), "\r\n");
  EXPECT_EQ(read(), "secret\n");
}

TEST_F(LineDisciplineTest, TheLineHoldsMaxCanonBytes) {
  for (size_t i = 0; i < LineDiscipline::kMaxCanon + 10; ++i) ld_.receive('x');
  const std::string echo = echoed();
  EXPECT_EQ(echo.size(), LineDiscipline::kMaxCanon + 10);  // the bell for each byte too many
  EXPECT_EQ(echo.back(), '\a');
  type("\n");
  EXPECT_EQ(read(), std::string(LineDiscipline::kMaxCanon, 'x') + "\n");
}

TEST_F(LineDisciplineTest, UnreadLinesFillTheInputAndNoMore) {
  set_lflag(0, ECHO);
  const std::string line(99, 'l');
  for (int i = 0; i < 60; ++i) type(line + "\n");  // 6,000 bytes into 4,096
  size_t total = 0;
  for (std::string got = read(); !got.empty(); got = read()) {
    EXPECT_EQ(got, line + "\n");
    total += got.size();
  }
  EXPECT_EQ(total, 4000u);  // 40 whole lines, none cut
}

TEST_F(LineDisciplineTest, EofMarksAreBounded) {
  for (size_t i = 0; i < LineDiscipline::kMaxLines + 5; ++i) ld_.receive(4);
  size_t marks = 0;
  while (ld_.read_ready(1)) {
    EXPECT_EQ(read(), "");
    ++marks;
  }
  EXPECT_EQ(marks, LineDiscipline::kMaxLines);
}

TEST_F(LineDisciplineTest, RawModeVmin) {
  raw(3, 0);
  type("ab");
  EXPECT_FALSE(ld_.read_ready(10));
  EXPECT_TRUE(ld_.read_ready(2)) << "a read of 2 is satisfied by 2";
  type("c");
  EXPECT_TRUE(ld_.read_ready(10));
  EXPECT_EQ(read(), "abc");
  EXPECT_EQ(echoed(), "") << "ECHO off";
}

TEST_F(LineDisciplineTest, RawModeVtime) {
  raw(0, 5);
  EXPECT_FALSE(ld_.read_ready(1)) << "waits up to VTIME for a byte";
  type("x");
  EXPECT_TRUE(ld_.read_ready(1));
  raw(0, 0);
  EXPECT_TRUE(ld_.read_ready(1)) << "polling: answered at once";
  EXPECT_EQ(read(), "x");
  EXPECT_TRUE(ld_.read_ready(1));
  EXPECT_EQ(read(), "");
}

TEST_F(LineDisciplineTest, RawModeHasNoEditingButKeepsSignals) {
  raw(1, 0);
  type("a\x7f\x15\x04");
  EXPECT_EQ(read(), "a\x7f\x15\x04");
  EXPECT_EQ(type("\x03"), SIGINT);
}

TEST_F(LineDisciplineTest, ModeChangesKeepTypedInput) {
  type("done\npart");
  raw(1, 0);
  EXPECT_EQ(read(), "done\npart");
  type("xy");
  set_lflag(ICANON, 0);
  EXPECT_TRUE(ld_.read_ready(10)) << "raw input is one pending line";
  EXPECT_EQ(read(), "xy");
  EXPECT_FALSE(ld_.read_ready(10));
}

TEST_F(LineDisciplineTest, FlowControl) {
  written("");
  type("\x13");  // ^S
  EXPECT_TRUE(ld_.output_stopped());
  EXPECT_EQ(ld_.write(reinterpret_cast<const unsigned char*>("hi"), 2), 2u);
  EXPECT_FALSE(ld_.output_pending());
  EXPECT_EQ(echoed(), "");
  type("\x11");  // ^Q
  EXPECT_EQ(echoed(), "hi");
  type("\x13");
  type("z");  // without IXANY any other key does not restart
  EXPECT_TRUE(ld_.output_stopped());
  termios t = ld_.attr();
  t.c_iflag |= IXANY;
  ld_.set_attr(t);
  type("z");
  EXPECT_FALSE(ld_.output_stopped());
  t.c_iflag &= ~static_cast<tcflag_t>(IXON);
  ld_.set_attr(t);
  type("\x13\n");
  EXPECT_FALSE(ld_.output_stopped());
  (void)echoed();
  EXPECT_EQ(read(), "zz\x13\n");
}

TEST_F(LineDisciplineTest, OutputProcessing) {
  EXPECT_EQ(written("a\nb"), "a\r\nb");
  termios t = ld_.attr();
  t.c_oflag |= ONOCR | TAB3;
  ld_.set_attr(t);
  EXPECT_EQ(written("\n\rx\ty\r"), "\r\nx       y\r");  // CR at column 0 dropped, tab to column 8
  t.c_oflag = (t.c_oflag & ~static_cast<tcflag_t>(ONLCR | ONOCR)) | OCRNL;
  ld_.set_attr(t);
  EXPECT_EQ(written("a\rb\n"), "a\nb\n");
  t.c_oflag &= ~static_cast<tcflag_t>(OPOST);
  ld_.set_attr(t);
  EXPECT_EQ(written("\n\r\t"), "\n\r\t");
}

TEST_F(LineDisciplineTest, AFullOutputQueueTakesWhatFits) {
  const std::string big(LineDiscipline::kOutput - 1, 'x');
  EXPECT_EQ(ld_.write(reinterpret_cast<const unsigned char*>(big.data()), big.size()), big.size());
  // "\n" becomes two bytes: it does not fit in the one left, and nothing of it goes in.
  EXPECT_EQ(ld_.write(reinterpret_cast<const unsigned char*>("\n"), 1), 0u);
  EXPECT_EQ(ld_.write(reinterpret_cast<const unsigned char*>("yz"), 2), 1u);
  EXPECT_EQ(ld_.output_queued(), LineDiscipline::kOutput);
  ld_.flush_output();
  EXPECT_EQ(ld_.output_queued(), 0u);
}

TEST_F(LineDisciplineTest, FlushInputDropsEverything) {
  type("line\npartial");
  ld_.flush_input();
  EXPECT_FALSE(ld_.read_ready(1));
  type("\n");
  EXPECT_EQ(read(), "\n");
}

}  // namespace
}  // namespace qrv_tty
