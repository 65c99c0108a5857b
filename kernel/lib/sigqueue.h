// The reports (qrv_siginfo) of a process's pending signals, in the order
// sent: every instance of a realtime signal (at most QRV_SIGQUEUE_MAX), one
// per target for a standard signal (a second one coalesces into the first).
// The pending bit sets stay the truth of what is pending; this is what each
// instance tells its handler. Pure: built for the host too (sigqueue_test).
#pragma once

#include <cstdint>

#include "kernel/abi/signals.h"
#include "kernel/abi/types.h"

// Realtime instances, plus one of each standard signal for the process,
// plus some for thread-directed standard ones; a standard signal finding
// no slot is pending with a bare report (SI_USER, no sender, as Linux).
inline constexpr uint32_t kSigQueueSlots = QRV_SIGQUEUE_MAX + (QRV_SIGRTMIN - 1) + 15;

struct SigQueue {
  struct Entry {
    qrv_siginfo info;
    uint32_t tid;  // 0: sent to the process as a whole
    uint32_t reserved;
  };
  Entry entries[kSigQueueSlots];  // [0, used), oldest first
  uint32_t used = 0;
  uint32_t realtime = 0;  // realtime entries among them
};

constexpr bool sig_is_realtime(int signo) { return signo >= QRV_SIGRTMIN && signo <= QRV_SIGRTMAX; }

// Records info (info.si_signo is the signal) sent to target tid (0: the
// process). already_pending: the signal is pending for that target now, so
// a standard one coalesces (nothing recorded). -QRV_EAGAIN for a realtime
// signal when QRV_SIGQUEUE_MAX are queued; else 0.
int64_t sigqueue_add(SigQueue& q, uint32_t tid, const qrv_siginfo& info, bool already_pending);

// Takes the oldest report of signo for tid into *info (a bare report if
// none was recorded). Returns whether another instance for tid is left.
bool sigqueue_take(SigQueue& q, uint32_t tid, int signo, qrv_siginfo* info);

// Drops every report of signo, whatever its target.
void sigqueue_drop(SigQueue& q, int signo);

// Drops the reports sent to thread tid (it exits; its tid may be reused).
void sigqueue_drop_thread(SigQueue& q, uint32_t tid);
