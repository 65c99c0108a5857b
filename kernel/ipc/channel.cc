// Channels, connections and the kernel-wide scoid table (see channel.h).
#include "kernel/ipc/channel.h"

#include <new>

#include "kernel/abi/errno.h"
#include "kernel/abi/types.h"
#include "kernel/ipc/msg.h"
#include "kernel/ipc/pulse.h"
#include "kernel/ipc/rcvid.h"
#include "kernel/mm/kheap.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {
constexpr uint32_t kKnownChannelFlags = QRV_NTO_CHF_FIXED_PRIORITY | QRV_NTO_CHF_UNBLOCK |
                                        QRV_NTO_CHF_DISCONNECT | QRV_NTO_CHF_COID_DISCONNECT;

// Server-side connection ids, kernel-wide: slot 0 is never used. Allocation
// goes round the table so that a freed scoid (and the rcvids built on it)
// is not reused at once.
constexpr uint32_t kScoidSlots = 4096;
static_assert(kScoidSlots - 1 == kMaxScoid, "every scoid fits a rcvid");
tConnect* g_scoids[kScoidSlots];
uint32_t g_next_scoid = 1;

IpcCounts g_counts;

template <typename T>
T* make() {
  void* p = kmalloc(sizeof(T));
  return p != nullptr ? new (p) T() : nullptr;
}

template <typename T>
void destroy(T* p) {
  p->~T();
  kfree(p, sizeof(T));
}

uint32_t scoid_alloc(tConnect* c) {
  for (uint32_t n = 0; n < kScoidSlots - 1; ++n) {
    const uint32_t s = g_next_scoid;
    g_next_scoid = g_next_scoid + 1 == kScoidSlots ? 1 : g_next_scoid + 1;
    if (g_scoids[s] == nullptr) {
      g_scoids[s] = c;
      return s;
    }
  }
  return 0;
}

// Tells a client process that its connection `coid` lost its server: a
// COIDDEATH pulse on each of its channels that asked for one.
void notify_coid_death(tProcess* client, int32_t coid) {
  for (tChannel* ch : client->ipc.channels) {
    if (ch != nullptr && (ch->flags & QRV_NTO_CHF_COID_DISCONNECT) != 0) {
      (void)pulse_queue(ch, kKernelPulsePriority, QRV_PULSE_CODE_COIDDEATH, coid, 0);
    }
  }
}
}  // namespace

const IpcCounts& ipc_counts() { return g_counts; }
IpcCounts& ipc_counts_mut() { return g_counts; }

int64_t channel_create(tProcess* proc, uint32_t flags) {
  if ((flags & ~kKnownChannelFlags) != 0) return -QRV_EINVAL;
  for (uint32_t i = 0; i < kMaxChannels; ++i) {
    if (proc->ipc.channels[i] != nullptr) continue;
    tChannel* ch = make<tChannel>();
    if (ch == nullptr) return -QRV_ENOMEM;
    ch->proc = proc;
    ch->chid = static_cast<int32_t>(i + 1);
    ch->flags = flags;
    proc->ipc.channels[i] = ch;
    g_counts.channels++;
    return ch->chid;
  }
  return -QRV_EAGAIN;
}

void channel_destroy(tChannel* ch) {
  ch->proc->ipc.channels[ch->chid - 1] = nullptr;
  // First no connection leads here, so nothing new is queued on ch while it
  // goes; their owners hear of it only once ch is gone.
  IntrusiveList<tConnect, ConnectTag> dead;
  while (tConnect* c = ch->connects.pop_front()) {
    c->channel = nullptr;
    dead.push_back(*c);
  }
  while (MsgQueueEntry* e = ch->queue.pop()) {
    if (e->is_pulse) {
      pulse_free(ch, static_cast<Pulse*>(e));
    } else {
      msg_client_finish(static_cast<tThread*>(e), -QRV_ESRCH);
    }
  }
  while (MsgQueueEntry* e = ch->replies.pop_front()) {
    msg_client_finish(static_cast<tThread*>(e), -QRV_ESRCH);
  }
  // Receivers wake, find the chid gone, and fail their receive with ESRCH.
  while (MsgQueueEntry* e = ch->receivers.pop_front()) {
    tThread* t = static_cast<tThread*>(e);
    t->ipc.channel = nullptr;
    sched_make_ready(t);
  }
  while (tThread* t = ch->servers.pop_front()) {
    t->ipc.serving = nullptr;
  }
  destroy(ch);
  g_counts.channels--;
  while (tConnect* c = dead.pop_front()) notify_coid_death(c->proc, c->coid);
}

int64_t connect_attach(tProcess* proc, int64_t pid, int64_t chid, uint64_t index, uint64_t flags) {
  if ((flags & ~uint64_t{QRV_NTO_COF_CLOEXEC}) != 0) return -QRV_EINVAL;
  tProcess* server = pid == 0 ? proc : pid > 0 ? process_find(static_cast<uint32_t>(pid)) : nullptr;
  if (server == nullptr) return -QRV_ESRCH;
  tChannel* ch = channel_lookup(server, chid);
  if (ch == nullptr) return -QRV_ESRCH;
  // The lowest free coid at or above index, in the range index names.
  const bool side = (index & QRV_NTO_SIDE_CHANNEL) != 0;
  const uint64_t first = index & ~uint64_t{QRV_NTO_SIDE_CHANNEL};
  const uint32_t size = side ? kMaxSideConnects : kMaxFdConnects;
  tConnect** table = side ? proc->ipc.side_connects : proc->ipc.fd_connects;
  if (index > UINT32_MAX || first >= size) return -QRV_EINVAL;
  const uint32_t end = side || (proc->flags & QRV_FLG_PROC_LOADING) != 0 ? size : proc->ipc.fd_limit;
  uint32_t slot = static_cast<uint32_t>(first);
  while (slot < end && table[slot] != nullptr) ++slot;
  if (slot >= end) return -QRV_EAGAIN;  // none free at or above index (below the limit)
  tConnect* c = make<tConnect>();
  if (c == nullptr) return -QRV_ENOMEM;
  c->scoid = scoid_alloc(c);
  if (c->scoid == 0) {
    destroy(c);
    return -QRV_EAGAIN;
  }
  c->proc = proc;
  c->coid = static_cast<int32_t>(side ? QRV_NTO_SIDE_CHANNEL + slot : slot);
  c->channel = ch;
  c->flags = static_cast<uint32_t>(flags);
  ch->connects.push_back(*c);
  table[slot] = c;
  g_counts.connections++;
  return c->coid;
}

int64_t connect_server_info(tProcess* proc, int64_t coid, struct qrv_server_info* info) {
  const bool side = coid >= static_cast<int64_t>(QRV_NTO_SIDE_CHANNEL);
  const int64_t end = side ? int64_t{QRV_NTO_SIDE_CHANNEL} + kMaxSideConnects : int64_t{kMaxFdConnects};
  if (coid < 0) return -QRV_EINVAL;
  for (int64_t id = coid; id < end; ++id) {
    const tConnect* c = connect_lookup(proc, id);
    if (c == nullptr) continue;
    *info = qrv_server_info{};
    if (c->channel != nullptr) {
      info->pid = static_cast<int32_t>(c->channel->proc->pid);
      info->chid = c->channel->chid;
    }
    info->scoid = static_cast<int32_t>(c->scoid);
    info->coid = c->coid;
    info->flags = c->flags;
    return c->coid;
  }
  return -QRV_EINVAL;
}

tConnect* connect_by_scoid(uint32_t scoid) { return scoid < kScoidSlots ? g_scoids[scoid] : nullptr; }

void connect_detach(tConnect* c) {
  tProcess* proc = c->proc;
  for (tThread* t : proc->threads) {
    if (t != nullptr && t->ipc.conn == c && (t->state_ == STATE_SEND || t->state_ == STATE_REPLY)) {
      msg_client_unlink(t);
      msg_client_finish(t, -QRV_EBADF);
    }
  }
  if (tChannel* ch = c->channel) {
    ch->connects.remove(*c);
    if ((ch->flags & QRV_NTO_CHF_DISCONNECT) != 0) {
      (void)pulse_queue(ch, kKernelPulsePriority, QRV_PULSE_CODE_DISCONNECT, 0, c->scoid);
    }
  }
  *coid_slot(proc, c->coid) = nullptr;
  g_scoids[c->scoid] = nullptr;
  destroy(c);
  g_counts.connections--;
}

void ipc_process_teardown(tProcess* proc) {
  for (tConnect*& c : proc->ipc.fd_connects) {
    if (c != nullptr) connect_detach(c);
  }
  for (tConnect*& c : proc->ipc.side_connects) {
    if (c != nullptr) connect_detach(c);
  }
  for (tChannel* ch : proc->ipc.channels) {
    if (ch != nullptr) channel_destroy(ch);
  }
}
