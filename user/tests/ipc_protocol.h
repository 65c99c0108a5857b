// user/tests/ipc_test's protocol between its client and server roles: the
// operations a client asks for, their messages and replies, and helpers both
// sides use.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/neutrino.h>
#include <time.h>

namespace ipc_test {

enum Op : uint32_t {
  kEcho = 1,   // reply with the message itself
  kInfo,       // reply with MsgInfo's _msg_info
  kReadAt,     // MsgRead the message in arg-byte chunks; status = checksum
  kWriteAt,    // MsgWrite `extra` bytes in arg-byte chunks; status = bytes
  kError,      // MsgError(arg)
  kHold,       // no reply: keep the rcvid
  kReplyHeld,  // reply to the held rcvid; status = -(its result)
  kPrio,       // reply {seq, priority}
  kDeliver,    // MsgDeliverEvent(the sigevent that follows); status = -(result)
  kBadReply,   // reply from a kernel address first; status = -(that result)
  kBadRead,    // MsgRead into bad buffers; status 1 if both were EFAULT
  kStats,      // reply with Stats
  kQuit,       // reply, then the server exits
  kDie,        // (victim) wait for a pulse on channel 2, then exit without replying
  kGate,       // wait until a kOpen arrives on channel 2; reply {seq, priority}
  kOpen,       // (channel 2) let the waiting kGate go on
};

struct Req {
  uint32_t op;
  int32_t arg;
  uint64_t extra;
};

struct PrioReply {
  uint32_t seq;
  int32_t priority;
};

struct Stats {
  int32_t unblock_pulses;  // UNBLOCK pulses seen
  int32_t unblock_flagged; // ... whose MsgInfo showed _NTO_MI_UNBLOCK_REQ
  int32_t disconnects;
  int32_t held_reply;      // MsgReply_r to the held rcvid after its client left
  int32_t pulses;
  int32_t codes[8];        // the last pulses' codes, oldest first
  int32_t values[8];
  int32_t scoids[8];
};

inline constexpr size_t kBuf = 64 * 1024 + sizeof(Req);
inline constexpr uintptr_t kKernelAddr = 0xffffffc080200000ull;

inline void sleep_ms(long ms) {
  timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

inline uint64_t now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

inline int my_priority() {
  sched_param p = {};
  SchedGet(0, 0, &p);
  return p.sched_priority;
}

inline uint32_t checksum(const uint8_t* p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 16777619u;
  return h & 0x7fffffff;
}

inline uint8_t pattern(size_t i) { return static_cast<uint8_t>(i * 7 + (i >> 8) + 1); }

// The server roles (ipc_server.cc).
int run_server();
int run_victim();

}  // namespace ipc_test
