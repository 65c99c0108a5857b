// Register decoding for the message-passing kernel calls (see ipc_calls.h).
// Numbers arrive as 64-bit registers: signed ones are reinterpreted, so a
// negative id or count is seen as such and refused by the callee.
#include "kernel/ipc/ipc_calls.h"

#include "kernel/abi/errno.h"
#include "kernel/ipc/channel.h"
#include "kernel/ipc/msg.h"
#include "kernel/ipc/pulse.h"
#include "kernel/proc/sched.h"

namespace {
uint64_t arg(const TrapFrame& f, int i) { return f.x[10 + i]; }
int64_t sarg(const TrapFrame& f, int i) { return static_cast<int64_t>(f.x[10 + i]); }
}  // namespace

int64_t ker_channel_create(TrapFrame& f) {
  if (arg(f, 0) > UINT32_MAX) return -QRV_EINVAL;
  return channel_create(sched_current()->proc, static_cast<uint32_t>(arg(f, 0)));
}

int64_t ker_channel_destroy(TrapFrame& f) {
  tChannel* ch = channel_lookup(sched_current()->proc, sarg(f, 0));
  if (ch == nullptr) return -QRV_EINVAL;
  channel_destroy(ch);
  return 0;
}

// ConnectAttach(nd, pid, chid, index, flags): only the local node (nd 0).
int64_t ker_connect_attach(TrapFrame& f) {
  if (arg(f, 0) != 0) return -QRV_EINVAL;
  return connect_attach(sched_current()->proc, sarg(f, 1), sarg(f, 2), arg(f, 3), arg(f, 4));
}

int64_t ker_connect_detach(TrapFrame& f) {
  tConnect* c = connect_lookup(sched_current()->proc, sarg(f, 0));
  if (c == nullptr) return -QRV_EINVAL;
  connect_detach(c);
  return 0;
}

int64_t ker_msg_sendv(TrapFrame& f) { return msg_sendv(sarg(f, 0), arg(f, 1), sarg(f, 2), arg(f, 3), sarg(f, 4)); }
int64_t ker_msg_receivev(TrapFrame& f) { return msg_receivev(sarg(f, 0), arg(f, 1), sarg(f, 2), arg(f, 3)); }
int64_t ker_msg_replyv(TrapFrame& f) { return msg_replyv(sarg(f, 0), sarg(f, 1), arg(f, 2), sarg(f, 3)); }
int64_t ker_msg_error(TrapFrame& f) { return msg_error(sarg(f, 0), sarg(f, 1)); }
int64_t ker_msg_readv(TrapFrame& f) { return msg_readv(sarg(f, 0), arg(f, 1), sarg(f, 2), arg(f, 3)); }
int64_t ker_msg_writev(TrapFrame& f) { return msg_writev(sarg(f, 0), arg(f, 1), sarg(f, 2), arg(f, 3)); }
int64_t ker_msg_info(TrapFrame& f) { return msg_info(sarg(f, 0), arg(f, 1)); }
int64_t ker_msg_send_pulse(TrapFrame& f) { return msg_send_pulse(sarg(f, 0), sarg(f, 1), sarg(f, 2), sarg(f, 3)); }
int64_t ker_msg_deliver_event(TrapFrame& f) { return msg_deliver_event(sarg(f, 0), arg(f, 1)); }
