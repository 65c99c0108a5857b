// The decisions of the message-passing state machine, as pure functions the
// kernel (msg.cc) follows and host tests pin down: what a signal or timeout
// does to a thread blocked in SEND, RECEIVE or REPLY, and whose call fails
// when a copy between a client and a server faults.
#pragma once

#include <cstdint>

#include "kernel/sched/thread_state.h"

enum class UnblockAction : uint8_t {
  kNotBlocked,    // not in a message-passing wait: nothing to do here
  kEndNow,        // leave the queue; the call returns the unblock status
  kNotifyServer,  // REPLY on an UNBLOCK channel: queue an UNBLOCK pulse, keep waiting
  kKeepWaiting,   // the server was told already: it answers (reply or MsgError)
};

constexpr UnblockAction unblock_action(ThreadState s, bool channel_unblock_flag, bool server_told) {
  switch (s) {
    case STATE_SEND:
    case STATE_RECEIVE:
      return UnblockAction::kEndNow;  // the server has not seen the message yet
    case STATE_REPLY:
      if (!channel_unblock_flag) return UnblockAction::kEndNow;
      return server_told ? UnblockAction::kKeepWaiting : UnblockAction::kNotifyServer;
    default:
      return UnblockAction::kNotBlocked;
  }
}

// Which side of a copy hit the bad page.
enum class FaultSide : uint8_t { kClient, kServer };

enum class FaultOutcome : uint8_t {
  kServerFails,          // the server's call returns EFAULT; the client waits on, untouched
  kClientFails,          // the client's send ends with EFAULT; the server's call goes on
  kClientAndServerFail,  // the client's send ends with EFAULT and the server's call returns EFAULT
};

// The call a copy fault happened in.
enum class CopyCall : uint8_t {
  kReceive,  // MsgReceivev taking a queued message: the next message is tried
  kReply,    // MsgReplyv: a bad client buffer ends the exchange; the reply is delivered as EFAULT
  kPartial,  // MsgReadv / MsgWritev: the server asked for bytes it did not get
};

constexpr FaultOutcome copy_fault(CopyCall call, FaultSide side) {
  if (side == FaultSide::kServer) return FaultOutcome::kServerFails;
  return call == CopyCall::kPartial ? FaultOutcome::kClientAndServerFail : FaultOutcome::kClientFails;
}
