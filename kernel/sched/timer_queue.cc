// TimerQueue as a pairing heap keyed by (deadline, arming sequence).
#include "kernel/sched/timer_queue.h"

#include "kernel/lib/panic.h"

bool TimerQueue::before(const TimerNode* a, const TimerNode* b) {
  return a->deadline_ < b->deadline_ || (a->deadline_ == b->deadline_ && a->seq_ < b->seq_);
}

// Joins two heap roots; the later one becomes the first child of the other.
TimerNode* TimerQueue::meld(TimerNode* a, TimerNode* b) {
  if (before(b, a)) {
    TimerNode* tmp = a;
    a = b;
    b = tmp;
  }
  b->prev_ = a;
  b->sibling_ = a->child_;
  if (a->child_ != nullptr) {
    a->child_->prev_ = b;
  }
  a->child_ = b;
  a->sibling_ = nullptr;
  a->prev_ = nullptr;
  return a;
}

// Two-pass pairing of a sibling list into one heap: meld neighbours left to
// right, then fold the pairs right to left. Iterative (no recursion depth).
TimerNode* TimerQueue::merge_pairs(TimerNode* first) {
  if (first == nullptr) {
    return nullptr;
  }
  TimerNode* pairs = nullptr;  // melded pairs, last first, chained by sibling_
  while (first != nullptr) {
    TimerNode* a = first;
    TimerNode* b = a->sibling_;
    if (b == nullptr) {
      a->prev_ = nullptr;
      a->sibling_ = pairs;
      pairs = a;
      break;
    }
    first = b->sibling_;
    a->sibling_ = nullptr;
    b->sibling_ = nullptr;
    TimerNode* m = meld(a, b);
    m->sibling_ = pairs;
    pairs = m;
  }
  TimerNode* heap = pairs;
  pairs = pairs->sibling_;
  heap->sibling_ = nullptr;
  while (pairs != nullptr) {
    TimerNode* next = pairs->sibling_;
    pairs->sibling_ = nullptr;
    heap = meld(heap, pairs);
    pairs = next;
  }
  return heap;
}

void TimerQueue::insert(TimerNode& t) {
  t.seq_ = next_seq_++;
  t.owner_ = this;
  t.child_ = t.sibling_ = t.prev_ = nullptr;
  root_ = root_ == nullptr ? &t : meld(root_, &t);
  ++size_;
}

void TimerQueue::unlink(TimerNode& t) {
  if (&t == root_) {
    root_ = merge_pairs(t.child_);
  } else {
    if (t.prev_->child_ == &t) {
      t.prev_->child_ = t.sibling_;
    } else {
      t.prev_->sibling_ = t.sibling_;
    }
    if (t.sibling_ != nullptr) {
      t.sibling_->prev_ = t.prev_;
    }
    TimerNode* sub = merge_pairs(t.child_);
    if (sub != nullptr) {
      root_ = meld(root_, sub);
    }
  }
  t.owner_ = nullptr;
  t.child_ = t.sibling_ = t.prev_ = nullptr;
  --size_;
}

Status TimerQueue::arm(TimerNode& t, uint64_t deadline_ns, uint64_t interval_ns) {
  if (t.armed()) {
    return Status::kBusy;
  }
  t.deadline_ = deadline_ns;
  t.interval_ = interval_ns;
  insert(t);
  return Status::kOk;
}

bool TimerQueue::cancel(TimerNode& t) {
  if (!t.armed()) {
    return false;
  }
  if (t.owner_ != this) {
    kpanic("timer_queue: cancel of timer %p armed on another queue", static_cast<void*>(&t));
  }
  unlink(t);
  return true;
}

std::optional<uint64_t> TimerQueue::next_deadline() const {
  if (root_ == nullptr) {
    return std::nullopt;
  }
  return root_->deadline_;
}

TimerNode* TimerQueue::pop_due(uint64_t now, uint64_t* overruns) {
  *overruns = 0;
  TimerNode* t = root_;
  if (t == nullptr || t->deadline_ > now) {
    return nullptr;
  }
  unlink(*t);
  if (t->interval_ != 0) {
    // Next deadline: the first deadline + k * interval strictly after now.
    const uint64_t missed = (now - t->deadline_) / t->interval_;
    *overruns = missed;
    uint64_t periods = 0;
    uint64_t step = 0;
    uint64_t next = 0;
    if (!__builtin_add_overflow(missed, uint64_t{1}, &periods) &&
        !__builtin_mul_overflow(periods, t->interval_, &step) &&
        !__builtin_add_overflow(t->deadline_, step, &next)) {
      t->deadline_ = next;
      insert(*t);
    }
  }
  return t;
}
