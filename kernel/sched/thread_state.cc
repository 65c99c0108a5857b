// The thread-state names and the transition table (one bit per legal target).
#include "kernel/sched/thread_state.h"

#include <array>

namespace {

constexpr std::array<const char*, kThreadStateCount> kNames = {
    "DEAD",    "RUNNING",    "READY",    "STOPPED",    "SEND",        "RECEIVE",   "REPLY",
    "STACK",   "WAITTHREAD", "WAITPAGE", "SIGSUSPEND", "SIGWAITINFO", "NANOSLEEP", "MUTEX",
    "CONDVAR", "JOIN",       "INTR",     "SEM",        "WAITCTX",     "NET_SEND",  "NET_REPLY",
};

constexpr uint32_t bit(ThreadState s) { return uint32_t{1} << s; }

// Every blocked state: a running thread enters one by a kernel call (or a page
// fault, for WAITPAGE), and leaves it for READY when the event comes, or DEAD
// when it is destroyed while blocked.
constexpr uint32_t kBlocked = bit(STATE_SEND) | bit(STATE_RECEIVE) | bit(STATE_REPLY) |
                              bit(STATE_STACK) | bit(STATE_WAITTHREAD) | bit(STATE_WAITPAGE) |
                              bit(STATE_SIGSUSPEND) | bit(STATE_SIGWAITINFO) |
                              bit(STATE_NANOSLEEP) | bit(STATE_MUTEX) | bit(STATE_CONDVAR) |
                              bit(STATE_JOIN) | bit(STATE_INTR) | bit(STATE_SEM) |
                              bit(STATE_WAITCTX) | bit(STATE_NET_SEND) | bit(STATE_NET_REPLY);

constexpr uint32_t kWake = bit(STATE_READY) | bit(STATE_DEAD);

constexpr std::array<uint32_t, kThreadStateCount> make_table() {
  std::array<uint32_t, kThreadStateCount> t{};
  t[STATE_DEAD] = 0;  // final
  // Preempted or yielding (READY), blocking (any blocked state; MsgSend to a
  // server already RECEIVE-blocked goes straight to REPLY), stopping, exiting.
  t[STATE_RUNNING] = bit(STATE_READY) | kBlocked | bit(STATE_STOPPED) | bit(STATE_DEAD);
  // Dispatched, stopped while waiting for a hart, or destroyed with its process.
  t[STATE_READY] = bit(STATE_RUNNING) | bit(STATE_STOPPED) | bit(STATE_DEAD);
  // Continued (SIGCONT) or destroyed.
  t[STATE_STOPPED] = bit(STATE_READY) | bit(STATE_DEAD);
  for (uint32_t s = STATE_SEND; s < kThreadStateCount; ++s) {
    t[s] = kWake;
  }
  // The server received the message: the client now waits for the reply.
  t[STATE_SEND] |= bit(STATE_REPLY);
  t[STATE_NET_SEND] |= bit(STATE_NET_REPLY);
  // A signalled condvar waiter re-acquires its mutex, possibly blocking on it.
  t[STATE_CONDVAR] |= bit(STATE_MUTEX);
  return t;
}

constexpr std::array<uint32_t, kThreadStateCount> kAllowed = make_table();

}  // namespace

const char* thread_state_name(ThreadState s) {
  return s < kThreadStateCount ? kNames[s] : "UNKNOWN";
}

bool thread_state_blocked(ThreadState s) {
  return s < kThreadStateCount && (kBlocked & bit(s)) != 0;
}

bool thread_transition_ok(ThreadState from, ThreadState to) {
  if (from >= kThreadStateCount || to >= kThreadStateCount) {
    return false;
  }
  return (kAllowed[from] & bit(to)) != 0;
}
