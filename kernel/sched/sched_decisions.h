// Pure scheduling decisions over a ReadyQueue: preempt on wake-up, the
// per-tick round-robin slice, and which hart a woken thread should preempt.
// They decide only; the caller (holding the kernel lock) queues and switches.
#pragma once

#include <cstdint>
#include <span>

#include "kernel/sched/ready_queue.h"
#include "kernel/sched/sched_entity.h"

// True if a strictly higher priority than running's is ready: switch now,
// putting running at the head of its priority (ReadyQueue::push_front).
bool should_preempt(const SchedEntity& running, const ReadyQueue& ready);

enum class TickResult : uint8_t {
  kContinue,  // keep running
  kPreempt,   // a higher priority is ready: push_front(running), switch
  kRotate,    // slice used up and an equal or higher priority is ready:
              // push_back(running), switch
};

// Accounts one timer tick to the running entity. RR/OTHER: the slice drops
// by one; at zero it is refilled, and running goes behind its equals if any is
// ready. FIFO is never sliced.
TickResult on_tick(SchedEntity& running, const ReadyQueue& ready);

// On SMP, the hart a thread of priority `woken` should preempt: the hart
// running the lowest priority strictly below `woken` (nullptr = idle hart,
// lower than any thread; lowest index on ties), or -1 if none.
int32_t hart_to_preempt(std::span<const SchedEntity* const> running_per_hart, uint8_t woken);
