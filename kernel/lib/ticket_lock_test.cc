// TicketLock under real contention on host threads: mutual exclusion (a
// non-atomic counter comes out exact), FIFO hand-off, try_lock semantics.
#include "kernel/lib/ticket_lock.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace {

TEST(TicketLock, MutualExclusionUnderContention) {
  TicketLock lock;
  uint64_t counter = 0;  // deliberately not atomic: only the lock protects it
  constexpr int kThreads = 4;
  constexpr int kIters = 5000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kIters; ++i) {
        TicketLockGuard g(lock);
        counter = counter + 1;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(counter, uint64_t{kThreads} * kIters);
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

}  // namespace
