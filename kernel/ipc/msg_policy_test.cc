// The message-passing state machine's decisions: unblocking per state and
// channel flag, and who pays for a fault in each kind of copy. Together
// with thread_state's transition table (SEND -> REPLY -> READY).
#include "kernel/ipc/msg_policy.h"

#include <gtest/gtest.h>

namespace {

TEST(MsgPolicyTest, SendAndReceiveEndAtOnceWhateverTheChannel) {
  for (bool flag : {false, true}) {
    for (bool told : {false, true}) {
      EXPECT_EQ(unblock_action(STATE_SEND, flag, told), UnblockAction::kEndNow);
      EXPECT_EQ(unblock_action(STATE_RECEIVE, flag, told), UnblockAction::kEndNow);
    }
  }
}

TEST(MsgPolicyTest, ReplyEndsAtOnceWithoutTheUnblockFlag) {
  EXPECT_EQ(unblock_action(STATE_REPLY, false, false), UnblockAction::kEndNow);
}

TEST(MsgPolicyTest, ReplyOnAnUnblockChannelTellsTheServerOnce) {
  EXPECT_EQ(unblock_action(STATE_REPLY, true, false), UnblockAction::kNotifyServer);
  EXPECT_EQ(unblock_action(STATE_REPLY, true, true), UnblockAction::kKeepWaiting);
}

TEST(MsgPolicyTest, OtherStatesAreNotMessagePassing) {
  for (uint32_t s = 0; s < kThreadStateCount; ++s) {
    const auto st = static_cast<ThreadState>(s);
    if (st == STATE_SEND || st == STATE_RECEIVE || st == STATE_REPLY) continue;
    EXPECT_EQ(unblock_action(st, true, false), UnblockAction::kNotBlocked) << thread_state_name(st);
  }
}

TEST(MsgPolicyTest, AServerFaultNeverTouchesTheClient) {
  for (CopyCall c : {CopyCall::kReceive, CopyCall::kReply, CopyCall::kPartial}) {
    EXPECT_EQ(copy_fault(c, FaultSide::kServer), FaultOutcome::kServerFails);
  }
}

TEST(MsgPolicyTest, AClientFaultFailsTheClient) {
  EXPECT_EQ(copy_fault(CopyCall::kReceive, FaultSide::kClient), FaultOutcome::kClientFails);
  EXPECT_EQ(copy_fault(CopyCall::kReply, FaultSide::kClient), FaultOutcome::kClientFails);
  EXPECT_EQ(copy_fault(CopyCall::kPartial, FaultSide::kClient), FaultOutcome::kClientAndServerFail);
}

TEST(MsgPolicyTest, TheClientPathIsSendThenReplyThenReady) {
  EXPECT_TRUE(thread_transition_ok(STATE_RUNNING, STATE_SEND));
  EXPECT_TRUE(thread_transition_ok(STATE_SEND, STATE_REPLY));
  EXPECT_TRUE(thread_transition_ok(STATE_REPLY, STATE_READY));
  EXPECT_TRUE(thread_transition_ok(STATE_SEND, STATE_READY));  // unblocked, or its server died
  EXPECT_FALSE(thread_transition_ok(STATE_REPLY, STATE_SEND));
  EXPECT_TRUE(thread_transition_ok(STATE_RUNNING, STATE_RECEIVE));
  EXPECT_TRUE(thread_transition_ok(STATE_RECEIVE, STATE_READY));
}

}  // namespace
