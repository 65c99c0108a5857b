// Scheduling decisions: preemption on wake-up, round-robin slicing on the
// tick (FIFO never sliced), and the SMP choice of the hart to preempt.
#include "kernel/sched/sched_decisions.h"

#include <gtest/gtest.h>

#include <array>

namespace {

SchedEntity make(uint8_t priority, SchedPolicy policy) {
  SchedEntity e;
  e.priority_ = priority;
  e.policy_ = policy;
  e.state_ = STATE_RUNNING;
  return e;
}

TEST(ShouldPreemptTest, OnlyAStrictlyHigherPriorityPreempts) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kFifo);
  EXPECT_FALSE(should_preempt(running, q));  // nothing ready
  SchedEntity lower = make(9, SchedPolicy::kRoundRobin);
  q.push_back(lower);
  EXPECT_FALSE(should_preempt(running, q));
  SchedEntity equal = make(10, SchedPolicy::kRoundRobin);
  q.push_back(equal);
  EXPECT_FALSE(should_preempt(running, q));
  SchedEntity higher = make(11, SchedPolicy::kRoundRobin);
  q.push_back(higher);
  EXPECT_TRUE(should_preempt(running, q));
}

TEST(ShouldPreemptTest, IdleIsPreemptedByAnyThread) {
  ReadyQueue q;
  SchedEntity idle = make(kIdlePriority, SchedPolicy::kFifo);
  SchedEntity one = make(1, SchedPolicy::kRoundRobin);
  q.push_back(one);
  EXPECT_TRUE(should_preempt(idle, q));
}

TEST(OnTickTest, FifoIsNeverSliced) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kFifo);
  SchedEntity peer = make(10, SchedPolicy::kFifo);
  q.push_back(peer);
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(on_tick(running, q), TickResult::kContinue) << "tick " << i;
  }
  EXPECT_EQ(running.slice_left_, kRoundRobinSliceTicks);
}

TEST(OnTickTest, RoundRobinRotatesAfterItsSliceWhenAPeerIsReady) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kRoundRobin);
  SchedEntity peer = make(10, SchedPolicy::kRoundRobin);
  q.push_back(peer);
  for (uint32_t i = 1; i < kRoundRobinSliceTicks; ++i) {
    ASSERT_EQ(on_tick(running, q), TickResult::kContinue) << "tick " << i;
    ASSERT_EQ(running.slice_left_, kRoundRobinSliceTicks - i);
  }
  EXPECT_EQ(on_tick(running, q), TickResult::kRotate);
  EXPECT_EQ(running.slice_left_, kRoundRobinSliceTicks);  // refilled for next time
}

TEST(OnTickTest, RoundRobinAloneKeepsRunningWithAFreshSlice) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kRoundRobin);
  SchedEntity lower = make(9, SchedPolicy::kRoundRobin);
  q.push_back(lower);  // lower priorities never take the hart on a tick
  for (uint32_t i = 0; i < 3 * kRoundRobinSliceTicks; ++i) {
    ASSERT_EQ(on_tick(running, q), TickResult::kContinue) << "tick " << i;
  }
  EXPECT_EQ(running.slice_left_, kRoundRobinSliceTicks);
}

TEST(OnTickTest, OtherIsScheduledLikeRoundRobin) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kOther);
  SchedEntity peer = make(10, SchedPolicy::kFifo);
  q.push_back(peer);
  for (uint32_t i = 1; i < kRoundRobinSliceTicks; ++i) {
    ASSERT_EQ(on_tick(running, q), TickResult::kContinue);
  }
  EXPECT_EQ(on_tick(running, q), TickResult::kRotate);
}

TEST(OnTickTest, HigherPriorityPreemptsWithTheSliceKept) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kRoundRobin);
  SchedEntity higher = make(11, SchedPolicy::kFifo);
  q.push_back(higher);
  EXPECT_EQ(on_tick(running, q), TickResult::kPreempt);
  EXPECT_EQ(running.slice_left_, kRoundRobinSliceTicks - 1);
  SchedEntity fifo = make(10, SchedPolicy::kFifo);
  EXPECT_EQ(on_tick(fifo, q), TickResult::kPreempt);
}

TEST(OnTickTest, SliceExpiringUnderAHigherPriorityRotates) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kRoundRobin);
  running.slice_left_ = 1;
  SchedEntity higher = make(11, SchedPolicy::kRoundRobin);
  q.push_back(higher);
  // Its slice is used up, so it goes behind its equals rather than in front.
  EXPECT_EQ(on_tick(running, q), TickResult::kRotate);
}

TEST(OnTickTest, ZeroSliceExpiresAtOnce) {
  ReadyQueue q;
  SchedEntity running = make(10, SchedPolicy::kRoundRobin);
  running.slice_left_ = 0;
  SchedEntity peer = make(10, SchedPolicy::kRoundRobin);
  q.push_back(peer);
  EXPECT_EQ(on_tick(running, q), TickResult::kRotate);
  EXPECT_EQ(running.slice_left_, kRoundRobinSliceTicks);
}

// A whole round-robin cycle driven the way the kernel will drive it.
TEST(OnTickTest, ThreeRoundRobinPeersShareTheHartInTurn) {
  ReadyQueue q;
  std::array<SchedEntity, 3> peers = {make(5, SchedPolicy::kRoundRobin),
                                      make(5, SchedPolicy::kRoundRobin),
                                      make(5, SchedPolicy::kRoundRobin)};
  q.push_back(peers[1]);
  q.push_back(peers[2]);
  SchedEntity* running = &peers[0];
  std::array<int, 3> ticks_run = {0, 0, 0};
  std::array<size_t, 7> order{};
  size_t switches = 0;
  for (uint32_t tick = 0; tick < 6 * kRoundRobinSliceTicks; ++tick) {
    ++ticks_run[static_cast<size_t>(running - peers.data())];
    if (on_tick(*running, q) == TickResult::kRotate) {
      q.push_back(*running);
      running = q.pop_highest();
      order[switches++] = static_cast<size_t>(running - peers.data());
    }
  }
  EXPECT_EQ(switches, 6u);
  EXPECT_EQ(order[0], 1u);
  EXPECT_EQ(order[1], 2u);
  EXPECT_EQ(order[2], 0u);
  EXPECT_EQ(order[3], 1u);
  for (int t : ticks_run) {
    EXPECT_EQ(t, static_cast<int>(2 * kRoundRobinSliceTicks));
  }
}

TEST(HartToPreemptTest, PicksTheLowestPriorityStrictlyBelow) {
  SchedEntity a = make(10, SchedPolicy::kFifo), b = make(3, SchedPolicy::kFifo),
              c = make(7, SchedPolicy::kFifo);
  std::array<const SchedEntity*, 3> harts = {&a, &b, &c};
  EXPECT_EQ(hart_to_preempt(harts, 20), 1);
  EXPECT_EQ(hart_to_preempt(harts, 4), 1);
  EXPECT_EQ(hart_to_preempt(harts, 3), -1);  // equal does not preempt
  EXPECT_EQ(hart_to_preempt(harts, 0), -1);
}

TEST(HartToPreemptTest, IdleHartFirstAndLowestIndexOnTies) {
  SchedEntity a = make(3, SchedPolicy::kFifo), b = make(3, SchedPolicy::kFifo);
  std::array<const SchedEntity*, 4> harts = {&a, &b, nullptr, nullptr};
  EXPECT_EQ(hart_to_preempt(harts, 0), 2);  // even priority 0 beats an idle hart
  std::array<const SchedEntity*, 2> busy = {&a, &b};
  EXPECT_EQ(hart_to_preempt(busy, 9), 0);
  EXPECT_EQ(hart_to_preempt(std::span<const SchedEntity* const>(), 9), -1);
}

}  // namespace
