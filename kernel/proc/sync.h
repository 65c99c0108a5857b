// Kernel side of pthread mutexes and condition variables (SyncMutexLock,
// SyncMutexUnlock, SyncCondvarWait, SyncCondvarSignal). A mutex's lock word
// is qrv_sync_t.count in user memory (kernel/abi/types.h: owner tid and a
// WAITERS bit). User threads lock and unlock it without the kernel when
// nobody waits, so the kernel changes it only by atomic compare-and-swap,
// and a thread sleeps only after its swap set WAITERS (the owner's unlock
// then comes here). Waiters are the process's threads in STATE_MUTEX /
// STATE_CONDVAR on that word's address, woken highest priority first, then
// first come; unlock hands the mutex straight to the next waiter.
// TimerTimeout's MUTEX and CONDVAR bits bound the waits (ETIMEDOUT); a signal
// ends a condvar wait (EINTR) but not a mutex wait. A condvar wait returns
// with the mutex held whatever ended it. All of it runs under the big kernel lock.
#pragma once

#include <cstdint>

int64_t sync_mutex_lock(uint64_t user_sync);
int64_t sync_mutex_unlock(uint64_t user_sync);
int64_t sync_condvar_wait(uint64_t user_cond, uint64_t user_mutex);
int64_t sync_condvar_signal(uint64_t user_cond, bool all);
