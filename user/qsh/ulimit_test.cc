// ulimit's arguments and units on the host.
#include "user/qsh/ulimit.h"

#include <stdint.h>
#include <sys/resource.h>
#include <gtest/gtest.h>

#include <vector>

namespace qsh {
namespace {

const char* parse(std::vector<const char*> args, UlimitCmd* cmd, const char** bad = nullptr) {
  args.insert(args.begin(), "ulimit");
  const char* where = nullptr;
  const char* err = ulimit_parse(static_cast<int>(args.size()), const_cast<char* const*>(args.data()), cmd, &where);
  if (bad != nullptr) *bad = where;
  return err;
}

TEST(Ulimit, NoArgumentsShowsTheSoftFileSizeLimit) {
  UlimitCmd c;
  ASSERT_EQ(parse({}, &c), nullptr);
  EXPECT_FALSE(c.set);
  EXPECT_FALSE(c.all);
  ASSERT_NE(c.what, nullptr);
  EXPECT_EQ(c.what->resource, RLIMIT_FSIZE);
}

TEST(Ulimit, ValuesAreInTheResourcesUnits) {
  UlimitCmd c;
  ASSERT_EQ(parse({"-s", "4096"}, &c), nullptr);
  EXPECT_EQ(c.what->resource, RLIMIT_STACK);
  EXPECT_TRUE(c.set);
  EXPECT_EQ(c.value, 4096u * 1024u) << "kbytes";
  ASSERT_EQ(parse({"-f", "10"}, &c), nullptr);
  EXPECT_EQ(c.value, 5120u) << "512-byte blocks";
  ASSERT_EQ(parse({"-Hn", "8"}, &c), nullptr);
  EXPECT_TRUE(c.hard);
  EXPECT_FALSE(c.soft);
  EXPECT_EQ(c.what->resource, RLIMIT_NOFILE);
  EXPECT_EQ(c.value, 8u) << "a count";
  ASSERT_EQ(parse({"-S", "-v", "unlimited"}, &c), nullptr);
  EXPECT_TRUE(c.soft);
  EXPECT_EQ(c.value, RLIM_INFINITY);
  ASSERT_EQ(parse({"-a"}, &c), nullptr);
  EXPECT_TRUE(c.all);
}

TEST(Ulimit, BadArgumentsAreUsageErrors) {
  UlimitCmd c;
  const char* bad = nullptr;
  EXPECT_STREQ(parse({"-x"}, &c, &bad), "unknown option");
  EXPECT_STREQ(bad, "-x");
  EXPECT_STREQ(parse({"-n", "-s"}, &c), "one limit at a time");
  EXPECT_STREQ(parse({"-n", "12abc"}, &c, &bad), "not a number");
  EXPECT_STREQ(bad, "12abc");
  EXPECT_STREQ(parse({"-n", ""}, &c), "not a number");
  EXPECT_STREQ(parse({"-n", "-5"}, &c), "unknown option") << "a negative number reads as options";
  EXPECT_STREQ(parse({"-n", "1", "2"}, &c), "too many arguments");
  EXPECT_STREQ(parse({"-a", "5"}, &c), "-a shows; it sets nothing");
  EXPECT_STREQ(parse({"-n", "99999999999999999999999"}, &c), "too large");
  EXPECT_STREQ(parse({"-s", "18014398509481984"}, &c), "too large") << "2^54 KiB overflows in bytes";
  EXPECT_EQ(parse({"-s", "18014398509481983"}, &c), nullptr);
  EXPECT_EQ(parse({"--", "7"}, &c), nullptr);
  EXPECT_EQ(c.value, 7u * 512u);
}

TEST(Ulimit, FormatShowsUnitsOrUnlimited) {
  size_t n = 0;
  const UlimitResource* rs = ulimit_resources(&n);
  ASSERT_GE(n, 8u);
  char buf[32];
  const UlimitResource* stack = nullptr;
  for (size_t i = 0; i < n; ++i) {
    if (rs[i].resource == RLIMIT_STACK) stack = &rs[i];
  }
  ASSERT_NE(stack, nullptr);
  ulimit_format(*stack, 256 * 1024, buf, sizeof buf);
  EXPECT_STREQ(buf, "256");
  ulimit_format(*stack, RLIM_INFINITY, buf, sizeof buf);
  EXPECT_STREQ(buf, "unlimited");
  ulimit_format(*stack, 1023, buf, sizeof buf);
  EXPECT_STREQ(buf, "0") << "rounded down";
}

}  // namespace
}  // namespace qsh
