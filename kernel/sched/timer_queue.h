// TimerQueue: armed timers ordered by absolute deadline (ns), ties in arming
// order. An intrusive pairing heap: no allocation, the TimerNode lives in the
// timer object. earliest() O(1); arm O(1); cancel and popping the earliest
// O(log n) amortized. Periodic timers re-arm themselves on expiry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "kernel/lib/result.h"

class TimerQueue;

// Embedded in a timer object. Only TimerQueue changes it.
class TimerNode {
 public:
  constexpr TimerNode() = default;
  TimerNode(const TimerNode&) = delete;
  TimerNode& operator=(const TimerNode&) = delete;

  constexpr bool armed() const { return owner_ != nullptr; }
  constexpr uint64_t deadline() const { return deadline_; }
  constexpr uint64_t interval() const { return interval_; }

 private:
  friend class TimerQueue;

  uint64_t deadline_ = 0;  // absolute, ns
  uint64_t interval_ = 0;  // ns between expiries; 0 = one-shot
  uint64_t seq_ = 0;       // arming order, breaks deadline ties
  TimerQueue* owner_ = nullptr;
  // Pairing-heap links: first child, next sibling, and prev_ = the parent for
  // a first child, else the previous sibling.
  TimerNode* child_ = nullptr;
  TimerNode* sibling_ = nullptr;
  TimerNode* prev_ = nullptr;
};

class TimerQueue {
 public:
  constexpr TimerQueue() = default;
  TimerQueue(const TimerQueue&) = delete;
  TimerQueue& operator=(const TimerQueue&) = delete;

  // Arms t to fire at deadline_ns, then every interval_ns if non-zero.
  // kBusy if t is already armed (cancel it first).
  Status arm(TimerNode& t, uint64_t deadline_ns, uint64_t interval_ns = 0);

  // Disarms t. False if it was not armed (e.g. it already fired). Panics if
  // t is armed on another queue.
  bool cancel(TimerNode& t);

  // The timer that fires first, or nullptr if none is armed.
  const TimerNode* earliest() const { return root_; }
  std::optional<uint64_t> next_deadline() const;

  // Takes off the earliest timer if its deadline is <= now, else nullptr.
  // A periodic timer is re-armed at its first deadline after now before it is
  // returned; *overruns gets the number of whole periods it missed (POSIX
  // timer overruns). A periodic timer whose next deadline would pass 2^64 ns
  // is disarmed instead.
  TimerNode* pop_due(uint64_t now, uint64_t* overruns);

  // Fires every timer due at `now`, earliest first (ties in arming order):
  // callback(TimerNode&, uint64_t overruns). The callback may arm or cancel
  // any timer, the fired one included. Returns the number fired.
  template <typename Callback>
  size_t expire(uint64_t now, Callback&& callback) {
    size_t fired = 0;
    uint64_t overruns = 0;
    while (TimerNode* t = pop_due(now, &overruns)) {
      callback(*t, overruns);
      ++fired;
    }
    return fired;
  }

  size_t size() const { return size_; }
  bool empty() const { return root_ == nullptr; }

 private:
  static bool before(const TimerNode* a, const TimerNode* b);
  static TimerNode* meld(TimerNode* a, TimerNode* b);
  static TimerNode* merge_pairs(TimerNode* first);

  void insert(TimerNode& t);
  void unlink(TimerNode& t);

  TimerNode* root_ = nullptr;
  size_t size_ = 0;
  uint64_t next_seq_ = 0;
};
