// MsgQueue: receive order is priority first, then arrival; pulses and
// senders share the order; removal from anywhere keeps the rest in order.
#include "kernel/ipc/msg_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace {

struct Entry : MsgQueueEntry {
  Entry(uint8_t prio, int id, bool pulse = false) : id_(id) {
    msg_priority = prio;
    is_pulse = pulse;
  }
  int id_;
};

std::vector<int> drain(MsgQueue& q) {
  std::vector<int> out;
  while (MsgQueueEntry* e = q.pop()) out.push_back(static_cast<Entry*>(e)->id_);
  return out;
}

TEST(MsgQueueTest, HigherPriorityFirstThenArrival) {
  Entry a(10, 1), b(20, 2), c(10, 3), d(30, 4), e(20, 5, true), f(1, 6);
  MsgQueue q;
  for (Entry* x : {&a, &b, &c, &d, &e, &f}) q.insert(*x);
  EXPECT_EQ(q.size(), 6u);
  EXPECT_EQ(drain(q), (std::vector<int>{4, 2, 5, 1, 3, 6}));
  EXPECT_TRUE(q.empty());
}

TEST(MsgQueueTest, EqualPrioritiesStayFirstComeFirstServed) {
  std::vector<Entry> entries;
  entries.reserve(50);
  MsgQueue q;
  for (int i = 0; i < 50; ++i) {
    entries.emplace_back(7, i, i % 3 == 0);
    q.insert(entries.back());
  }
  std::vector<int> want(50);
  for (int i = 0; i < 50; ++i) want[static_cast<size_t>(i)] = i;
  EXPECT_EQ(drain(q), want);
}

TEST(MsgQueueTest, RemoveFromTheMiddleKeepsOrder) {
  Entry a(5, 1), b(9, 2), c(5, 3);
  MsgQueue q;
  q.insert(a);
  q.insert(b);
  q.insert(c);
  q.remove(a);
  EXPECT_FALSE(a.linked());
  q.insert(a);  // re-queued: now behind c
  EXPECT_EQ(drain(q), (std::vector<int>{2, 3, 1}));
}

TEST(MsgQueueTest, RandomInsertionsMatchAStableSort) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::vector<Entry> entries;
    const int n = static_cast<int>(rng() % 40);
    entries.reserve(static_cast<size_t>(n));
    MsgQueue q;
    for (int i = 0; i < n; ++i) {
      entries.emplace_back(static_cast<uint8_t>(rng() % 4 * 60), i);
      q.insert(entries.back());
    }
    std::vector<const Entry*> sorted;
    for (const Entry& e : entries) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Entry* x, const Entry* y) { return x->msg_priority > y->msg_priority; });
    std::vector<int> want;
    for (const Entry* e : sorted) want.push_back(e->id_);
    ASSERT_EQ(drain(q), want) << "round " << round;
  }
}

}  // namespace
