// kfuzz's state and its call generator: the process-wide pools of objects
// the workers created (read and written racily on purpose: a stale id is a
// good argument), and Worker, which draws one kernel call at a time.
#pragma once

#include <stdint.h>

namespace kfuzz {

inline constexpr int kPool = 16;
inline constexpr uint32_t kMaxLiveWorkers = 40;  // blocked ones too (the kernel allows 128 threads)

// One pool of ids: slots hold 0 (empty) or an id some call returned.
struct Pool {
  int64_t ids[kPool];
  void put(uint64_t r, int64_t id);
  int64_t pick(uint64_t r) const;
};

struct Shared {
  uint64_t seed;
  uint64_t budget;  // calls, all workers together
  int first_pid;    // the fuzzing processes of this round: first_pid .. + siblings - 1
  int siblings;
  uint64_t calls;   // issued so far (atomic)
  uint32_t signals;
  uint32_t live_workers;
  uint64_t next_worker;
  Pool chids, coids, timers, tids, rcvids;
};
extern Shared g;

bool start_worker(uint64_t index);
void on_signal(int);  // counts the signal

// xorshift64*: small, fast, and the same sequence for the same seed.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {
    if (s_ == 0) s_ = 1;
  }
  uint64_t next() {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 0x2545F4914F6CDD1Dull;
  }
  uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
  bool one_in(uint64_t n) { return below(n) == 0; }

 private:
  uint64_t s_;
};

class Worker {
 public:
  explicit Worker(uint64_t index);
  void run();

 private:
  long call();  // one kernel call; its result
  // Argument makers.
  int64_t hostile();
  uint64_t ptr(uint64_t len);     // a buffer of len bytes: mostly good, sometimes hostile
  uint64_t iov(int64_t* parts);   // an IOV array (in scratch) and its part count
  uint64_t event();               // a sigevent in scratch
  uint64_t times(bool tiny);      // a timespec/_itimer/ns value in scratch
  int64_t pid();
  int64_t chid();
  int64_t coid();
  int64_t rcvid();
  int64_t tid();
  uint64_t sync_word();
  long blocking_prologue();       // TimerTimeout before most blocking calls

  uint64_t index_;
  Rng rng_;
  uint64_t budget_;
};

}  // namespace kfuzz
