// Ending a blocked kernel call early, for a timeout (ETIMEDOUT) or a signal
// (EINTR): the call returns `status` instead of waiting on. A thread waiting
// for a mutex ends its wait only for a timeout (POSIX: a signal does not end
// a mutex lock); a condition variable's waiter ends it for either, and
// reacquires the mutex before its call returns.
#pragma once

#include <cstdint>

#include "kernel/proc/thread.h"

// True if t was made ready. False when t is not blocked in an interruptible
// state, or when its call chose to go on waiting (a REPLY-blocked client on
// a QRV_NTO_CHF_UNBLOCK channel: its server was sent an UNBLOCK pulse).
bool thread_unblock(tThread* t, int64_t status);
