// ReadyQueue: priority order, FIFO within a priority, push_front, removal,
// priority changes, and 100k random operations against a reference model.
#include "kernel/sched/ready_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <random>
#include <vector>

namespace {

// No static constructor: a ReadyQueue can be a plain kernel global.
constinit ReadyQueue g_constant_initialized;

SchedEntity make(uint8_t priority) {
  SchedEntity e;
  e.priority_ = priority;
  return e;
}

TEST(ReadyQueueTest, EmptyQueue) {
  ReadyQueue q;
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.size(), 0u);
  EXPECT_FALSE(q.highest().has_value());
  EXPECT_EQ(q.peek_highest(), nullptr);
  EXPECT_EQ(q.pop_highest(), nullptr);
  EXPECT_TRUE(g_constant_initialized.empty());
}

TEST(ReadyQueueTest, PopsHighestPriorityFirst) {
  ReadyQueue q;
  SchedEntity e0 = make(0), e10 = make(10), e63 = make(63), e64 = make(64), e200 = make(200),
              e255 = make(255);
  for (SchedEntity* e : {&e10, &e0, &e255, &e64, &e200, &e63}) {
    q.push_back(*e);
  }
  EXPECT_EQ(q.size(), 6u);
  EXPECT_EQ(q.highest(), 255);
  for (SchedEntity* want : {&e255, &e200, &e64, &e63, &e10, &e0}) {
    EXPECT_EQ(q.peek_highest(), want);
    EXPECT_EQ(q.pop_highest(), want);
    EXPECT_FALSE(want->queued());
  }
  EXPECT_TRUE(q.empty());
}

TEST(ReadyQueueTest, EveryPriorityIsFoundAlone) {
  ReadyQueue q;
  for (uint32_t p = 0; p < kNumPriorities; ++p) {
    SchedEntity e = make(static_cast<uint8_t>(p));
    q.push_back(e);
    ASSERT_EQ(q.highest(), p);
    ASSERT_EQ(q.count_at(static_cast<uint8_t>(p)), 1u);
    ASSERT_EQ(q.pop_highest(), &e);
    ASSERT_TRUE(q.empty());
  }
}

TEST(ReadyQueueTest, FifoWithinAPriority) {
  ReadyQueue q;
  SchedEntity a = make(7), b = make(7), c = make(7);
  q.push_back(a);
  q.push_back(b);
  q.push_back(c);
  EXPECT_EQ(q.count_at(7), 3u);
  EXPECT_EQ(q.pop_highest(), &a);
  q.push_back(a);  // round-robin requeue goes behind its equals
  EXPECT_EQ(q.pop_highest(), &b);
  EXPECT_EQ(q.pop_highest(), &c);
  EXPECT_EQ(q.pop_highest(), &a);
}

TEST(ReadyQueueTest, PushFrontKeepsAPreemptedThreadAtTheHead) {
  ReadyQueue q;
  SchedEntity running = make(10), waiting = make(10), other = make(10);
  q.push_back(waiting);
  q.push_back(other);
  q.push_front(running);  // preempted: it resumes before its equals
  EXPECT_EQ(q.pop_highest(), &running);
  EXPECT_EQ(q.pop_highest(), &waiting);
  EXPECT_EQ(q.pop_highest(), &other);
}

TEST(ReadyQueueTest, RemoveClearsTheBitmapWhenAPriorityEmpties) {
  ReadyQueue q;
  SchedEntity hi = make(130), hi2 = make(130), lo = make(3);
  q.push_back(hi);
  q.push_back(hi2);
  q.push_back(lo);
  q.remove(hi2);
  EXPECT_EQ(q.highest(), 130);
  q.remove(hi);
  EXPECT_EQ(q.highest(), 3);
  EXPECT_EQ(q.count_at(130), 0u);
  q.remove(lo);
  EXPECT_TRUE(q.empty());
  EXPECT_FALSE(q.highest().has_value());
}

TEST(ReadyQueueTest, ChangePriorityFollowsPosix) {
  ReadyQueue q;
  SchedEntity a = make(20), b = make(20), c = make(10), d = make(30);
  q.push_back(a);
  q.push_back(b);
  q.push_back(c);
  q.change_priority(c, 20);  // raised: tail of 20
  q.push_back(d);
  q.change_priority(d, 20);  // lowered: head of 20
  EXPECT_EQ(q.highest(), 20);
  q.change_priority(b, 20);  // unchanged: stays
  EXPECT_EQ(q.pop_highest(), &d);
  EXPECT_EQ(q.pop_highest(), &a);
  EXPECT_EQ(q.pop_highest(), &b);
  EXPECT_EQ(q.pop_highest(), &c);
  SchedEntity idle = make(5);
  q.change_priority(idle, 9);  // not queued: only the field changes
  EXPECT_EQ(idle.priority_, 9);
  EXPECT_TRUE(q.empty());
}

using ReadyQueueDeathTest = ::testing::Test;

TEST_F(ReadyQueueDeathTest, MisuseIsAKernelBug) {
  ReadyQueue q;
  SchedEntity e = make(4);
  EXPECT_DEATH(q.remove(e), "not queued");
  q.push_back(e);
  EXPECT_DEATH(q.push_back(e), "already linked");
  EXPECT_DEATH(q.push_front(e), "already linked");
  e.priority_ = 5;  // changed behind the queue's back
  EXPECT_DEATH(q.remove(e), "another priority");
  e.priority_ = 4;
  q.remove(e);
}

// Reference model: one deque of entity indices per priority.
class Model {
 public:
  std::vector<std::deque<size_t>> lists = std::vector<std::deque<size_t>>(kNumPriorities);

  int highest() const {
    for (int p = kNumPriorities - 1; p >= 0; --p) {
      if (!lists[static_cast<size_t>(p)].empty()) return p;
    }
    return -1;
  }
  void erase(size_t id, uint8_t p) {
    auto& l = lists[p];
    l.erase(std::find(l.begin(), l.end(), id));
  }
};

void run_random(uint32_t seed) {
  constexpr size_t kEntities = 600;
  constexpr int kOps = 100'000;
  std::mt19937 rng(seed);
  std::vector<SchedEntity> es(kEntities);
  std::vector<bool> queued(kEntities, false);
  ReadyQueue q;
  Model m;
  size_t size = 0;
  // Priorities bunched in a few bands so lists hold several entities.
  auto random_priority = [&]() -> uint8_t {
    static constexpr uint8_t kBands[] = {0, 1, 10, 63, 64, 65, 127, 128, 200, 254, 255};
    if (rng() % 4 == 0) return static_cast<uint8_t>(rng() % 256);
    return kBands[rng() % (sizeof(kBands))];
  };
  for (int op = 0; op < kOps; ++op) {
    const size_t id = rng() % kEntities;
    SchedEntity& e = es[id];
    switch (rng() % 6) {
      case 0:
      case 1:
        if (!queued[id]) {
          e.priority_ = random_priority();
          q.push_back(e);
          m.lists[e.priority_].push_back(id);
          queued[id] = true;
          ++size;
        }
        break;
      case 2:
        if (!queued[id]) {
          e.priority_ = random_priority();
          q.push_front(e);
          m.lists[e.priority_].push_front(id);
          queued[id] = true;
          ++size;
        }
        break;
      case 3:
        if (queued[id]) {
          q.remove(e);
          m.erase(id, e.priority_);
          queued[id] = false;
          --size;
        }
        break;
      case 4: {
        SchedEntity* got = q.pop_highest();
        const int p = m.highest();
        if (p < 0) {
          ASSERT_EQ(got, nullptr);
        } else {
          const size_t want = m.lists[static_cast<size_t>(p)].front();
          m.lists[static_cast<size_t>(p)].pop_front();
          ASSERT_EQ(got, &es[want]) << "seed " << seed << " op " << op;
          queued[want] = false;
          --size;
        }
        break;
      }
      case 5: {
        // POSIX: raised -> tail of the new priority, lowered -> head, same -> stays.
        const uint8_t np = random_priority();
        if (queued[id] && np != e.priority_) {
          m.erase(id, e.priority_);
          if (np > e.priority_) {
            m.lists[np].push_back(id);
          } else {
            m.lists[np].push_front(id);
          }
        }
        q.change_priority(e, np);
        ASSERT_EQ(e.priority_, np);
        break;
      }
    }
    ASSERT_EQ(q.size(), size);
    const int p = m.highest();
    ASSERT_EQ(q.empty(), p < 0);
    if (p >= 0) {
      ASSERT_EQ(q.highest(), p) << "seed " << seed << " op " << op;
      ASSERT_EQ(q.count_at(static_cast<uint8_t>(p)), m.lists[static_cast<size_t>(p)].size());
      ASSERT_EQ(q.peek_highest(), &es[m.lists[static_cast<size_t>(p)].front()]);
    }
    if (op % 1000 == 0) {
      for (uint32_t pr = 0; pr < kNumPriorities; ++pr) {
        ASSERT_EQ(q.count_at(static_cast<uint8_t>(pr)), m.lists[pr].size()) << "priority " << pr;
      }
    }
  }
  // Drain: the whole order must match, not only the heads.
  for (int pr = m.highest(); pr >= 0; pr = m.highest()) {
    for (size_t want : m.lists[static_cast<size_t>(pr)]) {
      ASSERT_EQ(q.pop_highest(), &es[want]);
    }
    m.lists[static_cast<size_t>(pr)].clear();
  }
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.pop_highest(), nullptr);
}

TEST(ReadyQueueTest, MatchesReferenceModelSeed1) { run_random(1); }
TEST(ReadyQueueTest, MatchesReferenceModelSeed2) { run_random(2); }
TEST(ReadyQueueTest, MatchesReferenceModelSeed20261123) { run_random(20261123); }

}  // namespace
