// Host benchmark of the scheduler's hot paths, in ns per operation:
// ready-queue push+pop_highest, on_tick, and timer arm+expire at 10, 1k and
// 100k armed timers. Prints figures; asserts nothing.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "kernel/sched/ready_queue.h"
#include "kernel/sched/sched_decisions.h"
#include "kernel/sched/timer_queue.h"

namespace {

using Clock = std::chrono::steady_clock;

double ns_per_op(Clock::time_point start, uint64_t ops) {
  const auto ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
  return static_cast<double>(ns) / static_cast<double>(ops);
}

// Keeps results observable so the optimiser cannot drop the work.
volatile uint64_t g_sink = 0;

void bench_ready_queue(size_t queued) {
  constexpr uint64_t kOps = 2'000'000;
  std::vector<SchedEntity> es(queued + 1);
  std::mt19937 rng(1);
  ReadyQueue q;
  for (SchedEntity& e : es) {
    e.priority_ = static_cast<uint8_t>(rng() % 256);
  }
  for (size_t i = 0; i < queued; ++i) {
    q.push_back(es[i]);
  }
  // Steady state: push one, pop the highest, keep the queue length.
  SchedEntity* spare = &es[queued];
  const auto start = Clock::now();
  for (uint64_t i = 0; i < kOps; ++i) {
    q.push_back(*spare);
    spare = q.pop_highest();
  }
  g_sink = g_sink + spare->priority_;
  std::printf("ready_queue push_back+pop_highest, %6zu queued: %6.1f ns/op\n", queued,
              ns_per_op(start, kOps));
}

void bench_on_tick() {
  constexpr uint64_t kOps = 10'000'000;
  ReadyQueue q;
  SchedEntity peer;
  peer.priority_ = 10;
  q.push_back(peer);
  SchedEntity running;
  running.priority_ = 10;
  running.policy_ = SchedPolicy::kRoundRobin;
  uint64_t rotations = 0;
  const auto start = Clock::now();
  for (uint64_t i = 0; i < kOps; ++i) {
    rotations += on_tick(running, q) == TickResult::kRotate ? 1u : 0u;
  }
  g_sink = g_sink + rotations;
  std::printf("on_tick (round-robin, peer ready):            %6.1f ns/op\n",
              ns_per_op(start, kOps));
}

void bench_timers(size_t armed) {
  constexpr uint64_t kOps = 1'000'000;
  std::vector<TimerNode> nodes(armed + 1);
  std::mt19937_64 rng(2);
  TimerQueue q;
  constexpr uint64_t kSpread = 1'000'000'000;  // deadlines over 1 s
  uint64_t now = 0;
  for (size_t i = 0; i < armed; ++i) {
    (void)q.arm(nodes[i], now + 1 + rng() % kSpread);
  }
  // Steady state: arm the spare timer, then advance to the earliest deadline
  // and expire it; the fired timer becomes the spare.
  TimerNode* spare = &nodes[armed];
  const auto start = Clock::now();
  for (uint64_t i = 0; i < kOps; ++i) {
    (void)q.arm(*spare, now + 1 + rng() % kSpread);
    now = *q.next_deadline();
    q.expire(now, [&](TimerNode& n, uint64_t) { spare = &n; });
  }
  g_sink = g_sink + now;
  std::printf("timer arm+expire, %6zu armed:                 %6.1f ns/op\n", armed,
              ns_per_op(start, kOps));
}

void bench_timer_cancel(size_t armed) {
  constexpr uint64_t kOps = 1'000'000;
  std::vector<TimerNode> nodes(armed);
  std::mt19937_64 rng(3);
  TimerQueue q;
  for (TimerNode& n : nodes) {
    (void)q.arm(n, rng() % 1'000'000'000);
  }
  const auto start = Clock::now();
  for (uint64_t i = 0; i < kOps; ++i) {
    TimerNode& n = nodes[rng() % armed];
    (void)q.cancel(n);
    (void)q.arm(n, rng() % 1'000'000'000);
  }
  g_sink = g_sink + q.size();
  std::printf("timer cancel+arm (random), %6zu armed:        %6.1f ns/op\n", armed,
              ns_per_op(start, kOps));
}

}  // namespace

int main() {
  for (size_t queued : {size_t{1}, size_t{100}, size_t{10'000}}) {
    bench_ready_queue(queued);
  }
  bench_on_tick();
  for (size_t armed : {size_t{10}, size_t{1'000}, size_t{100'000}}) {
    bench_timers(armed);
  }
  for (size_t armed : {size_t{10}, size_t{1'000}, size_t{100'000}}) {
    bench_timer_cancel(armed);
  }
  return 0;
}
