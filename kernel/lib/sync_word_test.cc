// The mutex lock-word protocol: each step on its own, then the whole protocol
// under contention on host threads (a user fast path of compare-and-swaps,
// and a model kernel that applies the steps under one lock the way
// kernel/proc/sync.cc does): the count comes out exact, and a lost wake-up
// would hang the test.
#include "kernel/lib/sync_word.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace {

constexpr uint32_t kW = QRV_SYNC_WAITERS;

TEST(SyncWord, LockTakesAFreeWord) {
  const MutexLockStep s = mutex_lock_step(0, 5, false);
  EXPECT_EQ(s.action, MutexLockAction::kTake);
  EXPECT_EQ(s.next, 5u);
}

TEST(SyncWord, LockTakingAFreeWordKeepsWaitersForThoseAsleep) {
  const MutexLockStep s = mutex_lock_step(kW, 5, true);
  EXPECT_EQ(s.action, MutexLockAction::kTake);
  EXPECT_EQ(s.next, 5u | kW);
  EXPECT_EQ(mutex_lock_step(kW, 5, false).next, 5u);  // a stale bit goes
}

TEST(SyncWord, LockOnAHeldWordSetsWaitersAndWaits) {
  MutexLockStep s = mutex_lock_step(3, 5, false);
  EXPECT_EQ(s.action, MutexLockAction::kWait);
  EXPECT_EQ(s.next, 3u | kW);
  s = mutex_lock_step(3 | kW, 5, true);
  EXPECT_EQ(s.action, MutexLockAction::kWait);
  EXPECT_EQ(s.next, 3u | kW);
}

TEST(SyncWord, LockByTheOwnerIsOwned) {
  EXPECT_EQ(mutex_lock_step(5, 5, false).action, MutexLockAction::kOwned);
  EXPECT_EQ(mutex_lock_step(5 | kW, 5, true).action, MutexLockAction::kOwned);
  EXPECT_EQ(mutex_lock_step(QRV_SYNC_OWNER_MASK, QRV_SYNC_OWNER_MASK, false).action,
            MutexLockAction::kOwned);
}

TEST(SyncWord, UnlockByANonOwnerIsRefused) {
  EXPECT_FALSE(mutex_unlock_step(0, 5, 0, false).owned);
  EXPECT_FALSE(mutex_unlock_step(3, 5, 0, false).owned);
  EXPECT_FALSE(mutex_unlock_step(3 | kW, 5, 7, true).owned);
}

TEST(SyncWord, UnlockFreesOrHandsOver) {
  MutexUnlockStep s = mutex_unlock_step(5, 5, 0, false);
  EXPECT_TRUE(s.owned);
  EXPECT_EQ(s.next, 0u);
  s = mutex_unlock_step(5 | kW, 5, 0, false);  // a stale bit: nobody to hand to
  EXPECT_EQ(s.next, 0u);
  s = mutex_unlock_step(5 | kW, 5, 7, false);  // the last waiter: no bit
  EXPECT_EQ(s.next, 7u);
  s = mutex_unlock_step(5 | kW, 5, 7, true);  // others still wait
  EXPECT_EQ(s.next, 7u | kW);
}

// The kernel side under one lock (the BKL), with the loops of sync.cc: a
// guess, a swap, and a new decision on the word the swap saw.
class ModelKernel {
 public:
  void lock(uint32_t* word, uint32_t self) {
    std::unique_lock<std::mutex> bkl(bkl_);
    ++kernel_locks_;
    bool woken = false;
    uint32_t guess = 0;
    for (;;) {
      // As sync.cc: who sleeps is looked at only for a free word saying WAITERS.
      const MutexLockStep step = mutex_lock_step(guess, self, guess == kW && !waiting_.empty());
      if (step.action == MutexLockAction::kOwned) {
        EXPECT_TRUE(woken) << "relock by the owner";
        return;
      }
      uint32_t seen = guess;
      if (!__atomic_compare_exchange_n(word, &seen, step.next, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        guess = seen;
        continue;
      }
      if (step.action == MutexLockAction::kTake) return;
      waiting_[self] = ++seq_;
      wake_.wait(bkl, [&] { return waiting_.count(self) == 0; });
      woken = true;
      guess = 0;
    }
  }

  void unlock(uint32_t* word, uint32_t self) {
    std::lock_guard<std::mutex> bkl(bkl_);
    uint32_t guess = self | kW;
    for (;;) {
      uint32_t heir = 0;
      uint64_t first = ~uint64_t{0};
      for (const auto& [tid, seq] : waiting_) {
        if (seq < first) {
          first = seq;
          heir = tid;
        }
      }
      // As sync.cc: a word without WAITERS has no sleepers to hand over to.
      const bool sleepers = (guess & kW) != 0 && heir != 0;
      const MutexUnlockStep step = mutex_unlock_step(guess, self, sleepers ? heir : 0, sleepers && waiting_.size() > 1);
      ASSERT_TRUE(step.owned) << "unlock by a non-owner";
      uint32_t seen = guess;
      if (!__atomic_compare_exchange_n(word, &seen, step.next, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        guess = seen;
        continue;
      }
      if (sleepers) {
        waiting_.erase(heir);
        wake_.notify_all();
      }
      return;
    }
  }

  uint64_t kernel_locks() {
    std::lock_guard<std::mutex> bkl(bkl_);
    return kernel_locks_;
  }

 private:
  std::mutex bkl_;
  std::condition_variable wake_;
  std::map<uint32_t, uint64_t> waiting_;  // tid -> arrival order
  uint64_t seq_ = 0;
  uint64_t kernel_locks_ = 0;
};

// libc's side (libc/src/posix/pthread.cc): one swap each way, else the kernel.
void user_lock(ModelKernel& k, uint32_t* word, uint32_t self) {
  uint32_t expected = 0;
  if (__atomic_compare_exchange_n(word, &expected, self, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
  k.lock(word, self);
}

void user_unlock(ModelKernel& k, uint32_t* word, uint32_t self) {
  uint32_t expected = self;
  if (__atomic_compare_exchange_n(word, &expected, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) return;
  k.unlock(word, self);
}

TEST(SyncWord, ProtocolKeepsACounterExactUnderContention) {
  ModelKernel kernel;
  uint32_t word = 0;
  uint64_t counter = 0;  // deliberately not atomic: only the mutex protects it
  constexpr uint32_t kThreads = 8;
  constexpr int kIters = 4000;
  std::vector<std::thread> threads;
  for (uint32_t t = 1; t <= kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kIters; ++i) {
        user_lock(kernel, &word, t);
        const uint64_t v = counter;
        if (i % 16 == 0) std::this_thread::yield();  // held across a yield: others contend
        counter = v + 1;
        user_unlock(kernel, &word, t);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(counter, uint64_t{kThreads} * kIters);
  EXPECT_EQ(word, 0u);  // free, and no waiter left behind
  EXPECT_GT(kernel.kernel_locks(), 0u);  // the slow path was exercised
}

TEST(SyncWord, UncontendedUseNeverEntersTheKernel) {
  ModelKernel kernel;
  uint32_t word = 0;
  for (int i = 0; i < 100; ++i) {
    user_lock(kernel, &word, 9);
    EXPECT_EQ(word, 9u);
    user_unlock(kernel, &word, 9);
  }
  EXPECT_EQ(word, 0u);
  EXPECT_EQ(kernel.kernel_locks(), 0u);
}

}  // namespace
