// ReadyQueue: per-priority lists and the two-level priority bitmap.
#include "kernel/sched/ready_queue.h"

#include "kernel/lib/panic.h"
#include "kernel/lib/bit_ops.h"

namespace {

constexpr uint32_t word_of(uint8_t priority) { return priority >> 6; }
constexpr uint64_t bit_of(uint8_t priority) { return uint64_t{1} << (priority & 63u); }

}  // namespace

void ReadyQueue::mark_nonempty(uint8_t priority) {
  words_[word_of(priority)] |= bit_of(priority);
  summary_ |= uint64_t{1} << word_of(priority);
}

void ReadyQueue::mark_if_empty(uint8_t priority) {
  if (!lists_[priority].empty()) {
    return;
  }
  const uint32_t w = word_of(priority);
  words_[w] &= ~bit_of(priority);
  if (words_[w] == 0) {
    summary_ &= ~(uint64_t{1} << w);
  }
}

void ReadyQueue::push_back(SchedEntity& e) {
  lists_[e.priority_].push_back(e);
  mark_nonempty(e.priority_);
  ++size_;
}

void ReadyQueue::push_front(SchedEntity& e) {
  lists_[e.priority_].push_front(e);
  mark_nonempty(e.priority_);
  ++size_;
}

void ReadyQueue::remove(SchedEntity& e) {
  if (!e.queued()) {
    kpanic("ready_queue: remove of an entity that is not queued (%p)", static_cast<void*>(&e));
  }
  if (lists_[e.priority_].empty()) {
    // Its priority_ was changed behind the queue's back (use change_priority).
    kpanic("ready_queue: entity %p queued under another priority than %u", static_cast<void*>(&e),
           static_cast<unsigned>(e.priority_));
  }
  lists_[e.priority_].remove(e);
  mark_if_empty(e.priority_);
  --size_;
}

std::optional<uint8_t> ReadyQueue::highest() const {
  if (summary_ == 0) {
    return std::nullopt;
  }
  const uint32_t w = bit_floor_log2(summary_);
  return static_cast<uint8_t>(w * 64u + bit_floor_log2(words_[w]));
}

SchedEntity* ReadyQueue::peek_highest() const {
  const std::optional<uint8_t> p = highest();
  return p ? lists_[*p].front() : nullptr;
}

SchedEntity* ReadyQueue::pop_highest() {
  SchedEntity* e = peek_highest();
  if (e != nullptr) {
    remove(*e);
  }
  return e;
}

void ReadyQueue::change_priority(SchedEntity& e, uint8_t priority) {
  const uint8_t old = e.priority_;
  if (!e.queued() || old == priority) {
    e.priority_ = priority;
    return;
  }
  remove(e);
  e.priority_ = priority;
  if (priority > old) {
    push_back(e);
  } else {
    push_front(e);
  }
}
