// kernel_check and leak accounting (see kcheck.h). The checks walk every
// process, thread and channel: O(objects), for test images.
#include "kernel/proc/kcheck.h"

#include "kernel/console/console.h"
#include "kernel/ipc/channel.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/kheap.h"
#include "kernel/mm/kstack.h"
#include "kernel/mm/mm_init.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/counts.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {
struct Tally {
  uint64_t senders = 0;    // SEND-blocked threads found on send queues
  uint64_t repliers = 0;   // REPLY-blocked, on reply lists
  uint64_t receivers = 0;  // RECEIVE-blocked, on receiver lists
  uint64_t pulses = 0;
  uint64_t connects = 0;   // live connections found on channels
};

const char* check_channel(const tChannel& ch, Tally& n) {
  uint64_t pulses = 0;
  for (const MsgQueueEntry* e = ch.queue.front(); e != nullptr; e = ch.queue.next(*e)) {
    if (e->is_pulse) {
      ++pulses;
      continue;
    }
    const auto* t = static_cast<const tThread*>(e);
    if (t->state_ != STATE_SEND || t->ipc.channel != &ch) return "channel: a queued thread not SEND-blocked on it";
    ++n.senders;
  }
  n.pulses += pulses;
  for (const MsgQueueEntry* e = ch.replies.front(); e != nullptr; e = ch.replies.next(*e)) {
    const auto* t = static_cast<const tThread*>(e);
    if (t->state_ != STATE_REPLY || t->ipc.channel != &ch) return "channel: a reply-list thread not REPLY-blocked on it";
    ++n.repliers;
  }
  for (const MsgQueueEntry* e = ch.receivers.front(); e != nullptr; e = ch.receivers.next(*e)) {
    const auto* t = static_cast<const tThread*>(e);
    if (t->state_ != STATE_RECEIVE || t->ipc.channel != &ch) return "channel: a receiver not RECEIVE-blocked on it";
    ++n.receivers;
  }
  for (const tThread* t = ch.servers.front(); t != nullptr; t = ch.servers.next(*t)) {
    if (t->ipc.serving != &ch || t->exited) return "channel: a server that does not serve it";
  }
  for (const tConnect* c = ch.connects.front(); c != nullptr; c = ch.connects.next(*c)) {
    if (c->channel != &ch || connect_lookup(c->proc, c->coid) != c) return "channel: a connection not in its owner's table";
    ++n.connects;
  }
  return nullptr;
}

// The threads' side of the same relations, and their armed timers.
const char* check_threads(const tProcess& p, Tally& n, uint64_t& armed) {
  for (const tThread* t : p.threads) {
    if (t == nullptr) continue;
    const bool sleeping = t->state_ == STATE_NANOSLEEP;
    if (t->sleep.armed() != sleeping) return "thread: sleep timer armed iff NANOSLEEP";
    armed += t->sleep.armed() + t->timeout.timer.armed();
    switch (t->state_) {
      case STATE_SEND: --n.senders; break;
      case STATE_REPLY: --n.repliers; break;
      case STATE_RECEIVE: --n.receivers; break;
      default: break;
    }
    if (t->exited != (t->state_ == STATE_DEAD)) return "thread: exited iff DEAD";
  }
  for (const ProcTimer& timer : p.timers) armed += timer.armed();
  return nullptr;
}

// Every pending signal's report names a signal pending for its target (the
// process, or a live thread of it), and the realtime count is right (for a
// process not exiting: its killed threads keep their reports until it goes).
const char* check_signals(const tProcess& p) {
  const SigQueue& q = p.sig.queue;
  if (q.used > kSigQueueSlots || q.realtime > QRV_SIGQUEUE_MAX) return "signals: queue over its bounds";
  uint32_t realtime = 0;
  for (uint32_t i = 0; i < q.used; ++i) {
    const SigQueue::Entry& e = q.entries[i];
    if (e.info.signo < 1 || e.info.signo > QRV_SIGMAX) return "signals: a report of no signal";
    const uint64_t bit = uint64_t{1} << (e.info.signo - 1);
    realtime += sig_is_realtime(e.info.signo);
    if (e.tid == 0) {
      if ((p.sig.pending & bit) == 0) return "signals: a report of a signal not pending for the process";
    } else {
      const tThread* t = e.tid <= kMaxThreadsPerProcess ? p.threads[e.tid - 1] : nullptr;
      if (t == nullptr || t->exited || (t->sig.pending & bit) == 0) return "signals: a report of a signal not pending for its thread";
    }
  }
  return realtime == q.realtime ? nullptr : "signals: realtime count disagrees with the queue";
}

// No two address spaces share an ASID: the TLB would mix them.
const char* check_asids() {
  for (uint32_t i = 0; i < kMaxProcesses; ++i) {
    const tProcess* a = process_slot(i);
    if (a == nullptr || a->as == nullptr) continue;
    for (uint32_t j = i + 1; j < kMaxProcesses; ++j) {
      const tProcess* b = process_slot(j);
      if (b != nullptr && b->as != nullptr && b->as->pt.asid == a->as->pt.asid) return "process: two address spaces share an ASID";
    }
  }
  return nullptr;
}
}  // namespace

const char* kernel_check() {
  const PaCheckReport pa = pa_check();
  if (!pa.ok) return pa.what;
  if (const char* bad = sched_check()) return bad;
  if (const char* bad = check_asids()) return bad;
  Tally n;
  uint64_t armed = 0;
  uint64_t connections = 0;
  for (uint32_t i = 0; i < kMaxProcesses; ++i) {
    const tProcess* p = process_slot(i);
    if (p == nullptr) continue;
    uint64_t queued = 0;
    for (const tChannel* ch : p->ipc.channels) {
      if (ch == nullptr) continue;
      if (ch->proc != p || channel_lookup(const_cast<tProcess*>(p), ch->chid) != ch) return "channel: not in its table";
      const uint64_t before = n.pulses;
      if (const char* bad = check_channel(*ch, n)) return bad;
      queued += n.pulses - before;
    }
    if (queued != p->ipc.queued_pulses) return "process: queued_pulses disagrees with its channels";
    // Slot 3 is taskman's; a child sees it only while its loader runs.
    const bool loading = (p->flags & QRV_FLG_PROC_LOADING) != 0;
    if (p->as != nullptr && (p->flags & QRV_FLG_PROC_TM_PRIV) == 0 && mm_root_slot_present(p->as, kTaskmanRootSlot) &&
        !(loading && p->as->taskman_view)) {
      return "process: taskman's root slot present in another page table";
    }
    if (p->as != nullptr && p->as->taskman_view && !loading) return "process: the taskman view outlived the loading";
    for (const tConnect* c : p->ipc.fd_connects) connections += c != nullptr;
    for (const tConnect* c : p->ipc.side_connects) connections += c != nullptr;
  }
  for (uint32_t i = 0; i < kMaxProcesses; ++i) {
    if (const tProcess* p = process_slot(i)) {
      if (const char* bad = check_threads(*p, n, armed)) return bad;
      if (const char* bad = p->exiting ? nullptr : check_signals(*p)) return bad;  // a dying one's threads go anyhow
    }
  }
  if (n.senders != 0 || n.repliers != 0 || n.receivers != 0) return "threads and channel lists disagree";
  const IpcCounts& ipc = ipc_counts();
  if (n.pulses != ipc.pulses) return "pulse count disagrees with the channels";
  if (connections != ipc.connections || n.connects > connections) return "connection count disagrees with the tables";
  if (armed != clock_armed_count()) return "timer queue size disagrees with the armed timers";
  return nullptr;
}

qrv_kernel_counts leak_baseline() {
  kheap().reap();
  mm_spaces().cache.reap();
  kstack_cache_reap();
  return kernel_counts();
}

bool leak_check(const qrv_kernel_counts& base, const char* what) {
  const qrv_kernel_counts now = leak_baseline();
  struct {
    const char* name;
    uint64_t was, is;
  } const rows[] = {
      {"processes", base.processes, now.processes},       {"threads", base.threads, now.threads},
      {"channels", base.channels, now.channels},          {"connections", base.connections, now.connections},
      {"pulses", base.pulses, now.pulses},                {"timers", base.timers, now.timers},
      {"heap bytes", base.heap_bytes, now.heap_bytes},    {"free bytes", base.free_bytes, now.free_bytes},
  };
  bool ok = true;
  for (const auto& r : rows) {
    if (r.was != r.is) {
      kprintf("leak: %s: %s %lu before, %lu after\n", what, r.name, r.was, r.is);
      ok = false;
    }
  }
  return ok;
}
