// Message-passing state embedded in kernel threads and processes: a
// thread's place in a send queue, receivers or reply list, the kernel copies
// of a client's IOV arrays, and a process's channel and connection tables.
// Kernel-internal (included by kernel/proc/thread.h under KERNEL_INTERNAL).
#pragma once

#include <cstdint>
#include <span>

#include "kernel/ipc/msg_queue.h"
#include "kernel/mm/aspace.h"

struct tChannel;
struct tConnect;

// The list of threads that last received from a channel (tChannel::servers).
struct ServingTag {};

// Per-process table sizes. coids 0..kMaxFdConnects-1 are fd-range
// connections; side channels are QRV_NTO_SIDE_CHANNEL + 0..kMaxSideConnects-1.
inline constexpr uint32_t kMaxChannels = 32;
inline constexpr uint32_t kMaxFdConnects = 64;
inline constexpr uint32_t kMaxSideConnects = 32;
// Pulses queued on one process's channels at once (bounds kernel memory a
// flood of MsgSendPulse can take; more is EAGAIN).
inline constexpr uint32_t kMaxQueuedPulses = 1024;

// A kernel copy of one IOV array: small arrays inline, larger ones in kheap.
struct MsgParts {
  MmIov* parts = inline_;
  uint32_t count = 0;
  uint64_t total = 0;  // sum of the lengths (saturating)
  MmIov inline_[2];

  std::span<const MmIov> view() const { return {parts, count}; }
  MsgParts() = default;
  MsgParts(const MsgParts&) = delete;
  MsgParts& operator=(const MsgParts&) = delete;
};

// What a thread holds while it takes part in message passing.
struct ThreadIpc {
  tConnect* conn = nullptr;       // SEND/REPLY: the connection it sent on
  tChannel* channel = nullptr;    // SEND/REPLY: where it waits; RECEIVE: likewise
  MsgParts send;                  // SEND/REPLY: its message
  MsgParts reply;                 // SEND/REPLY: where the reply goes
  MsgParts receive;               // RECEIVE: where the message goes (here, not on the kernel
                                  // stack, so a thread killed while blocked frees it too)
  int64_t status = 0;             // MsgSendv's result, set by whoever unblocks it
  int32_t rcvid = 0;              // REPLY: the id the server got
  uint32_t generation = 0;        // of its rcvids: one more per message received
  bool unblock_requested = false; // REPLY: a signal/timeout came; the server was told
  tChannel* serving = nullptr;    // the channel it last received from (on its servers list)
  uint8_t real_priority = 0;      // its own priority, under any inherited one
};

// A process's message-passing objects, owned by it.
struct ProcessIpc {
  tChannel* channels[kMaxChannels] = {};  // by chid - 1
  tConnect* fd_connects[kMaxFdConnects] = {};
  tConnect* side_connects[kMaxSideConnects] = {};
  uint32_t queued_pulses = 0;  // on this process's channels
  // Its RLIMIT_NOFILE (taskman's PROC_SET_LIMITS): fd-range coids it may
  // attach, below this. Its loader attaches what the parent passed regardless.
  uint32_t fd_limit = kMaxFdConnects;
};
