// The pending signals' reports (see sigqueue.h): a small array kept in
// arrival order, so a realtime signal's instances come out as they were sent.
#include "kernel/lib/sigqueue.h"

#include "kernel/abi/errno.h"

namespace {
// Removes entry i, keeping the order of the others.
void remove_at(SigQueue& q, uint32_t i) {
  if (sig_is_realtime(q.entries[i].info.signo)) --q.realtime;
  for (uint32_t j = i + 1; j < q.used; ++j) q.entries[j - 1] = q.entries[j];
  --q.used;
}

template <typename Pred>
void remove_if(SigQueue& q, Pred pred) {
  uint32_t i = 0;
  while (i < q.used) {
    if (pred(q.entries[i])) {
      remove_at(q, i);
    } else {
      ++i;
    }
  }
}
}  // namespace

int64_t sigqueue_add(SigQueue& q, uint32_t tid, const qrv_siginfo& info, bool already_pending) {
  const bool rt = sig_is_realtime(info.signo);
  if (!rt && already_pending) return 0;
  if (rt && q.realtime >= QRV_SIGQUEUE_MAX) return -QRV_EAGAIN;
  // Standard reports leave the realtime ones their room: past it, a bare report.
  if (!rt && q.used - q.realtime >= kSigQueueSlots - QRV_SIGQUEUE_MAX) return 0;
  q.entries[q.used++] = SigQueue::Entry{info, tid, 0};
  if (rt) ++q.realtime;
  return 0;
}

bool sigqueue_take(SigQueue& q, uint32_t tid, int signo, qrv_siginfo* info) {
  bool found = false;
  bool more = false;
  for (uint32_t i = 0; i < q.used; ++i) {
    const SigQueue::Entry& e = q.entries[i];
    if (e.tid != tid || e.info.signo != signo) continue;
    if (found) {
      more = true;
      break;
    }
    *info = e.info;
    remove_at(q, i);
    found = true;
    --i;  // entry i is now the next one
  }
  if (!found) {
    *info = qrv_siginfo{};
    info->signo = signo;
    info->code = QRV_SI_USER;
  }
  return more;
}

void sigqueue_drop(SigQueue& q, int signo) {
  remove_if(q, [signo](const SigQueue::Entry& e) { return e.info.signo == signo; });
}

void sigqueue_drop_thread(SigQueue& q, uint32_t tid) {
  remove_if(q, [tid](const SigQueue::Entry& e) { return e.tid == tid; });
}
