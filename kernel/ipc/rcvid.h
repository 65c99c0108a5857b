// Receive ids: what MsgReceivev returns for a message and what MsgReplyv,
// MsgReadv, MsgInfo and MsgDeliverEvent take back. A rcvid names the client
// thread through the server-side id of its connection (scoid, global) and
// its tid: rcvid = scoid << 8 | tid. Always > 0 (0 means "a pulse"), and it
// fits an int32_t. Decoding checks only the shape; the kernel then checks
// that the connection is live and the thread REPLY-blocked on the caller.
#pragma once

#include <cstdint>

inline constexpr uint32_t kRcvidTidBits = 8;
inline constexpr uint32_t kMaxRcvidTid = (1u << kRcvidTidBits) - 1;
inline constexpr uint32_t kMaxScoid = (1u << (31 - kRcvidTidBits)) - 1;

struct RcvidParts {
  uint32_t scoid;
  uint32_t tid;
};

constexpr int32_t rcvid_make(uint32_t scoid, uint32_t tid) {
  return static_cast<int32_t>(scoid << kRcvidTidBits | tid);
}

// False for anything no rcvid_make(scoid >= 1, tid >= 1) can return.
constexpr bool rcvid_split(int64_t rcvid, RcvidParts* out) {
  if (rcvid <= 0 || rcvid > INT32_MAX) return false;
  const auto v = static_cast<uint32_t>(rcvid);
  out->scoid = v >> kRcvidTidBits;
  out->tid = v & kMaxRcvidTid;
  return out->scoid != 0 && out->tid != 0;
}
