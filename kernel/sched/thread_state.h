// QNX thread states (names and values of QNX's <sys/states.h>, so tools and
// traces read the same numbers) and the table of legal state transitions.
// A thread is born READY; DEAD is final.
#pragma once

#include <cstdint>

enum ThreadState : uint8_t {
  STATE_DEAD,         // terminated, waiting to be joined or reaped
  STATE_RUNNING,      // on a hart
  STATE_READY,        // on the ready queue
  STATE_STOPPED,      // held by SIGSTOP or a debugger
  STATE_SEND,         // MsgSend: waiting for the server to receive
  STATE_RECEIVE,      // MsgReceive: waiting for a message
  STATE_REPLY,        // MsgSend: received, waiting for the reply
  STATE_STACK,        // waiting for its stack to be allocated
  STATE_WAITTHREAD,   // waiting for a thread it creates
  STATE_WAITPAGE,     // waiting for a page to be made present
  STATE_SIGSUSPEND,   // sigsuspend()
  STATE_SIGWAITINFO,  // sigwaitinfo()
  STATE_NANOSLEEP,    // nanosleep()
  STATE_MUTEX,        // waiting for a mutex
  STATE_CONDVAR,      // waiting on a condition variable
  STATE_JOIN,         // pthread_join()
  STATE_INTR,         // InterruptWait()
  STATE_SEM,          // waiting on a semaphore
  STATE_WAITCTX,      // waiting for a register context (FPU) to be saved
  STATE_NET_SEND,     // MsgSend across the network: waiting for receive
  STATE_NET_REPLY,    // MsgSend across the network: waiting for the reply
};

inline constexpr uint32_t kThreadStateCount = STATE_NET_REPLY + 1;

// QNX's own numbering, which traces and pidin-like tools rely on.
static_assert(STATE_DEAD == 0 && STATE_READY == 2 && STATE_REPLY == 6);
static_assert(STATE_NANOSLEEP == 12 && STATE_WAITCTX == 18 && STATE_NET_REPLY == 20);

// "READY", "NANOSLEEP", ... as QNX's pidin prints them; "UNKNOWN" for a value
// outside the enum.
const char* thread_state_name(ThreadState s);

// True for the states in which a thread waits for an event (SEND ... NET_REPLY).
bool thread_state_blocked(ThreadState s);

// True if a thread may go from `from` to `to`. Staying in the same state is
// not a transition (false), nor is any move out of DEAD or to an unknown value.
bool thread_transition_ok(ThreadState from, ThreadState to);
