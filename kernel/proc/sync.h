// Kernel side of pthread mutexes and condition variables (SyncMutexLock,
// SyncMutexUnlock, SyncCondvarWait, SyncCondvarSignal). The lock word is
// qrv_sync_t.count in user memory: 0 when free, else the owner's tid. It is
// read and written only here, under the big kernel lock; waiters are the
// process's threads in STATE_MUTEX / STATE_CONDVAR on that word's address,
// woken highest priority first, then first come. Unlock hands the mutex
// straight to the next waiter.
#pragma once

#include <cstdint>

int64_t sync_mutex_lock(uint64_t user_sync);
int64_t sync_mutex_unlock(uint64_t user_sync);
int64_t sync_condvar_wait(uint64_t user_cond, uint64_t user_mutex);
int64_t sync_condvar_signal(uint64_t user_cond, bool all);
