// Resource limits on the host: defaults, setrlimit's rules, the stack size.
#include "taskman/rlimit.h"

#include <errno.h>
#include <gtest/gtest.h>

namespace taskman {
namespace {

TEST(Rlimit, DefaultsAreWhatQrvGives) {
  const Rlimits rl = rlimit_defaults();
  EXPECT_EQ(rl.r[_PROC_RLIM_STACK].cur, kStackDefault);
  EXPECT_EQ(rl.r[_PROC_RLIM_STACK].max, kStackMax);
  EXPECT_EQ(rl.r[_PROC_RLIM_NOFILE].cur, 64u);
  EXPECT_EQ(rl.r[_PROC_RLIM_NOFILE].max, 64u);
  EXPECT_EQ(rl.r[_PROC_RLIM_CORE].cur, 0u);
  for (uint32_t r : {_PROC_RLIM_CPU, _PROC_RLIM_DATA, _PROC_RLIM_AS, _PROC_RLIM_NPROC, _PROC_RLIM_FSIZE}) {
    EXPECT_EQ(rl.r[r].cur, kRlimInfinity) << r;
    EXPECT_EQ(rl.r[r].max, kRlimInfinity) << r;
  }
}

TEST(Rlimit, AnyoneLowersOnlyRootRaisesTheMaximum) {
  Rlimits rl = rlimit_defaults();
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_DATA, {1 << 20, 2 << 20}, false), 0);
  EXPECT_EQ(rl.r[_PROC_RLIM_DATA].cur, 1u << 20);
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_DATA, {2 << 20, 2 << 20}, false), 0) << "cur up to max";
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_DATA, {2 << 20, 3 << 20}, false), -EPERM) << "max up: root only";
  EXPECT_EQ(rl.r[_PROC_RLIM_DATA].max, 2u << 20) << "unchanged on error";
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_DATA, {2 << 20, kRlimInfinity}, true), 0);
  EXPECT_EQ(rl.r[_PROC_RLIM_DATA].max, kRlimInfinity);
}

TEST(Rlimit, BadRequestsAreRefused) {
  Rlimits rl = rlimit_defaults();
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_NLIMITS, {0, 0}, true), -EINVAL);
  EXPECT_EQ(rlimit_set(&rl, 0xffffffffu, {0, 0}, true), -EINVAL);
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_AS, {5, 4}, true), -EINVAL) << "cur > max";
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_CPU, {10, kRlimInfinity}, true), -EINVAL) << "CPU time is not measured";
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_CPU, {kRlimInfinity, kRlimInfinity}, true), 0);
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_NOFILE, {64, 65}, true), -EPERM) << "past the kernel's table, even for root";
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_NOFILE, {8, 64}, false), 0);
  EXPECT_EQ(rlimit_set(&rl, _PROC_RLIM_CORE, {1 << 20, kRlimInfinity}, false), 0) << "any core size holds";
}

TEST(Rlimit, TheStackIsCurWithinBounds) {
  Rlimits rl = rlimit_defaults();
  EXPECT_EQ(rlimit_stack_bytes(rl), kStackDefault);
  rl.r[_PROC_RLIM_STACK].cur = 1;
  EXPECT_EQ(rlimit_stack_bytes(rl), kStackMin);
  rl.r[_PROC_RLIM_STACK].cur = 100 * 1024 + 1;
  EXPECT_EQ(rlimit_stack_bytes(rl), 100 * 1024 + 4096u) << "a page multiple";
  rl.r[_PROC_RLIM_STACK].cur = kRlimInfinity;
  EXPECT_EQ(rlimit_stack_bytes(rl), kStackMax);
}

TEST(Rlimit, AllowsIsOverflowSafe) {
  EXPECT_TRUE(rlimit_allows(kRlimInfinity, ~0ull, ~0ull));
  EXPECT_TRUE(rlimit_allows(100, 40, 60));
  EXPECT_FALSE(rlimit_allows(100, 40, 61));
  EXPECT_FALSE(rlimit_allows(100, 101, 0));
  EXPECT_FALSE(rlimit_allows(100, 50, ~0ull));
}

}  // namespace
}  // namespace taskman
