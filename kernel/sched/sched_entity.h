// SchedEntity: what the scheduler knows of a thread. tThread embeds one; the
// ready queue links it through its ListNode base. Priority 0 is idle, 255 the
// highest (as QNX). Change priority_ of a queued entity only through
// ReadyQueue::change_priority: the queue files it under its priority.
#pragma once

#include <cstdint>

#include "kernel/sched/intrusive_list.h"
#include "kernel/sched/thread_state.h"

// The ready queue's list tag (a thread may sit on other lists with other tags).
struct ReadyListTag {};

// QNX/POSIX scheduling policies. OTHER is scheduled like RR (QNX does the same).
enum class SchedPolicy : uint8_t {
  kFifo,        // runs until it blocks, yields or is preempted: never sliced
  kRoundRobin,  // FIFO plus a time slice; on expiry goes behind its equals
  kOther,       // as kRoundRobin
};

inline constexpr uint32_t kNumPriorities = 256;
inline constexpr uint8_t kIdlePriority = 0;
inline constexpr uint8_t kMaxPriority = 255;

// A round-robin time slice in scheduler ticks (QNX: 4 clock periods).
inline constexpr uint32_t kRoundRobinSliceTicks = 4;

struct SchedEntity : ListNode<ReadyListTag> {
  uint8_t priority_ = kIdlePriority;
  SchedPolicy policy_ = SchedPolicy::kRoundRobin;
  ThreadState state_ = STATE_READY;
  uint32_t slice_left_ = kRoundRobinSliceTicks;  // ticks; meaningful for RR/OTHER

  constexpr bool queued() const { return linked(); }
};
