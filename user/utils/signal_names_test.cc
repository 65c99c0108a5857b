// Signal names and numbers, both ways.
#include "user/utils/signal_names.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <string.h>

namespace {

TEST(SignalNamesTest, NamesWithAndWithoutSig) {
  EXPECT_EQ(utils::signal_number("TERM"), SIGTERM);
  EXPECT_EQ(utils::signal_number("SIGKILL"), SIGKILL);
  EXPECT_EQ(utils::signal_number("USR1"), SIGUSR1);
  EXPECT_EQ(utils::signal_number("HUP"), SIGHUP);
}

TEST(SignalNamesTest, Numbers) {
  EXPECT_EQ(utils::signal_number("9"), 9);
  EXPECT_EQ(utils::signal_number("0"), 0);
  EXPECT_EQ(utils::signal_number("9x"), -1);
  EXPECT_EQ(utils::signal_number("100000"), -1);
}

TEST(SignalNamesTest, Unknown) {
  EXPECT_EQ(utils::signal_number("BOGUS"), -1);
  EXPECT_EQ(utils::signal_number("term"), -1);
  EXPECT_EQ(utils::signal_number("SIG"), -1);
  EXPECT_EQ(utils::signal_number(""), -1);
}

TEST(SignalNamesTest, NumbersToNames) {
  EXPECT_STREQ(utils::signal_name(SIGINT), "INT");
  EXPECT_STREQ(utils::signal_name(SIGWINCH), "WINCH");
  EXPECT_EQ(utils::signal_name(0), nullptr);
  EXPECT_EQ(utils::signal_name(63), nullptr);
}

TEST(SignalNamesTest, TableRoundTrips) {
  size_t n = 0;
  const utils::SignalName* t = utils::signal_table(&n);
  ASSERT_GT(n, 20u);
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(utils::signal_number(t[i].name), t[i].number);
    EXPECT_STREQ(utils::signal_name(t[i].number), t[i].name);
  }
}

}  // namespace
