// Register decoding for the message-passing kernel calls (see ipc_calls.h).
// Numbers arrive as 64-bit registers: signed ones are reinterpreted, so a
// negative id or count is seen as such and refused by the callee.
#include "kernel/ipc/ipc_calls.h"

#include "kernel/abi/errno.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/ipc/channel.h"
#include "kernel/ipc/msg.h"
#include "kernel/ipc/pulse.h"
#include "kernel/proc/sched.h"

int64_t ker_channel_create(TrapFrame& f) {
  if (f.arg(0) > UINT32_MAX) return -QRV_EINVAL;
  return channel_create(sched_current()->proc, static_cast<uint32_t>(f.arg(0)));
}

int64_t ker_channel_destroy(TrapFrame& f) {
  tChannel* ch = channel_lookup(sched_current()->proc, f.sarg(0));
  if (ch == nullptr) return -QRV_EINVAL;
  channel_destroy(ch);
  return 0;
}

// ConnectAttach(nd, pid, chid, index, flags): only the local node (nd 0).
int64_t ker_connect_attach(TrapFrame& f) {
  if (f.arg(0) != 0) return -QRV_EINVAL;
  return connect_attach(sched_current()->proc, f.sarg(1), f.sarg(2), f.arg(3), f.arg(4));
}

int64_t ker_connect_detach(TrapFrame& f) {
  tConnect* c = connect_lookup(sched_current()->proc, f.sarg(0));
  if (c == nullptr) return -QRV_EINVAL;
  connect_detach(c);
  return 0;
}

// ConnectServerInfo(pid, coid, info): the caller's own connections only.
int64_t ker_connect_server_info(TrapFrame& f) {
  tProcess* proc = sched_current()->proc;
  if (f.sarg(0) != 0 && f.sarg(0) != static_cast<int64_t>(proc->pid)) return -QRV_EPERM;
  struct qrv_server_info info = {};
  const int64_t coid = connect_server_info(proc, f.sarg(1), &info);
  if (coid < 0) return coid;
  return copy_to_user(f.arg(2), &info, sizeof info) ? coid : -QRV_EFAULT;
}

// ConnectFlags(pid, coid, mask, bits): the old flags; the bits under mask
// become `bits`. The caller's own connections only.
int64_t ker_connect_flags(TrapFrame& f) {
  tProcess* proc = sched_current()->proc;
  if (f.sarg(0) != 0 && f.sarg(0) != static_cast<int64_t>(proc->pid)) return -QRV_EPERM;
  if ((f.arg(2) & ~uint64_t{QRV_NTO_COF_CLOEXEC}) != 0 || (f.arg(3) & ~f.arg(2)) != 0) return -QRV_EINVAL;
  tConnect* c = connect_lookup(proc, f.sarg(1));
  if (c == nullptr) return -QRV_EBADF;
  const uint32_t old = c->flags;
  c->flags = static_cast<uint32_t>((old & ~f.arg(2)) | f.arg(3));
  return old;
}

int64_t ker_msg_sendv(TrapFrame& f) { return msg_sendv(f.sarg(0), f.arg(1), f.sarg(2), f.arg(3), f.sarg(4)); }
int64_t ker_msg_receivev(TrapFrame& f) { return msg_receivev(f.sarg(0), f.arg(1), f.sarg(2), f.arg(3)); }
int64_t ker_msg_replyv(TrapFrame& f) { return msg_replyv(f.sarg(0), f.sarg(1), f.arg(2), f.sarg(3)); }
int64_t ker_msg_error(TrapFrame& f) { return msg_error(f.sarg(0), f.sarg(1)); }
int64_t ker_msg_readv(TrapFrame& f) { return msg_readv(f.sarg(0), f.arg(1), f.sarg(2), f.arg(3)); }
int64_t ker_msg_writev(TrapFrame& f) { return msg_writev(f.sarg(0), f.arg(1), f.sarg(2), f.arg(3)); }
int64_t ker_msg_info(TrapFrame& f) { return msg_info(f.sarg(0), f.arg(1)); }
int64_t ker_msg_send_pulse(TrapFrame& f) { return msg_send_pulse(f.sarg(0), f.sarg(1), f.sarg(2), f.sarg(3)); }
int64_t ker_msg_deliver_event(TrapFrame& f) { return msg_deliver_event(f.sarg(0), f.arg(1)); }
