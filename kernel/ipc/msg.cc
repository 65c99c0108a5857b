// Send, receive, reply and their relatives (see msg.h). Everything runs
// under the big kernel lock, in the context of the calling thread: the
// client's message is copied by the receiver, the reply by the replier.
#include "kernel/ipc/msg.h"

#include "kernel/abi/errno.h"
#include "kernel/abi/types.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/ipc/channel.h"
#include "kernel/ipc/msg_policy.h"
#include "kernel/ipc/pulse.h"
#include "kernel/ipc/rcvid.h"
#include "kernel/mm/kheap.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/signal.h"
#include "kernel/proc/timeout.h"

static_assert(kMaxThreadsPerProcess <= kMaxRcvidTid, "every tid fits a rcvid");
static_assert(sizeof(MmIov) == sizeof(iov_t) && alignof(MmIov) == alignof(iov_t),
              "an iov_t array is read straight into MmIov parts");

namespace {
// Fills `p` from the user's part list (count >= 0) or single buffer (count < 0).
int64_t parts_copyin(MsgParts& p, uint64_t user, int64_t count) {
  if (count < 0) {
    if (count == INT64_MIN) return -QRV_EINVAL;
    p.count = 1;
    p.inline_[0] = MmIov{VirtAddr(user), static_cast<uint64_t>(-count)};
    p.total = static_cast<uint64_t>(-count);
    return 0;
  }
  if (count > QRV_MSG_MAX_PARTS) return -QRV_EINVAL;
  const auto n = static_cast<uint32_t>(count);
  if (n > sizeof p.inline_ / sizeof p.inline_[0]) {
    p.parts = static_cast<MmIov*>(kmalloc(n * sizeof(MmIov)));
    if (p.parts == nullptr) {
      p.parts = p.inline_;
      return -QRV_ENOMEM;
    }
  }
  p.count = n;
  if (n != 0 && !copy_from_user(p.parts, user, n * sizeof(MmIov))) return -QRV_EFAULT;
  p.total = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t sum = p.total + p.parts[i].len;
    p.total = sum < p.total ? UINT64_MAX : sum;
  }
  return 0;
}

void parts_release(MsgParts& p) {
  if (p.parts != p.inline_) kfree(p.parts, p.count * sizeof(MmIov));
  p.parts = p.inline_;
  p.count = 0;
  p.total = 0;
}

// A server's own parts, released when it leaves scope. Only for calls that
// never block: what a blocking call holds lives in tThread (msg_thread_cancel).
struct LocalParts {
  MsgParts p;
  ~LocalParts() { parts_release(p); }
};

// Releases a thread's parts when the call that filled them returns.
struct PartsRelease {
  MsgParts& p;
  ~PartsRelease() { parts_release(p); }
};

// Writes `len` bytes of kernel data through the caller's own parts.
bool copy_to_parts(const MsgParts& p, const void* src, uint64_t len) {
  const auto* from = static_cast<const uint8_t*>(src);
  for (uint32_t i = 0; i < p.count && len != 0; ++i) {
    const uint64_t n = p.parts[i].len < len ? p.parts[i].len : len;
    if (!copy_to_user(p.parts[i].base.value(), from, n)) return false;
    from += n;
    len -= n;
  }
  return true;
}

// Receivers take the priority of what they receive (priority inheritance).
void inherit(tThread* server, const tChannel* ch, uint8_t priority) {
  if ((ch->flags & QRV_NTO_CHF_FIXED_PRIORITY) == 0 && server->priority_ != priority) {
    sched_inherit(server, priority);
  }
}

// A sender found no receiver: the channel's threads busy with earlier
// messages run at least at its priority, so they get back to receiving.
void boost_busy_servers(tChannel* ch, uint8_t priority) {
  if ((ch->flags & QRV_NTO_CHF_FIXED_PRIORITY) != 0) return;
  for (tThread* s = ch->servers.front(); s != nullptr; s = ch->servers.next(*s)) {
    if (s->state_ != STATE_RECEIVE && s->priority_ < priority) sched_inherit(s, priority);
  }
}

// cur has received from ch: it is one of ch's servers now.
void serve(tThread* cur, tChannel* ch) {
  if (cur->ipc.serving == ch) return;
  if (cur->ipc.serving != nullptr) cur->ipc.serving->servers.remove(*cur);
  ch->servers.push_back(*cur);
  cur->ipc.serving = ch;
}

_msg_info info_of(const tThread* client, uint64_t msglen) {
  _msg_info info;  // every field set below: no clearing pass
  const tConnect* c = client->ipc.conn;
  info.nd = 0;
  info.srcnd = 0;
  info.reserved = 0;
  info.pid = static_cast<int32_t>(client->proc->pid);
  info.tid = static_cast<int32_t>(client->tid);
  info.chid = client->ipc.channel->chid;
  info.scoid = static_cast<int32_t>(c->scoid);
  info.coid = c->coid;
  info.priority = client->msg_priority;
  info.msglen = static_cast<int64_t>(msglen);
  info.srcmsglen = static_cast<int64_t>(client->ipc.send.total > INT64_MAX ? INT64_MAX : client->ipc.send.total);
  info.dstmsglen = static_cast<int64_t>(client->ipc.reply.total > INT64_MAX ? INT64_MAX : client->ipc.reply.total);
  info.flags = client->ipc.unblock_requested ? QRV_NTO_MI_UNBLOCK_REQ : 0;
  return info;
}

// Whose buffer a failed copy stopped at, given which end the client was.
FaultSide side_of(const XferResult& x, bool client_is_source) {
  return (x.side == XferSide::kSource) == client_is_source ? FaultSide::kClient : FaultSide::kServer;
}

// A whole message or reply between two part lists; nothing to walk when
// either side is empty (0-byte messages are common: pure notifications).
XferResult transfer(tAddress* dst_as, const MsgParts& dst, tAddress* src_as, const MsgParts& src) {
  if (dst.total == 0 || src.total == 0) return XferResult{};
  return mm_map_xferv(dst_as, dst.view(), src_as, src.view());
}

// A client's buffer failed: its send ends with EFAULT. The server's call
// goes on (receive takes the next message) or fails too (read/write).
void fail_client(tThread* client) {
  msg_client_unlink(client);
  msg_client_finish(client, -QRV_EFAULT);
}
}  // namespace

// The client a rcvid names, if it is REPLY-blocked on one of the caller's
// channels; else nullptr (ESRCH for the caller).
tThread* msg_reply_target(int64_t rcvid) {
  RcvidParts parts;
  if (!rcvid_split(rcvid, &parts) || parts.tid > kMaxThreadsPerProcess) return nullptr;
  tConnect* c = connect_by_scoid(parts.scoid);
  if (c == nullptr) return nullptr;
  tThread* t = c->proc->threads[parts.tid - 1];
  if (t == nullptr || t->state_ != STATE_REPLY || t->ipc.conn != c || t->ipc.rcvid != rcvid) return nullptr;
  return t->ipc.channel->proc == sched_current()->proc ? t : nullptr;
}

void msg_client_unlink(tThread* client) {
  tChannel* ch = client->ipc.channel;
  if (client->state_ == STATE_SEND) {
    ch->queue.remove(*client);
  } else {
    ch->replies.remove(*client);
  }
}

void msg_client_finish(tThread* client, int64_t status, bool by_server) {
  client->ipc.status = status;
  if (by_server) {
    sched_make_ready_lazy(client);  // the server usually receives next: this hart runs the client
  } else {
    sched_make_ready(client);
  }
}

tThread* msg_take_receiver(tChannel* ch, uint8_t priority) {
  MsgQueueEntry* e = ch->receivers.pop_front();
  if (e == nullptr) {
    boost_busy_servers(ch, priority);
    return nullptr;
  }
  tThread* r = static_cast<tThread*>(e);
  inherit(r, ch, priority);
  return r;
}

int64_t msg_sendv(int64_t coid, uint64_t siov, int64_t sparts, uint64_t riov, int64_t rparts) {
  tThread* cur = sched_current();
  tConnect* c = connect_lookup(cur->proc, coid);
  if (c == nullptr || c->channel == nullptr) return -QRV_EBADF;
  ThreadIpc& ipc = cur->ipc;
  int64_t r = parts_copyin(ipc.send, siov, sparts);
  if (r == 0) r = parts_copyin(ipc.reply, riov, rparts);
  if (r == 0 && timeout_expired(cur, STATE_SEND)) r = -QRV_ETIMEDOUT;
  if (r == 0 && signal_interrupts(cur)) r = signal_eintr(cur);  // a signal is on its way in
  if (r != 0) {
    parts_release(ipc.send);
    parts_release(ipc.reply);
    return r;
  }
  tChannel* ch = c->channel;
  ipc.conn = c;
  ipc.channel = ch;
  ipc.status = 0;
  ipc.unblock_requested = false;
  cur->is_pulse = false;
  cur->msg_priority = cur->priority_;
  ch->queue.insert(*cur);
  cur->state_ = STATE_SEND;
  timeout_start(cur);
  if (tThread* receiver = msg_take_receiver(ch, cur->priority_)) {
    sched_handoff(receiver);  // it runs on this hart, now
  } else {
    sched_block();
  }
  timeout_stop(cur);
  parts_release(ipc.send);
  parts_release(ipc.reply);
  ipc.conn = nullptr;
  ipc.channel = nullptr;
  return ipc.status;
}

int64_t msg_receivev(int64_t chid, uint64_t riov, int64_t rparts, uint64_t user_info) {
  tThread* cur = sched_current();
  PartsRelease dst{cur->ipc.receive};
  const int64_t bad = parts_copyin(dst.p, riov, rparts);
  if (bad != 0) return bad;
  for (;;) {
    tChannel* ch = channel_lookup(cur->proc, chid);
    if (ch == nullptr) return -QRV_ESRCH;
    MsgQueueEntry* e = ch->queue.front();
    if (e != nullptr && e->is_pulse) {
      Pulse* p = static_cast<Pulse*>(e);
      const struct _pulse m = pulse_message(*p);
      if (!copy_to_parts(dst.p, &m, sizeof m)) return -QRV_EFAULT;  // it stays queued
      const uint8_t priority = p->msg_priority;
      ch->queue.remove(*p);
      pulse_free(ch, p);
      serve(cur, ch);
      inherit(cur, ch, priority);
      return 0;
    }
    if (e != nullptr) {
      tThread* client = static_cast<tThread*>(e);
      const XferResult x = transfer(cur->proc->as, dst.p, client->proc->as, client->ipc.send);
      if (!x.ok()) {
        if (copy_fault(CopyCall::kReceive, side_of(x, /*client_is_source=*/true)) == FaultOutcome::kServerFails) {
          return -QRV_EFAULT;  // the client stays queued
        }
        fail_client(client);  // the client's message is unreadable: try the next
        continue;
      }
      if (user_info != 0) {
        const _msg_info info = info_of(client, x.copied);
        if (!copy_to_user(user_info, &info, sizeof info)) return -QRV_EFAULT;  // stays queued
      }
      ch->queue.remove(*client);
      client->state_ = STATE_REPLY;
      ch->replies.push_back(*client);
      const int32_t rcvid = rcvid_make(client->ipc.conn->scoid, client->tid, ++client->ipc.generation);
      client->ipc.rcvid = rcvid;
      timeout_recheck(client);  // a timeout that covers only REPLY may end it now
      serve(cur, ch);
      inherit(cur, ch, client->msg_priority);
      return rcvid;
    }
    // Nothing queued: wait at the thread's own priority.
    if (timeout_expired(cur, STATE_RECEIVE)) return -QRV_ETIMEDOUT;
    if (signal_interrupts(cur)) return signal_eintr(cur);  // a signal is on its way in
    if (cur->priority_ != cur->ipc.real_priority) sched_inherit(cur, cur->ipc.real_priority);
    cur->ipc.channel = ch;
    cur->ipc.status = 0;
    ch->receivers.push_back(*cur);
    cur->state_ = STATE_RECEIVE;
    timeout_start(cur);
    sched_block();
    timeout_stop(cur);
    cur->ipc.channel = nullptr;
    if (cur->ipc.status != 0) return cur->ipc.status;  // timeout or signal
  }
}

int64_t msg_replyv(int64_t rcvid, int64_t status, uint64_t siov, int64_t sparts) {
  tThread* client = msg_reply_target(rcvid);
  if (client == nullptr) return -QRV_ESRCH;
  LocalParts src;
  const int64_t bad = parts_copyin(src.p, siov, sparts);
  if (bad != 0) return bad;
  const XferResult x = transfer(client->proc->as, client->ipc.reply, sched_current()->proc->as, src.p);
  if (!x.ok() && copy_fault(CopyCall::kReply, side_of(x, /*client_is_source=*/false)) == FaultOutcome::kServerFails) {
    return -QRV_EFAULT;  // the client keeps waiting
  }
  msg_client_unlink(client);
  msg_client_finish(client, x.ok() ? status : -QRV_EFAULT, /*by_server=*/true);
  return 0;
}

int64_t msg_error(int64_t rcvid, int64_t error) {
  if (error <= 0 || error >= 4096) return -QRV_EINVAL;
  tThread* client = msg_reply_target(rcvid);
  if (client == nullptr) return -QRV_ESRCH;
  // A server answering a signal's unblock request with EINTR did nothing:
  // the send may start again (SA_RESTART).
  if (error == QRV_EINTR && client->ipc.unblock_requested) signal_mark_restartable(client, client->frame->x[10]);
  msg_client_unlink(client);
  msg_client_finish(client, -error, /*by_server=*/true);
  return 0;
}

namespace {
// MsgReadv (to_client false: the client's message at `offset` into the
// server's parts) and MsgWritev (to_client true: the server's parts into the
// client's reply buffers at `offset`). A fault on the client's side fails
// its send too; either way the caller gets EFAULT.
int64_t partial_xfer(int64_t rcvid, uint64_t user_iov, int64_t parts, uint64_t offset, bool to_client) {
  tThread* client = msg_reply_target(rcvid);
  if (client == nullptr) return -QRV_ESRCH;
  LocalParts mine;
  const int64_t bad = parts_copyin(mine.p, user_iov, parts);
  if (bad != 0) return bad;
  tAddress* const server_as = sched_current()->proc->as;
  const XferResult x =
      to_client ? mm_map_xferv_at(client->proc->as, client->ipc.reply.view(), offset, server_as, mine.p.view(), 0)
                : mm_map_xferv_at(server_as, mine.p.view(), 0, client->proc->as, client->ipc.send.view(), offset);
  if (!x.ok()) {
    if (copy_fault(CopyCall::kPartial, side_of(x, !to_client)) == FaultOutcome::kClientAndServerFail) {
      fail_client(client);
    }
    return -QRV_EFAULT;
  }
  return static_cast<int64_t>(x.copied);
}
}  // namespace

int64_t msg_readv(int64_t rcvid, uint64_t riov, int64_t rparts, uint64_t offset) {
  return partial_xfer(rcvid, riov, rparts, offset, /*to_client=*/false);
}

int64_t msg_writev(int64_t rcvid, uint64_t siov, int64_t sparts, uint64_t offset) {
  return partial_xfer(rcvid, siov, sparts, offset, /*to_client=*/true);
}

int64_t msg_info(int64_t rcvid, uint64_t user_info) {
  tThread* client = msg_reply_target(rcvid);
  if (client == nullptr) return -QRV_ESRCH;
  const uint64_t len = client->ipc.send.total;
  const _msg_info info = info_of(client, len);
  return copy_to_user(user_info, &info, sizeof info) ? 0 : -QRV_EFAULT;
}

bool msg_unblock(tThread* t, int64_t status) {
  tChannel* ch = t->ipc.channel;
  const auto state = static_cast<ThreadState>(t->state_);
  switch (unblock_action(state, ch != nullptr && (ch->flags & QRV_NTO_CHF_UNBLOCK) != 0,
                         t->ipc.unblock_requested)) {
    case UnblockAction::kNotBlocked:
      return false;
    case UnblockAction::kKeepWaiting:
      return false;  // the server was told: it replies or calls MsgError
    case UnblockAction::kNotifyServer:
      if (pulse_queue(ch, t->msg_priority, QRV_PULSE_CODE_UNBLOCK, t->ipc.rcvid, t->ipc.conn->scoid) ==
          Status::kOk) {
        t->ipc.unblock_requested = true;
        return false;
      }
      break;  // no room for the pulse: end the wait rather than lose the unblock
    case UnblockAction::kEndNow:
      break;
  }
  if (state == STATE_RECEIVE) {
    ch->receivers.remove(*t);
    t->ipc.status = status;
    sched_make_ready(t);
  } else {
    msg_client_unlink(t);
    msg_client_finish(t, status);
  }
  return true;
}

void msg_thread_exit(tThread* t) {
  if (t->ipc.serving != nullptr) {
    t->ipc.serving->servers.remove(*t);
    t->ipc.serving = nullptr;
  }
}

void msg_thread_cancel(tThread* t) {
  switch (t->state_) {
    case STATE_RECEIVE:
      if (t->ipc.channel != nullptr) t->ipc.channel->receivers.remove(*t);
      break;
    case STATE_SEND:
    case STATE_REPLY:
      msg_client_unlink(t);
      break;
    default:
      break;
  }
  timeout_stop(t);
  parts_release(t->ipc.send);
  parts_release(t->ipc.reply);
  parts_release(t->ipc.receive);
  t->ipc.channel = nullptr;
  t->ipc.conn = nullptr;
}
