// Kernel timeouts (QNX TimerTimeout): a thread names the blocking states
// (QRV_NTO_TIMEOUT_*) its next kernel call may wait in, and a deadline. If
// the call blocks in one of them past the deadline, it ends with ETIMEDOUT.
// The setting lasts for one kernel call: the dispatcher clears it after any
// call but TimerTimeout itself. All under the big kernel lock.
#pragma once

#include <cstdint>

#include "kernel/proc/thread.h"

// TimerTimeout(clock, flags, const sigevent* event, const uint64_t* ntime,
// uint64_t* otime): event NULL or SIGEV_UNBLOCK; ntime NULL means "now"
// (poll: fail at once instead of blocking), else nanoseconds, relative or
// absolute (QRV_TIMER_ABSTIME); *otime gets what was left of the previous
// setting. Returns the previous flags.
int64_t timer_timeout(uint64_t clock, uint64_t flags, uint64_t user_event, uint64_t user_ntime,
                      uint64_t user_otime);

// True if t's timeout covers `state` and its deadline has passed: the call
// fails with ETIMEDOUT instead of blocking.
bool timeout_expired(const tThread* t, ThreadState state);

// t has just blocked: arms its timeout, if it has one.
void timeout_arm(tThread* t);
inline void timeout_start(tThread* t) {
  if (t->timeout.flags != 0) timeout_arm(t);  // inline: every blocking call passes here
}

// t's blocking call is over (or t dies): disarms its timeout.
void timeout_disarm(tThread* t);
inline void timeout_stop(tThread* t) {
  if (t->timeout.timer.armed() || t->timeout.fired) timeout_disarm(t);
}

// The dispatcher's end of a call: the setting is spent.
inline void timeout_clear(tThread* t) { t->timeout.flags = 0; }

// The timer queue's expiry for a kTimeout entry.
void timeout_fire(tThread* t);

// t has moved into `state` within the same call (SEND to REPLY): if its
// timeout expired earlier and covers the new state, it ends now.
void timeout_recheck(tThread* t);
