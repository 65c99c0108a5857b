// Channels and connections (QNX ChannelCreate/ChannelDestroy,
// ConnectAttach/ConnectDetach). A channel belongs to the server process that
// created it; a connection belongs to the client process and names one
// channel. Every connection also has a server-side id (scoid) from one
// kernel-wide table: it is what rcvids and pulses carry. When a channel dies
// its connections stay in their owners' tables, dead (channel == nullptr),
// until detached: sends on them fail with EBADF. All under the big kernel lock.
// Outside //kernel both are opaque: the bodies compile only with
// KERNEL_INTERNAL (kernel_library() defines it).
#pragma once

#include <cstdint>

#include "kernel/proc/thread.h"

struct tChannel;
struct tConnect;

#if defined(KERNEL_INTERNAL)
#include "kernel/abi/types.h"
#include "kernel/ipc/msg_queue.h"

struct ConnectTag {};

struct tChannel {
  tProcess* proc = nullptr;  // the server
  int32_t chid = 0;
  uint32_t flags = 0;        // QRV_NTO_CHF_*
  MsgQueue queue;            // SEND-blocked clients and pulses, in receive order
  MsgList receivers;         // RECEIVE-blocked threads, first come first served
  MsgList replies;           // REPLY-blocked clients
  IntrusiveList<tConnect, ConnectTag> connects;  // live connections to it
  IntrusiveList<tThread, ServingTag> servers;    // threads that last received from it
};

struct tConnect : ListNode<ConnectTag> {
  tProcess* proc = nullptr;     // the client that owns it
  int32_t coid = 0;
  uint32_t scoid = 0;           // 1..kMaxScoid, kernel-wide
  tChannel* channel = nullptr;  // nullptr once the server side is gone
  uint32_t flags = 0;           // QRV_NTO_COF_*
};

// A pulse waiting on a channel (also used for disconnect and unblock notices).
struct Pulse : MsgQueueEntry {
  int8_t code = 0;
  int32_t value = 0;
  uint32_t scoid = 0;
};

// ChannelCreate: a channel of `proc` with QRV_NTO_CHF_* flags. Returns the
// chid (>= 1) or -EINVAL (unknown flags), -EAGAIN (table full), -ENOMEM.
int64_t channel_create(tProcess* proc, uint32_t flags);

// The live channel `chid` of `proc`, or nullptr.
inline tChannel* channel_lookup(tProcess* proc, int64_t chid) {
  return chid >= 1 && chid <= kMaxChannels ? proc->ipc.channels[chid - 1] : nullptr;
}

// ChannelDestroy: SEND- and REPLY-blocked clients get ESRCH, RECEIVE-blocked
// threads wake and fail their receive, queued pulses are dropped, and every
// connection to it goes dead (with a COIDDEATH pulse to client processes
// whose channels asked for one).
void channel_destroy(tChannel* ch);

// ConnectAttach: a connection of `proc` to channel `chid` of process `pid`
// (0: `proc` itself), with the lowest free coid >= index, or a side-channel
// coid when index has QRV_NTO_SIDE_CHANNEL. Returns the coid, or -ESRCH (no
// such process or channel), -EINVAL, -EAGAIN (no free coid or scoid), -ENOMEM.
int64_t connect_attach(tProcess* proc, int64_t pid, int64_t chid, uint64_t index, uint64_t flags);

// The table slot a coid names in `proc` (fd range or side channel), or
// nullptr if it is out of range.
inline tConnect** coid_slot(tProcess* proc, int64_t coid) {
  if (coid >= 0 && coid < kMaxFdConnects) return &proc->ipc.fd_connects[coid];
  const int64_t side = coid - QRV_NTO_SIDE_CHANNEL;
  return side >= 0 && side < kMaxSideConnects ? &proc->ipc.side_connects[side] : nullptr;
}

// The connection `coid` of `proc` (live or dead), or nullptr.
inline tConnect* connect_lookup(tProcess* proc, int64_t coid) {
  tConnect** slot = coid_slot(proc, coid);
  return slot != nullptr ? *slot : nullptr;
}

// ConnectServerInfo: the first connection of `proc` at or above coid, in
// coid's range, described in *info. Returns its coid, or -EINVAL (none).
int64_t connect_server_info(tProcess* proc, int64_t coid, struct qrv_server_info* info);

// The live connection with this scoid, or nullptr.
tConnect* connect_by_scoid(uint32_t scoid);

// ConnectDetach: its owner's threads blocked on it fail with EBADF, the
// server is sent a DISCONNECT pulse if its channel asked for one, and the
// coid and scoid are free again.
void connect_detach(tConnect* c);

// Everything message passing holds for a process whose threads are all
// dead: its connections are detached, then its channels destroyed.
void ipc_process_teardown(tProcess* proc);

// Live object counts (DebugKernelCounts).
struct IpcCounts {
  uint64_t channels = 0;
  uint64_t connections = 0;
  uint64_t pulses = 0;
};
const IpcCounts& ipc_counts();
IpcCounts& ipc_counts_mut();
#endif  // KERNEL_INTERNAL
