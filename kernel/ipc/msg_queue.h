// What a channel hands to MsgReceivev, in order: SEND-blocked clients and
// queued pulses, highest priority first and first come among equals (QNX
// receives messages and pulses in one priority order). Entries are intrusive:
// a thread or pulse derives from MsgQueueEntry and is on at most one
// message-passing list at a time (a send queue, receivers, or a reply list).
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/sched/intrusive_list.h"

struct MsgQueueTag {};

struct MsgQueueEntry : ListNode<MsgQueueTag> {
  uint8_t msg_priority = 0;  // the order key: higher first
  bool is_pulse = false;     // a queued pulse, else a SEND-blocked thread
  uint64_t msg_seq = 0;      // arrival order, for first come among equals
};

using MsgList = IntrusiveList<MsgQueueEntry, MsgQueueTag>;

class MsgQueue {
 public:
  // Files `e` behind every entry of its priority or higher: O(1) when it is
  // no higher than the last entry, else a walk from the back.
  void insert(MsgQueueEntry& e) {
    e.msg_seq = ++seq_;
    MsgQueueEntry* at = list_.back();
    while (at != nullptr && at->msg_priority < e.msg_priority) at = list_.prev(*at);
    if (at == nullptr) {
      list_.push_front(e);
    } else if (MsgQueueEntry* after = list_.next(*at)) {
      list_.link_before(*after, e);
    } else {
      list_.push_back(e);
    }
  }

  MsgQueueEntry* front() const { return list_.front(); }
  MsgQueueEntry* pop() { return list_.pop_front(); }
  void remove(MsgQueueEntry& e) { list_.remove(e); }
  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size(); }
  MsgQueueEntry* next(const MsgQueueEntry& e) const { return list_.next(e); }

 private:
  MsgList list_;
  uint64_t seq_ = 0;
};
