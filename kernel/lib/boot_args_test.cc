// boot_arg_u64: words, bases, overflow, malformed values, the last word wins.
#include "kernel/lib/boot_args.h"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(BootArgs, FindsDecimalAndHex) {
  uint64_t v = 0;
  ASSERT_TRUE(boot_arg_u64("console=ttyS0 kfuzz.seed=42 quiet", "kfuzz.seed", &v));
  EXPECT_EQ(v, 42u);
  ASSERT_TRUE(boot_arg_u64("a=0x1F", "a", &v));
  EXPECT_EQ(v, 31u);
  ASSERT_TRUE(boot_arg_u64("\ta=18446744073709551615\t", "a", &v));
  EXPECT_EQ(v, UINT64_MAX);
}

TEST(BootArgs, AbsentOrMalformedLeavesValue) {
  uint64_t v = 7;
  EXPECT_FALSE(boot_arg_u64("", "a", &v));
  EXPECT_FALSE(boot_arg_u64(nullptr, "a", &v));
  EXPECT_FALSE(boot_arg_u64("a=1", "", &v));
  EXPECT_FALSE(boot_arg_u64("ab=1", "a", &v));       // another key
  EXPECT_FALSE(boot_arg_u64("xa=1", "a", &v));
  EXPECT_FALSE(boot_arg_u64("a", "a", &v));          // no value
  EXPECT_FALSE(boot_arg_u64("a=", "a", &v));
  EXPECT_FALSE(boot_arg_u64("a=0x", "a", &v));
  EXPECT_FALSE(boot_arg_u64("a=12x", "a", &v));
  EXPECT_FALSE(boot_arg_u64("a=-1", "a", &v));
  EXPECT_FALSE(boot_arg_u64("a=18446744073709551616", "a", &v));  // 2^64
  EXPECT_FALSE(boot_arg_u64("a=0x10000000000000000", "a", &v));
  EXPECT_EQ(v, 7u);
}

TEST(BootArgs, LastGoodWordWins) {
  uint64_t v = 0;
  ASSERT_TRUE(boot_arg_u64("a=1 a=2", "a", &v));
  EXPECT_EQ(v, 2u);
  ASSERT_TRUE(boot_arg_u64("a=1 a=bad", "a", &v));  // a bad later word does not undo a good one
  EXPECT_EQ(v, 1u);
}

TEST(BootArgs, NeverReadsPastTheEnd) {
  // Every prefix of a line, each in its own exact-size allocation (ASan).
  const std::string line = "k=0x12 k=99999999999999999999 k=3";
  for (size_t n = 0; n <= line.size(); ++n) {
    auto* buf = new char[n + 1];
    line.copy(buf, n);
    buf[n] = '\0';
    uint64_t v = 0;
    (void)boot_arg_u64(buf, "k", &v);
    delete[] buf;
  }
}

}  // namespace
