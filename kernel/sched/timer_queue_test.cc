// TimerQueue: deadline order, ties in arming order, cancel anywhere,
// periodic re-arm with overruns, and random operations against a reference
// model (std::set of (deadline, arming sequence)).
#include "kernel/sched/timer_queue.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>
#include <vector>

namespace {

struct Timer {
  TimerNode node_;
  int id_ = 0;
};

Timer* owner(TimerNode& n) {
  // node_ is the first member of Timer: the Timer starts at the node.
  return reinterpret_cast<Timer*>(&n);
}

std::vector<int> expire_ids(TimerQueue& q, uint64_t now) {
  std::vector<int> ids;
  q.expire(now, [&](TimerNode& n, uint64_t) { ids.push_back(owner(n)->id_); });
  return ids;
}

TEST(TimerQueueTest, EmptyQueue) {
  TimerQueue q;
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.earliest(), nullptr);
  EXPECT_FALSE(q.next_deadline().has_value());
  uint64_t overruns = 7;
  EXPECT_EQ(q.pop_due(~uint64_t{0}, &overruns), nullptr);
  EXPECT_EQ(overruns, 0u);
  EXPECT_EQ(expire_ids(q, 1000).size(), 0u);
}

TEST(TimerQueueTest, FiresInDeadlineOrderOnlyWhenDue) {
  TimerQueue q;
  Timer t[5];
  const uint64_t deadlines[5] = {500, 100, 400, 200, 300};
  for (int i = 0; i < 5; ++i) {
    t[i].id_ = i;
    ASSERT_EQ(q.arm(t[i].node_, deadlines[i]), Status::kOk);
    EXPECT_TRUE(t[i].node_.armed());
  }
  EXPECT_EQ(q.size(), 5u);
  EXPECT_EQ(q.next_deadline(), 100u);
  EXPECT_EQ(q.earliest(), &t[1].node_);
  EXPECT_EQ(expire_ids(q, 99), (std::vector<int>{}));
  EXPECT_EQ(expire_ids(q, 300), (std::vector<int>{1, 3, 4}));  // deadline == now fires
  EXPECT_FALSE(t[1].node_.armed());
  EXPECT_EQ(q.next_deadline(), 400u);
  EXPECT_EQ(expire_ids(q, 10'000), (std::vector<int>{2, 0}));
  EXPECT_TRUE(q.empty());
}

TEST(TimerQueueTest, EqualDeadlinesFireInArmingOrder) {
  TimerQueue q;
  Timer t[8];
  for (int i = 0; i < 8; ++i) {
    t[i].id_ = i;
  }
  // Armed in a scrambled order of ids, all for the same instant.
  for (int i : {5, 2, 7, 0, 3, 6, 1, 4}) {
    ASSERT_EQ(q.arm(t[i].node_, 1000), Status::kOk);
  }
  EXPECT_EQ(expire_ids(q, 1000), (std::vector<int>{5, 2, 7, 0, 3, 6, 1, 4}));
}

TEST(TimerQueueTest, ArmingAnArmedTimerIsBusy) {
  TimerQueue q;
  Timer t;
  ASSERT_EQ(q.arm(t.node_, 10), Status::kOk);
  EXPECT_EQ(q.arm(t.node_, 20), Status::kBusy);
  EXPECT_EQ(t.node_.deadline(), 10u);
  EXPECT_EQ(q.size(), 1u);
}

TEST(TimerQueueTest, CancelAnywhere) {
  TimerQueue q;
  Timer t[6];
  for (int i = 0; i < 6; ++i) {
    t[i].id_ = i;
    ASSERT_EQ(q.arm(t[i].node_, static_cast<uint64_t>(10 * (i + 1))), Status::kOk);
  }
  uint64_t overruns = 0;
  EXPECT_EQ(q.pop_due(5, &overruns), nullptr);
  EXPECT_TRUE(q.cancel(t[0].node_));  // the root
  EXPECT_TRUE(q.cancel(t[3].node_));  // an inner node
  EXPECT_TRUE(q.cancel(t[5].node_));
  EXPECT_FALSE(q.cancel(t[5].node_));  // already cancelled
  EXPECT_FALSE(t[3].node_.armed());
  EXPECT_EQ(q.size(), 3u);
  EXPECT_EQ(expire_ids(q, 1000), (std::vector<int>{1, 2, 4}));
  EXPECT_FALSE(q.cancel(t[1].node_));  // already fired
  // A cancelled timer can be armed again.
  EXPECT_EQ(q.arm(t[3].node_, 7), Status::kOk);
  EXPECT_EQ(expire_ids(q, 7), (std::vector<int>{3}));
}

TEST(TimerQueueTest, PeriodicTimerReArms) {
  TimerQueue q;
  Timer tick;
  tick.id_ = 1;
  ASSERT_EQ(q.arm(tick.node_, 1000, 1000), Status::kOk);
  std::vector<uint64_t> fired_at;
  for (uint64_t now = 0; now <= 5000; now += 250) {
    q.expire(now, [&](TimerNode&, uint64_t overruns) {
      EXPECT_EQ(overruns, 0u);
      fired_at.push_back(now);
    });
  }
  EXPECT_EQ(fired_at, (std::vector<uint64_t>{1000, 2000, 3000, 4000, 5000}));
  EXPECT_TRUE(tick.node_.armed());
  EXPECT_EQ(tick.node_.deadline(), 6000u);
  EXPECT_EQ(tick.node_.interval(), 1000u);
}

TEST(TimerQueueTest, PeriodicTimerCountsOverrunsAndSkipsMissedPeriods) {
  TimerQueue q;
  Timer tick;
  ASSERT_EQ(q.arm(tick.node_, 1000, 100), Status::kOk);
  uint64_t seen = 99;
  EXPECT_EQ(q.expire(1450, [&](TimerNode&, uint64_t overruns) { seen = overruns; }), 1u);
  EXPECT_EQ(seen, 4u);                      // 1100, 1200, 1300, 1400 were missed
  EXPECT_EQ(tick.node_.deadline(), 1500u);  // first deadline after now, on the grid
  EXPECT_EQ(q.expire(1499, [](TimerNode&, uint64_t) {}), 0u);
}

TEST(TimerQueueTest, CallbackMayCancelOrReArmTheFiredTimer) {
  TimerQueue q;
  Timer periodic, oneshot;
  periodic.id_ = 1;
  oneshot.id_ = 2;
  ASSERT_EQ(q.arm(periodic.node_, 100, 10), Status::kOk);
  ASSERT_EQ(q.arm(oneshot.node_, 100), Status::kOk);
  std::vector<int> ids;
  q.expire(100, [&](TimerNode& n, uint64_t) {
    ids.push_back(owner(n)->id_);
    if (owner(n)->id_ == 1) {
      EXPECT_TRUE(q.cancel(n));  // stop the periodic timer from its own callback
    } else {
      EXPECT_EQ(q.arm(n, 105), Status::kOk);  // re-arm the one-shot later
    }
  });
  EXPECT_EQ(ids, (std::vector<int>{1, 2}));
  EXPECT_FALSE(periodic.node_.armed());
  EXPECT_EQ(q.next_deadline(), 105u);
}

TEST(TimerQueueTest, PeriodicTimerPastTheEndOfTimeIsDisarmed) {
  TimerQueue q;
  Timer t;
  const uint64_t max = ~uint64_t{0};
  ASSERT_EQ(q.arm(t.node_, max - 5, 10), Status::kOk);
  uint64_t seen = 99;
  EXPECT_EQ(q.expire(max, [&](TimerNode&, uint64_t overruns) { seen = overruns; }), 1u);
  EXPECT_EQ(seen, 0u);
  EXPECT_FALSE(t.node_.armed());
  EXPECT_TRUE(q.empty());
  // Interval 1 with the whole range missed: overruns = 2^64 - 1 without overflow.
  ASSERT_EQ(q.arm(t.node_, 0, 1), Status::kOk);
  EXPECT_EQ(q.expire(max, [&](TimerNode&, uint64_t overruns) { seen = overruns; }), 1u);
  EXPECT_EQ(seen, max);
  EXPECT_FALSE(t.node_.armed());
}

using TimerQueueDeathTest = ::testing::Test;

TEST_F(TimerQueueDeathTest, CancelOnAnotherQueuePanics) {
  TimerQueue a, b;
  Timer t;
  ASSERT_EQ(a.arm(t.node_, 10), Status::kOk);
  EXPECT_DEATH(b.cancel(t.node_), "another queue");
}

// Random arm/cancel/expire against std::set<(deadline, seq, id)>.
void run_random(uint32_t seed, size_t timers, uint64_t deadline_range, int ops = 100'000) {
  std::mt19937_64 rng(seed);
  std::vector<Timer> ts(timers);
  for (size_t i = 0; i < timers; ++i) {
    ts[i].id_ = static_cast<int>(i);
  }
  std::vector<uint64_t> seq_of(timers, 0);
  std::vector<uint64_t> interval_of(timers, 0);
  using Key = std::tuple<uint64_t, uint64_t, size_t>;  // deadline, seq, id
  std::set<Key> model;
  uint64_t next_seq = 0;
  uint64_t now = 0;
  TimerQueue q;
  auto model_arm = [&](size_t id, uint64_t deadline) {
    seq_of[id] = next_seq++;
    model.insert({deadline, seq_of[id], id});
  };
  for (int op = 0; op < ops; ++op) {
    const size_t id = rng() % timers;
    Timer& t = ts[id];
    const uint64_t r = rng() % 10;
    if (r < 5) {
      const uint64_t deadline = now + rng() % deadline_range;
      const uint64_t interval = rng() % 8 == 0 ? 1 + rng() % deadline_range : 0;
      const Status s = q.arm(t.node_, deadline, interval);
      if (t.node_.armed() && s == Status::kBusy) {
        continue;
      }
      ASSERT_EQ(s, Status::kOk);
      interval_of[id] = interval;
      model_arm(id, deadline);
    } else if (r < 8) {
      const bool was = q.cancel(t.node_);
      const size_t erased = model.erase({t.node_.deadline(), seq_of[id], id});
      ASSERT_EQ(was, erased == 1) << "seed " << seed << " op " << op;
    } else {
      now += rng() % (deadline_range / 32 + 1);
      std::vector<size_t> got;
      q.expire(now,
               [&](TimerNode& n, uint64_t) { got.push_back(static_cast<size_t>(owner(n)->id_)); });
      std::vector<size_t> want;
      while (!model.empty() && std::get<0>(*model.begin()) <= now) {
        const auto [deadline, seq, due] = *model.begin();
        model.erase(model.begin());
        want.push_back(due);
        const uint64_t iv = interval_of[due];
        if (iv != 0) {
          const uint64_t next = deadline + ((now - deadline) / iv + 1) * iv;
          model_arm(due, next);
        }
      }
      ASSERT_EQ(got, want) << "seed " << seed << " op " << op;
    }
    ASSERT_EQ(q.size(), model.size());
    if (model.empty()) {
      ASSERT_EQ(q.earliest(), nullptr);
    } else {
      ASSERT_EQ(q.earliest(), &ts[std::get<2>(*model.begin())].node_)
          << "seed " << seed << " op " << op;
      ASSERT_EQ(q.next_deadline(), std::get<0>(*model.begin()));
    }
  }
}

// Wide deadlines (few ties) and narrow ones (many ties exercise the
// arming-order rule); few timers (deep reuse) and many (big heaps).
TEST(TimerQueueTest, MatchesReferenceModelFewTimersWideDeadlines) { run_random(1, 16, 1'000'000); }
TEST(TimerQueueTest, MatchesReferenceModelManyTimersWideDeadlines) {
  run_random(2, 2000, 1'000'000);
}
TEST(TimerQueueTest, MatchesReferenceModelManyTies) { run_random(3, 500, 8); }
TEST(TimerQueueTest, MatchesReferenceModelSeed20261123) { run_random(20261123, 1000, 5000); }

}  // namespace
