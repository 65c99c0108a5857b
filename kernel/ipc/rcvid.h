// Receive ids: what MsgReceivev returns for a message and what MsgReplyv,
// MsgReadv, MsgInfo and MsgDeliverEvent take back. A rcvid names the client
// thread through the server-side id of its connection (scoid, kernel-wide)
// and its tid, plus a generation that changes with every message the thread
// sends, so that a stale rcvid cannot reach the same client's next message:
//   rcvid = gen << 20 | scoid << 8 | tid     (11 + 12 + 8 bits)
// Always > 0 (0 means "a pulse") and an int32_t. Decoding checks only the
// shape; the kernel then checks that the connection is live and the thread
// REPLY-blocked on the caller with this very rcvid.
#pragma once

#include <cstdint>

inline constexpr uint32_t kRcvidTidBits = 8;
inline constexpr uint32_t kRcvidScoidBits = 12;
inline constexpr uint32_t kRcvidGenBits = 31 - kRcvidTidBits - kRcvidScoidBits;
inline constexpr uint32_t kMaxRcvidTid = (1u << kRcvidTidBits) - 1;
inline constexpr uint32_t kMaxScoid = (1u << kRcvidScoidBits) - 1;
inline constexpr uint32_t kRcvidGenMask = (1u << kRcvidGenBits) - 1;

struct RcvidParts {
  uint32_t scoid;
  uint32_t tid;
  uint32_t gen;
};

// scoid 1..kMaxScoid, tid 1..kMaxRcvidTid; gen is taken modulo 2^11.
constexpr int32_t rcvid_make(uint32_t scoid, uint32_t tid, uint32_t gen) {
  return static_cast<int32_t>((gen & kRcvidGenMask) << (kRcvidScoidBits + kRcvidTidBits) |
                              scoid << kRcvidTidBits | tid);
}

// False for anything no rcvid_make(scoid >= 1, tid >= 1, gen) can return.
constexpr bool rcvid_split(int64_t rcvid, RcvidParts* out) {
  if (rcvid <= 0 || rcvid > INT32_MAX) return false;
  const auto v = static_cast<uint32_t>(rcvid);
  out->tid = v & kMaxRcvidTid;
  out->scoid = (v >> kRcvidTidBits) & kMaxScoid;
  out->gen = v >> (kRcvidTidBits + kRcvidScoidBits);
  return out->scoid != 0 && out->tid != 0;
}
