// Thread states: QNX names and numbers, and the transition table.
#include "kernel/sched/thread_state.h"

#include <gtest/gtest.h>

#include <string>

namespace {

ThreadState state(uint32_t s) { return static_cast<ThreadState>(s); }

TEST(ThreadStateTest, NamesFollowQnx) {
  EXPECT_STREQ(thread_state_name(STATE_DEAD), "DEAD");
  EXPECT_STREQ(thread_state_name(STATE_RUNNING), "RUNNING");
  EXPECT_STREQ(thread_state_name(STATE_READY), "READY");
  EXPECT_STREQ(thread_state_name(STATE_STOPPED), "STOPPED");
  EXPECT_STREQ(thread_state_name(STATE_SEND), "SEND");
  EXPECT_STREQ(thread_state_name(STATE_RECEIVE), "RECEIVE");
  EXPECT_STREQ(thread_state_name(STATE_REPLY), "REPLY");
  EXPECT_STREQ(thread_state_name(STATE_STACK), "STACK");
  EXPECT_STREQ(thread_state_name(STATE_WAITTHREAD), "WAITTHREAD");
  EXPECT_STREQ(thread_state_name(STATE_WAITPAGE), "WAITPAGE");
  EXPECT_STREQ(thread_state_name(STATE_SIGSUSPEND), "SIGSUSPEND");
  EXPECT_STREQ(thread_state_name(STATE_SIGWAITINFO), "SIGWAITINFO");
  EXPECT_STREQ(thread_state_name(STATE_NANOSLEEP), "NANOSLEEP");
  EXPECT_STREQ(thread_state_name(STATE_MUTEX), "MUTEX");
  EXPECT_STREQ(thread_state_name(STATE_CONDVAR), "CONDVAR");
  EXPECT_STREQ(thread_state_name(STATE_JOIN), "JOIN");
  EXPECT_STREQ(thread_state_name(STATE_INTR), "INTR");
  EXPECT_STREQ(thread_state_name(STATE_SEM), "SEM");
  EXPECT_STREQ(thread_state_name(STATE_WAITCTX), "WAITCTX");
  EXPECT_STREQ(thread_state_name(STATE_NET_SEND), "NET_SEND");
  EXPECT_STREQ(thread_state_name(STATE_NET_REPLY), "NET_REPLY");
  EXPECT_STREQ(thread_state_name(state(kThreadStateCount)), "UNKNOWN");
  EXPECT_STREQ(thread_state_name(state(255)), "UNKNOWN");
}

TEST(ThreadStateTest, BlockedStatesAreSendThroughNetReply) {
  for (uint32_t s = 0; s < kThreadStateCount; ++s) {
    EXPECT_EQ(thread_state_blocked(state(s)), s >= STATE_SEND) << thread_state_name(state(s));
  }
  EXPECT_FALSE(thread_state_blocked(state(200)));
}

TEST(ThreadStateTest, RunningCanReachEveryOtherState) {
  for (uint32_t s = 0; s < kThreadStateCount; ++s) {
    EXPECT_EQ(thread_transition_ok(STATE_RUNNING, state(s)), s != STATE_RUNNING)
        << thread_state_name(state(s));
  }
}

TEST(ThreadStateTest, ReadyOnlyRunsStopsOrDies) {
  for (uint32_t s = 0; s < kThreadStateCount; ++s) {
    const bool want = s == STATE_RUNNING || s == STATE_STOPPED || s == STATE_DEAD;
    EXPECT_EQ(thread_transition_ok(STATE_READY, state(s)), want) << thread_state_name(state(s));
  }
}

TEST(ThreadStateTest, DeadIsFinal) {
  for (uint32_t s = 0; s < kThreadStateCount; ++s) {
    EXPECT_FALSE(thread_transition_ok(STATE_DEAD, state(s))) << thread_state_name(state(s));
  }
}

TEST(ThreadStateTest, StoppedContinuesOrDies) {
  for (uint32_t s = 0; s < kThreadStateCount; ++s) {
    const bool want = s == STATE_READY || s == STATE_DEAD;
    EXPECT_EQ(thread_transition_ok(STATE_STOPPED, state(s)), want) << thread_state_name(state(s));
  }
}

TEST(ThreadStateTest, BlockedStatesWakeToReadyNeverStraightToRunning) {
  for (uint32_t s = STATE_SEND; s < kThreadStateCount; ++s) {
    const ThreadState from = state(s);
    EXPECT_TRUE(thread_transition_ok(from, STATE_READY)) << thread_state_name(from);
    EXPECT_TRUE(thread_transition_ok(from, STATE_DEAD)) << thread_state_name(from);
    EXPECT_FALSE(thread_transition_ok(from, STATE_RUNNING)) << thread_state_name(from);
    EXPECT_FALSE(thread_transition_ok(from, STATE_STOPPED)) << thread_state_name(from);
    EXPECT_FALSE(thread_transition_ok(from, from)) << thread_state_name(from);
  }
}

TEST(ThreadStateTest, MessagePassingAndCondvarSpecialCases) {
  EXPECT_TRUE(thread_transition_ok(STATE_SEND, STATE_REPLY));
  EXPECT_TRUE(thread_transition_ok(STATE_NET_SEND, STATE_NET_REPLY));
  EXPECT_TRUE(thread_transition_ok(STATE_CONDVAR, STATE_MUTEX));
  EXPECT_FALSE(thread_transition_ok(STATE_REPLY, STATE_SEND));
  EXPECT_FALSE(thread_transition_ok(STATE_RECEIVE, STATE_REPLY));
  EXPECT_FALSE(thread_transition_ok(STATE_SEND, STATE_NET_REPLY));
  EXPECT_FALSE(thread_transition_ok(STATE_MUTEX, STATE_CONDVAR));
}

TEST(ThreadStateTest, ExactlyTheDocumentedTransitionsAreLegal) {
  // 20 from RUNNING, 3 from READY, 2 from STOPPED, 2 from each of the 17
  // blocked states, plus SEND->REPLY, NET_SEND->NET_REPLY, CONDVAR->MUTEX.
  uint32_t legal = 0;
  for (uint32_t from = 0; from < kThreadStateCount; ++from) {
    for (uint32_t to = 0; to < kThreadStateCount; ++to) {
      legal += thread_transition_ok(state(from), state(to)) ? 1u : 0u;
    }
  }
  EXPECT_EQ(legal, 20u + 3u + 2u + 17u * 2u + 3u);
}

TEST(ThreadStateTest, UnknownValuesAreNeverLegal) {
  EXPECT_FALSE(thread_transition_ok(state(kThreadStateCount), STATE_READY));
  EXPECT_FALSE(thread_transition_ok(STATE_RUNNING, state(kThreadStateCount)));
  EXPECT_FALSE(thread_transition_ok(state(255), state(255)));
  EXPECT_FALSE(thread_transition_ok(state(40), STATE_DEAD));
}

}  // namespace
