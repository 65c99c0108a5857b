// Preemption, time-slice and hart-choice decisions (see sched_decisions.h).
#include "kernel/sched/sched_decisions.h"

#include <optional>

bool should_preempt(const SchedEntity& running, const ReadyQueue& ready) {
  const std::optional<uint8_t> top = ready.highest();
  return top && *top > running.priority_;
}

TickResult on_tick(SchedEntity& running, const ReadyQueue& ready) {
  bool expired = false;
  if (running.policy_ != SchedPolicy::kFifo) {
    if (running.slice_left_ > 1) {
      --running.slice_left_;
    } else {
      running.slice_left_ = kRoundRobinSliceTicks;
      expired = true;
    }
  }
  const std::optional<uint8_t> top = ready.highest();
  if (!top || *top < running.priority_) {
    return TickResult::kContinue;
  }
  if (expired) {
    return TickResult::kRotate;
  }
  return *top > running.priority_ ? TickResult::kPreempt : TickResult::kContinue;
}

int32_t hart_to_preempt(std::span<const SchedEntity* const> running_per_hart, uint8_t woken) {
  int32_t best = -1;
  int32_t best_priority = woken;  // candidates must run strictly below woken
  for (size_t hart = 0; hart < running_per_hart.size(); ++hart) {
    const SchedEntity* e = running_per_hart[hart];
    const int32_t p = e == nullptr ? -1 : e->priority_;
    if (p < best_priority) {
      best_priority = p;
      best = static_cast<int32_t>(hart);
    }
  }
  return best;
}
