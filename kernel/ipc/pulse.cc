// Pulses and event delivery (see pulse.h).
#include "kernel/ipc/pulse.h"

#include <new>

#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/ipc/msg.h"
#include "kernel/ipc/rcvid.h"
#include "kernel/mm/kheap.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/signal.h"

Pulse* pulse_alloc() {
  void* mem = kmalloc(sizeof(Pulse));
  return mem == nullptr ? nullptr : new (mem) Pulse();
}

void pulse_discard(Pulse* p) {
  if (p == nullptr) return;
  p->~Pulse();
  kfree(p, sizeof(Pulse));
}

void pulse_queue_allocated(tChannel* ch, Pulse* p, uint8_t priority, int8_t code, int32_t value,
                           uint32_t scoid) {
  p->is_pulse = true;
  p->msg_priority = priority;
  p->code = code;
  p->value = value;
  p->scoid = scoid;
  ch->queue.insert(*p);
  ch->proc->ipc.queued_pulses++;
  ipc_counts_mut().pulses++;
  if (tThread* r = msg_take_receiver(ch, priority)) sched_make_ready(r);
}

Status pulse_queue(tChannel* ch, uint8_t priority, int8_t code, int32_t value, uint32_t scoid) {
  if (ch->proc->ipc.queued_pulses >= kMaxQueuedPulses) return Status::kBusy;
  Pulse* p = pulse_alloc();
  if (p == nullptr) return Status::kNoMemory;
  pulse_queue_allocated(ch, p, priority, code, value, scoid);
  return Status::kOk;
}

void pulse_free(tChannel* ch, Pulse* p) {
  ch->proc->ipc.queued_pulses--;
  ipc_counts_mut().pulses--;
  pulse_discard(p);
}

struct _pulse pulse_message(const Pulse& p) {
  struct _pulse m = {};
  m.type = QRV_PULSE_TYPE;
  m.code = p.code;
  m.value.sival_int = p.value;
  m.scoid = static_cast<int32_t>(p.scoid);
  return m;
}

namespace {
int64_t queue_status(Status s) {
  switch (s) {
    case Status::kOk: return 0;
    case Status::kBusy: return -QRV_EAGAIN;
    default: return -QRV_ENOMEM;
  }
}

bool valid_priority(int64_t p) { return p >= 1 && p <= 255; }
}  // namespace

int64_t msg_send_pulse(int64_t coid, int64_t priority, int64_t code, int64_t value) {
  tThread* cur = sched_current();
  if (code < QRV_PULSE_CODE_MINAVAIL || code > QRV_PULSE_CODE_MAXAVAIL) return -QRV_EINVAL;
  if (priority != -1 && !valid_priority(priority)) return -QRV_EINVAL;
  tConnect* c = connect_lookup(cur->proc, coid);
  if (c == nullptr || c->channel == nullptr) return -QRV_EBADF;
  const uint8_t prio = priority == -1 ? cur->priority_ : static_cast<uint8_t>(priority);
  return queue_status(pulse_queue(c->channel, prio, static_cast<int8_t>(code),
                                  static_cast<int32_t>(value), c->scoid));
}

int64_t event_validate(const qrv_sigevent& ev, bool unblock_ok) {
  switch (ev.sigev_notify) {
    case QRV_SIGEV_NONE:
      return 0;
    case QRV_SIGEV_SIGNAL:
      return ev.sigev_signo_or_coid >= 1 && ev.sigev_signo_or_coid <= QRV_SIGMAX ? 0 : -QRV_EINVAL;
    case QRV_SIGEV_PULSE:
      if (ev.sigev_code < QRV_PULSE_CODE_MINAVAIL || ev.sigev_code > QRV_PULSE_CODE_MAXAVAIL) {
        return -QRV_EINVAL;
      }
      return ev.sigev_priority == -1 || valid_priority(ev.sigev_priority) ? 0 : -QRV_EINVAL;
    case QRV_SIGEV_UNBLOCK:
      return unblock_ok ? 0 : -QRV_EINVAL;
    default:
      return -QRV_EINVAL;
  }
}

int64_t event_send(tProcess* target, const qrv_sigevent& ev, uint8_t default_priority, int32_t code, uint32_t pid) {
  switch (ev.sigev_notify) {
    case QRV_SIGEV_NONE:
      return 0;
    case QRV_SIGEV_SIGNAL: {
      qrv_siginfo info = {};
      info.signo = ev.sigev_signo_or_coid;
      info.code = code;
      info.pid = static_cast<int32_t>(pid);
      info.value = ev.sigev_value;
      return signal_send(target, info);
    }
    case QRV_SIGEV_PULSE: {
      tConnect* c = connect_lookup(target, ev.sigev_signo_or_coid);
      if (c == nullptr || c->channel == nullptr) return -QRV_EBADF;
      const uint8_t prio =
          ev.sigev_priority == -1 ? default_priority : static_cast<uint8_t>(ev.sigev_priority);
      return queue_status(pulse_queue(c->channel, prio, static_cast<int8_t>(ev.sigev_code),
                                      ev.sigev_value.sival_int, c->scoid));
    }
    default:
      return -QRV_EINVAL;
  }
}

int64_t msg_deliver_event(int64_t rcvid, uint64_t user_event) {
  tThread* cur = sched_current();
  qrv_sigevent ev;
  if (!copy_from_user(&ev, user_event, sizeof ev)) return -QRV_EFAULT;
  const int64_t bad = event_validate(ev, /*unblock_ok=*/true);
  if (bad != 0) return bad;
  if (ev.sigev_notify == QRV_SIGEV_UNBLOCK) {
    // Only the exact message being served: a rcvid whose tid bits were
    // changed names no REPLY-blocked client and wakes nobody.
    tThread* t = msg_reply_target(rcvid);
    if (t == nullptr || t->proc->exiting) return -QRV_ESRCH;
    msg_client_unlink(t);
    msg_client_finish(t, -QRV_ETIMEDOUT);  // the server itself asked: nobody to tell
    return 0;
  }
  // A signal or pulse goes to the client process: a rcvid of an earlier,
  // already answered message still names it (QNX's notify-me-later pattern).
  RcvidParts parts;
  if (!rcvid_split(rcvid, &parts)) return -QRV_ESRCH;
  tConnect* c = connect_by_scoid(parts.scoid);
  // Only the server the connection leads to may notify its client.
  if (c == nullptr || c->channel == nullptr || c->channel->proc != cur->proc) return -QRV_ESRCH;
  if (c->proc->exiting) return -QRV_ESRCH;
  return event_send(c->proc, ev, cur->priority_, QRV_SI_USER, cur->proc->pid);
}
