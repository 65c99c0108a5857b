// ReadyQueue: the runnable threads, one FIFO list per priority (256) plus a
// two-level bitmap (summary word -> 4 x 64-bit words) so that finding the
// highest ready priority is two bit_floor_log2 calls: O(1) for every operation.
// Invariant: bit p is set iff lists_[p] is non-empty; summary bit w iff words_[w] != 0.
// Does not change state_: the caller moves threads between states.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "kernel/sched/intrusive_list.h"
#include "kernel/sched/sched_entity.h"

class ReadyQueue {
 public:
  constexpr ReadyQueue() = default;
  ReadyQueue(const ReadyQueue&) = delete;
  ReadyQueue& operator=(const ReadyQueue&) = delete;

  // Tail of its priority: a new or woken thread, or round-robin requeue.
  void push_back(SchedEntity& e);
  // Head of its priority: a preempted thread keeps its place (QNX semantics).
  void push_front(SchedEntity& e);
  // Takes a queued entity off the queue (blocked, destroyed, or run directly).
  void remove(SchedEntity& e);

  // The first entity of the highest non-empty priority, or nullptr if empty.
  SchedEntity* peek_highest() const;
  // peek_highest(), unlinked from the queue.
  SchedEntity* pop_highest();

  // The highest priority with a ready entity, or nullopt if none is ready.
  std::optional<uint8_t> highest() const;

  // Sets e's priority. A queued entity moves as POSIX pthread_setschedprio
  // says: raised -> tail of the new priority, lowered -> head, unchanged -> stays.
  void change_priority(SchedEntity& e, uint8_t priority);

  bool empty() const { return summary_ == 0; }
  size_t size() const { return size_; }
  // Calls f(const SchedEntity&, uint8_t list priority) for every entity (checks).
  template <typename F>
  void for_each(F&& f) const {
    for (size_t p = 0; p < kNumPriorities; ++p) {
      for (const SchedEntity* e = lists_[p].front(); e != nullptr; e = lists_[p].next(*e)) {
        f(*e, static_cast<uint8_t>(p));
      }
    }
  }
  size_t count_at(uint8_t priority) const { return lists_[priority].size(); }

 private:
  using List = IntrusiveList<SchedEntity, ReadyListTag>;

  void mark_nonempty(uint8_t priority);
  void mark_if_empty(uint8_t priority);

  std::array<List, kNumPriorities> lists_;
  std::array<uint64_t, kNumPriorities / 64> words_{};
  uint64_t summary_ = 0;  // bit w set iff words_[w] != 0
  size_t size_ = 0;
};
