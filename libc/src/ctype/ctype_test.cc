// Every ctype function against glibc's (C locale) for EOF and every byte.
#include "libc/src/ctype/ctype_api.h"

#include <ctype.h>
#include <gtest/gtest.h>
#include <stdio.h>

namespace {

TEST(CtypeTest, MatchesGlibcForEveryByteAndEof) {
  for (int c = EOF; c <= 255; ++c) {
    SCOPED_TRACE(c);
    EXPECT_EQ(qrv::libc::isalnum(c) != 0, ::isalnum(c) != 0);
    EXPECT_EQ(qrv::libc::isalpha(c) != 0, ::isalpha(c) != 0);
    EXPECT_EQ(qrv::libc::isblank(c) != 0, ::isblank(c) != 0);
    EXPECT_EQ(qrv::libc::iscntrl(c) != 0, ::iscntrl(c) != 0);
    EXPECT_EQ(qrv::libc::isdigit(c) != 0, ::isdigit(c) != 0);
    EXPECT_EQ(qrv::libc::isgraph(c) != 0, ::isgraph(c) != 0);
    EXPECT_EQ(qrv::libc::islower(c) != 0, ::islower(c) != 0);
    EXPECT_EQ(qrv::libc::isprint(c) != 0, ::isprint(c) != 0);
    EXPECT_EQ(qrv::libc::ispunct(c) != 0, ::ispunct(c) != 0);
    EXPECT_EQ(qrv::libc::isspace(c) != 0, ::isspace(c) != 0);
    EXPECT_EQ(qrv::libc::isupper(c) != 0, ::isupper(c) != 0);
    EXPECT_EQ(qrv::libc::isxdigit(c) != 0, ::isxdigit(c) != 0);
    EXPECT_EQ(qrv::libc::tolower(c), ::tolower(c));
    EXPECT_EQ(qrv::libc::toupper(c), ::toupper(c));
  }
}

TEST(CtypeTest, OutOfRangeArgumentsAreHarmless) {
  for (int c : {-1000, -129, -2, 256, 1 << 20, __INT_MAX__, -__INT_MAX__ - 1}) {
    EXPECT_EQ(qrv::libc::isalpha(c), 0);
    EXPECT_EQ(qrv::libc::isprint(c), 0);
    EXPECT_EQ(qrv::libc::tolower(c), c);
    EXPECT_EQ(qrv::libc::toupper(c), c);
  }
}

}  // namespace
