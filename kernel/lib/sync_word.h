// The kernel's half of the mutex lock-word protocol (kernel/abi/types.h,
// qrv_sync_t): pure functions from the word seen to the word to swap in.
// kernel/proc/sync.cc applies them with a compare-and-swap on the user word
// until one lands, since user threads swap the word without any kernel lock.
#pragma once

#include <cstdint>

#include "kernel/abi/types.h"

enum class MutexLockAction : uint8_t {
  kTake,   // swap `next` in: the caller then owns the mutex
  kWait,   // swap `next` in (WAITERS set), then sleep until handed the mutex
  kOwned,  // the caller owns it already (nothing to swap)
};

struct MutexLockStep {
  MutexLockAction action;
  uint32_t next;
};

// A lock by thread `self` that saw `word`; `others_wait` says whether other
// threads sleep on this mutex in the kernel (a free word normally means
// none, but a taker must keep WAITERS set if some do, so its unlock hands off).
constexpr MutexLockStep mutex_lock_step(uint32_t word, uint32_t self, bool others_wait) {
  const uint32_t owner = word & QRV_SYNC_OWNER_MASK;
  if (owner == self) return {MutexLockAction::kOwned, word};
  if (owner == 0) return {MutexLockAction::kTake, self | (others_wait ? QRV_SYNC_WAITERS : 0u)};
  return {MutexLockAction::kWait, word | QRV_SYNC_WAITERS};
}

struct MutexUnlockStep {
  bool owned;     // false: `self` does not own the mutex (EPERM), swap nothing
  uint32_t next;  // the word to swap in
};

// An unlock by `self` that saw `word`; `heir` is the waiter to hand the
// mutex to (0: nobody waits) and `more` whether others wait behind it.
constexpr MutexUnlockStep mutex_unlock_step(uint32_t word, uint32_t self, uint32_t heir, bool more) {
  if ((word & QRV_SYNC_OWNER_MASK) != self) return {false, word};
  if (heir == 0) return {true, 0};
  return {true, heir | (more ? QRV_SYNC_WAITERS : 0u)};
}
