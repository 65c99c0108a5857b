// LineSplitter: partial lines across feeds, CRLF, stray '\r', long lines, end of stream.
#include "testing/runner/line_splitter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

using Lines = std::vector<std::string>;

TEST(LineSplitterTest, SplitsOnNewline) {
  LineSplitter s;
  EXPECT_EQ(s.feed("a\nbb\n\nccc\n"), (Lines{"a", "bb", "", "ccc"}));
  EXPECT_EQ(s.finish(), std::nullopt);
}

TEST(LineSplitterTest, JoinsPartialLinesAcrossFeeds) {
  LineSplitter s;
  EXPECT_EQ(s.feed("hel"), Lines{});
  EXPECT_EQ(s.pending_size(), 3u);
  EXPECT_EQ(s.feed("lo wo"), Lines{});
  EXPECT_EQ(s.partial(), "hello wo");
  EXPECT_EQ(s.feed("rld\nnext"), Lines{"hello world"});
  EXPECT_EQ(s.partial(), "next");
  EXPECT_EQ(s.finish(), "next");
  EXPECT_EQ(s.finish(), std::nullopt);
}

TEST(LineSplitterTest, StripsCarriageReturnsEvenWhenSplitFromTheirNewline) {
  LineSplitter s;
  EXPECT_EQ(s.feed("one\r"), Lines{});
  EXPECT_EQ(s.feed("\ntw\ro\r\n"), (Lines{"one", "two"}));
}

TEST(LineSplitterTest, ByteAtATime) {
  LineSplitter s;
  Lines all;
  for (char c : std::string("x\r\ny\n")) {
    for (std::string& l : s.feed(std::string(1, c))) all.push_back(l);
  }
  EXPECT_EQ(all, (Lines{"x", "y"}));
}

TEST(LineSplitterTest, CutsLongLinesAtTheLimit) {
  LineSplitter s(4);
  EXPECT_EQ(s.feed("abcdefghij\n"), (Lines{"abcd", "efgh", "ij"}));
  EXPECT_EQ(s.feed("abcd\n"), (Lines{"abcd", ""}));
}

TEST(LineSplitterTest, VeryLongLineKeepsMemoryBounded) {
  LineSplitter s(1024);
  std::string chunk(1000, 'z');
  size_t lines = 0;
  for (int i = 0; i < 1000; ++i) {
    lines += s.feed(chunk).size();
    EXPECT_LT(s.pending_size(), 1024u);
  }
  EXPECT_EQ(lines, 1000u * 1000u / 1024u);
}

TEST(LineSplitterTest, ZeroLimitIsTreatedAsOne) {
  LineSplitter s(0);
  EXPECT_EQ(s.feed("ab"), (Lines{"a", "b"}));
}

TEST(LineSplitterTest, KeepsNulAndHighBytes) {
  LineSplitter s;
  std::string in("a\0b\xff\n", 5);
  Lines out = s.feed(in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], std::string("a\0b\xff", 4));
}

}  // namespace
}  // namespace qrv::runner
