// Signal state embedded in kernel processes and threads (kernel/proc/signal.cc
// and sigwait.cc read and write it, always under the big kernel lock): a
// process's dispositions, the signals sent to it as a whole and every pending
// signal's report; a thread's blocked set, the signals sent to it alone, and
// the flag its way back to user mode tests.
#pragma once

#include <cstdint>

#include "kernel/abi/signals.h"
#include "kernel/lib/sigqueue.h"

// What a signal does when delivered (SignalAction): QRV_SIG_DFL, QRV_SIG_IGN
// or a handler's user address; QRV_SA_* flags; signals blocked while it runs.
struct SignalDisposition {
  uint64_t handler = QRV_SIG_DFL;
  uint64_t flags = 0;
  uint64_t mask = 0;
};

struct ProcessSignals {
  SignalDisposition actions[QRV_SIGMAX];  // by signo - 1
  uint64_t stub = 0;     // the sigstub every handler is entered through
  uint64_t pending = 0;  // sent to the process, not yet taken by a thread (bit signo - 1)
  SigQueue queue;        // the reports of the pending signals, its threads' too
};

struct ThreadSignals {
  uint64_t blocked = 0;  // never SIGKILL or SIGSTOP
  uint64_t pending = 0;  // sent to this thread alone
  uint64_t waiting = 0;  // in STATE_SIGWAITINFO: the signals it waits for
  uint64_t restore_mask = 0;  // SignalSuspend: the blocked set its handler returns to
  uint64_t restart_a0 = 0;    // the interrupted call's a0, to start it again (SA_RESTART)
  uint64_t alt_sp = 0;        // SignalAltstack: the alternate stack's lowest address...
  uint64_t alt_size = 0;      // ...and its size; 0: none (a new thread has none)
  // Something may be deliverable: the return to user mode calls
  // signal_deliver, which clears it. The only test on the common path.
  bool check = false;
  bool restore = false;  // restore_mask is still to be restored
  bool restart = false;  // its call ended with EINTR and may start again
};
