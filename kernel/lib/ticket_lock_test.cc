// TicketLock under real contention on host threads: mutual exclusion (a
// non-atomic counter comes out exact), FIFO hand-off, try_lock semantics;
// and the parking lock with a policy whose sleep blocks for good unless
// kicked, so a lost wake-up hangs the test (and its timeout fails it).
#include "kernel/lib/ticket_lock.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace {

// Waiters are host threads numbered on first use; a kick is a token that
// stays until the sleeper takes it (the way a pending IPI does).
struct CondvarPark {
  static constexpr bool kParks = true;
  static constexpr uint32_t kSpins = 0;  // park at once: every hand-off is a kick
  struct Slot {
    std::mutex m;
    std::condition_variable cv;
    bool token = false;
  };
  static Slot& slot(uint32_t i) {
    static Slot slots[64];
    return slots[i];
  }
  static uint32_t self() {
    static std::atomic<uint32_t> next{0};
    thread_local uint32_t index = next.fetch_add(1) % 64;
    return index;
  }
  template <class F>
  static void wait(F served) {
    Slot& s = slot(self());
    while (!served()) {
      std::unique_lock<std::mutex> l(s.m);
      s.cv.wait(l, [&] { return s.token; });
      s.token = false;
    }
  }
  static void kick(uint32_t i) {
    Slot& s = slot(i);
    {
      std::lock_guard<std::mutex> l(s.m);
      s.token = true;
    }
    s.cv.notify_one();
  }
};

// `threads` threads each add 1 to a plain counter `iters` times under the
// lock (holding it across a yield when `yield_held`, so waiters pile up);
// the count comes out exact only if the lock excludes.
template <class Lock>
uint64_t hammer(Lock& lock, int threads, int iters, bool yield_held) {
  uint64_t counter = 0;  // deliberately not atomic: only the lock protects it
  std::vector<std::thread> ts;
  for (int t = 0; t < threads; ++t) {
    ts.emplace_back([&] {
      for (int i = 0; i < iters; ++i) {
        TicketLockGuard g(lock);
        const uint64_t c = counter;
        if (yield_held) std::this_thread::yield();
        counter = c + 1;
      }
    });
  }
  for (auto& t : ts) t.join();
  return counter;
}

TEST(TicketLock, MutualExclusionUnderContention) {
  TicketLock lock;
  EXPECT_EQ(hammer(lock, 4, 5000, false), 4u * 5000);
  EXPECT_FALSE(lock.is_locked());
}

TEST(TicketLock, TryLockFailsWhileHeldAndSucceedsAfter) {
  TicketLock lock;
  EXPECT_TRUE(lock.try_lock());
  EXPECT_TRUE(lock.is_locked());
  EXPECT_FALSE(lock.try_lock());
  lock.unlock();
  EXPECT_FALSE(lock.is_locked());
  EXPECT_TRUE(lock.try_lock());
  lock.unlock();
}

TEST(TicketLock, WaitersAreServedInArrivalOrder) {
  TicketLock lock;
  lock.lock();
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      lock.lock();
      order.push_back(t);
      lock.unlock();
    });
    // Start the next thread only once this one holds its ticket.
    while (lock.tickets_out() != static_cast<uint32_t>(t) + 2) std::this_thread::yield();
  }
  lock.unlock();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

TEST(ParkingTicketLock, MutualExclusionWithEveryWaiterParked) {
  BasicTicketLock<CondvarPark> lock;
  EXPECT_EQ(hammer(lock, 6, 3000, true), 6u * 3000);
  EXPECT_FALSE(lock.is_locked());
  EXPECT_GT(lock.parks(), 0u);  // the test exercised parking, not just the fast path
}

TEST(ParkingTicketLock, ParkedWaitersAreServedInArrivalOrder) {
  BasicTicketLock<CondvarPark> lock;
  lock.lock();
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      lock.lock();
      order.push_back(t);
      lock.unlock();
    });
    while (lock.parks() != static_cast<uint64_t>(t) + 1) std::this_thread::yield();
  }
  lock.unlock();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

}  // namespace
