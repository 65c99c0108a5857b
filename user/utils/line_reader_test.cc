// LineReader over a pipe: short and long lines, a last line without a
// newline, empty lines, and lines split across reads.
#include "user/utils/line_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace {

std::string lines_of(const std::string& input, size_t chunk) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    for (size_t i = 0; i < input.size(); i += chunk) {
      const size_t n = input.size() - i < chunk ? input.size() - i : chunk;
      EXPECT_EQ(write(fds[1], input.data() + i, n), static_cast<ssize_t>(n));
    }
    close(fds[1]);
  });
  std::string r;
  {
    utils::LineReader in(fds[0]);
    const char* line = nullptr;
    size_t len = 0;
    while (in.next(&line, &len) == 1) r += "[" + std::string(line, len) + (in.had_newline() ? "]\n" : "]");
  }
  writer.join();
  close(fds[0]);
  return r;
}

TEST(LineReaderTest, LinesAndTheLastWithoutNewline) {
  EXPECT_EQ(lines_of("a\nbb\n\nccc", 100), "[a]\n[bb]\n[]\n[ccc]");
  EXPECT_EQ(lines_of("", 100), "");
  EXPECT_EQ(lines_of("\n", 100), "[]\n");
}

TEST(LineReaderTest, LinesSplitAcrossReads) { EXPECT_EQ(lines_of("one\ntwo\nthree\n", 1), "[one]\n[two]\n[three]\n"); }

TEST(LineReaderTest, LinesLongerThanTheBuffer) {
  const std::string big(100000, 'x');
  EXPECT_EQ(lines_of("s\n" + big + "\nt\n", 3000), "[s]\n[" + big + "]\n[t]\n");
}

}  // namespace
