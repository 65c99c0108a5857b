// kfuzz: a stateful, seeded kernel-call fuzzer for ordinary (unprivileged)
// processes. Worker threads issue every kernel call with arguments drawn from
// the objects the process created (channels, connections, timers, threads,
// rcvids, sync words) and from a dictionary of hostile values (0, -1, huge,
// misaligned, kernel-half and unmapped pointers, pointers at the end of the
// stack, IOV arrays whose entries are themselves bad, stale and other
// processes' ids). Workers block in receive, send, reply, join, sleep and
// mutex waits while others destroy what they wait on, signal them, or end
// the process. The kernel payload (kernel/proc/kfuzz_payload.cc) runs several
// of these at once and checks the kernel survives, stays consistent and
// leaks nothing.
//
//   kfuzz <seed> <calls> <first sibling pid> <siblings>
//
// It exits with the number of calls it made. Each thread draws from its own
// generator, seeded from <seed> and its index:
// on one hart under -icount a run replays exactly from the seed.
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/fuzz/kfuzz_calls.h"

namespace kfuzz {

Shared g;

namespace {

constexpr int kWorkers = 4;
constexpr uint64_t kDeadlineNs = 60'000'000'000ull;  // a run that stops making progress ends here
constexpr uint64_t kStallNs = 1'000'000'000ull;      // no call for this long with every worker started: all stuck
constexpr uint64_t kIdleNs = 20'000'000ull;          // no call for this long: start another worker

uint64_t now_ns() {
  uint64_t t = 0;
  ClockTime_r(CLOCK_MONOTONIC, nullptr, &t);
  return t;
}

void* worker(void* arg) {
  Worker w(reinterpret_cast<uintptr_t>(arg));
  w.run();
  return nullptr;
}

}  // namespace

// A worker thread with `budget` calls of its own (the dynamic ones that
// workers start come here too).
bool start_worker(uint64_t index) {
  pthread_t t;
  if (__atomic_load_n(&g.live_workers, __ATOMIC_RELAXED) >= kMaxLiveWorkers) return false;
  __atomic_fetch_add(&g.live_workers, 1u, __ATOMIC_RELAXED);
  pthread_attr_t attr = {16384, 0};  // small stacks: many workers fit the heap
  if (pthread_create(&t, &attr, worker, reinterpret_cast<void*>(index)) != 0) {
    __atomic_fetch_sub(&g.live_workers, 1u, __ATOMIC_RELAXED);
    return false;
  }
  return true;
}

// Straight to the kernel's console, not stdio: the workers attach and
// detach fd-range coids at random, and fd 1 may be one of them (a printf
// would then be a message to some channel, perhaps one nobody receives on).
[[gnu::format(printf, 1, 2)]] void say(const char* fmt, ...) {
  char line[160];
  va_list ap;
  va_start(ap, fmt);
  const int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n > 0) (void)DebugConsoleWrite_r(line, static_cast<size_t>(n) < sizeof line ? static_cast<size_t>(n) : sizeof line - 1);
}

}  // namespace kfuzz

int main(int argc, char** argv) {
  using namespace kfuzz;
  if (argc < 5) {
    say("usage: kfuzz <seed> <calls> <first sibling pid> <siblings>\n");
    return 2;
  }
  g.seed = strtoull(argv[1], nullptr, 0);
  g.budget = strtoull(argv[2], nullptr, 0);
  g.first_pid = static_cast<int>(strtol(argv[3], nullptr, 0));
  g.siblings = static_cast<int>(strtol(argv[4], nullptr, 0));
  // Every catchable signal has a handler, so most signals a worker sends are
  // survived; a worker may still set one back to SIG_DFL, or send SIGKILL.
  // (Blocked meanwhile: the siblings are already fuzzing.)
  sigset_t all, old;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &old);
  for (int s = 1; s < NSIG; ++s) {
    if (s != SIGKILL && s != SIGSTOP) signal(s, on_signal);
  }
  sigprocmask(SIG_SETMASK, &old, nullptr);
  // The controller stays above the workers' priorities (SchedSet draws 1..50).
  const struct sched_param p = {60, 0};
  SchedSet_r(0, 0, SCHED_FIFO, &p);
  for (uint64_t i = 0; i < kWorkers; ++i) start_worker(i);
  const uint64_t start = now_ns();
  uint64_t last = 0;
  uint64_t last_change = start;
  for (;;) {
    const struct timespec ts = {0, 2'000'000};
    ClockNanosleep_r(CLOCK_MONOTONIC, 0, &ts, nullptr);
    const uint64_t calls = __atomic_load_n(&g.calls, __ATOMIC_RELAXED);
    const uint64_t t = now_ns();
    if (calls != last) {
      last = calls;
      last_change = t;
    }
    if (calls >= g.budget || t - start > kDeadlineNs) break;
    // Workers blocked for good (a mutex nobody unlocks, a receive nobody
    // sends to) stay so until the process ends: replace them.
    if (t - last_change > kIdleNs && start_worker(__atomic_fetch_add(&g.next_worker, 1, __ATOMIC_RELAXED) + kWorkers)) {
      last_change = t;
    } else if (t - last_change > kStallNs) {
      break;
    }
  }
  say("kfuzz: seed %lu: %lu calls, %u signals taken, ending with %u workers live\n", g.seed,
         __atomic_load_n(&g.calls, __ATOMIC_RELAXED), __atomic_load_n(&g.signals, __ATOMIC_RELAXED),
         __atomic_load_n(&g.live_workers, __ATOMIC_RELAXED));
  // The whole process ends now, whatever its workers are blocked in; its
  // exit status is the number of calls made (the payload adds them up).
  const uint64_t made = __atomic_load_n(&g.calls, __ATOMIC_RELAXED);
  ThreadDestroy_r(-1, -1, reinterpret_cast<void*>(made < g.budget ? made : g.budget));
  return 0;
}
