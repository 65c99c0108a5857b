// Signal state embedded in kernel processes and threads (kernel/proc/signal.cc
// reads and writes it, always under the big kernel lock): a process's
// dispositions and the signals sent to it as a whole; a thread's blocked set,
// the signals sent to it alone, and the flag its way back to user mode tests.
#pragma once

#include <cstdint>

#include "kernel/abi/signals.h"

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
};

struct ThreadSignals {
  uint64_t blocked = 0;  // never SIGKILL or SIGSTOP
  uint64_t pending = 0;  // sent to this thread alone
  // Something may be deliverable: the return to user mode calls
  // signal_deliver, which clears it. The only test on the common path.
  bool check = false;
};
