// thread_unblock: each interruptible state leaves its wait queue its own way.
#include "kernel/proc/unblock.h"

#include "kernel/abi/errno.h"
#include "kernel/ipc/msg.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/sched.h"

bool thread_unblock(tThread* t, int64_t status) {
  switch (t->state_) {
    case STATE_SEND:
    case STATE_RECEIVE:
    case STATE_REPLY:
      return msg_unblock(t, status);
    case STATE_JOIN:
      t->join_target->joiner = nullptr;
      t->join_target = nullptr;
      break;
    case STATE_NANOSLEEP:
      clock_cancel_sleep(t);
      break;
    case STATE_MUTEX:
      if (status != -QRV_ETIMEDOUT) return false;
      t->wait_addr = 0;  // no longer a waiter an unlock could hand the mutex to
      break;
    case STATE_CONDVAR:
      t->wait_addr = 0;
      break;
    case STATE_SIGSUSPEND:
    case STATE_SIGWAITINFO:  // status 0: a signal it waits for came; it looks again
      break;
    default:
      return false;
  }
  t->unblock_status = status;
  sched_make_ready(t);
  return true;
}
