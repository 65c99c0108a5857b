// Regressions for kernel-call bugs that only interleavings reach (found by
// tries at random call sequences; each check here failed before its fix):
//   uaf        ChannelDestroy preempted half-way by the busy-server boost,
//              while a sender queues on the channel being freed
//   timer      a process timer with a reload of a few ns livelocks the harts
//   unblock    MsgDeliverEvent(SIGEV_UNBLOCK) with forged tid bits wakes
//              another thread of the client process
//   join       a second ThreadJoin of a thread whose first joiner was woken
//              but had not run yet collected it too (double free, or a write
//              into the freed thread)
//   leak_*     roles that end their process with a thread caught holding
//              message copies (the kernel payload checks the heap after):
//              receive (RECEIVE-blocked, 3-part IOV), reply (replied, not
//              yet run), pulse (woken by a pulse, not yet run)
// Threads started with ThreadCreate have no libc thread block: they make
// only `_r` kernel calls.
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

uint64_t now_ns() {
  uint64_t t = 0;
  ClockTime_r(CLOCK_MONOTONIC, nullptr, &t);
  return t;
}

void sleep_ms(long ms) {
  const struct timespec ts = {0, ms * 1000000};
  ClockNanosleep_r(CLOCK_MONOTONIC, 0, &ts, nullptr);
}

void set_my_priority(int priority) {
  const struct sched_param p = {priority, 0};
  SchedSet_r(0, 0, SCHED_RR, &p);
}

// A raw thread: entry(arg, tid) at `priority` on one of these stacks.
alignas(16) unsigned char g_stacks[6][16384];
int g_next_stack = 0;

int start_raw(void (*entry)(void*, long), void* arg, int priority) {
  const struct qrv_thread_attr attr = {reinterpret_cast<uint64_t>(g_stacks[g_next_stack++]), sizeof g_stacks[0], 0,
                                       priority, 0, 0};
  // ThreadCreate's entry has no tid parameter: cast through void(*)().
  auto* fn = reinterpret_cast<void* (*)(void*)>(reinterpret_cast<void (*)()>(entry));
  return ThreadCreate_r(0, fn, arg, &attr);
}

[[noreturn]] void raw_exit() {
  ThreadDestroy_r(0, -1, nullptr);
  __builtin_trap();
}

// --- uaf ------------------------------------------------------------------
struct Uaf {
  int wake_chid;     // FIXED_PRIORITY: the high thread stays at 20 when woken
  int doomed_coid2;  // the second connection to the channel being destroyed
  volatile long send_result;
  volatile int done;
};

void uaf_high(void* arg, long) {
  auto* u = static_cast<Uaf*>(arg);
  char buf[16];
  MsgReceive_r(u->wake_chid, buf, sizeof buf, nullptr);  // the pulse
  const uint64_t ns = 20000000;  // 20 ms: on a freed channel, this expiry unlinked freed memory
  TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, nullptr, &ns, nullptr);
  u->send_result = MsgSend_r(u->doomed_coid2, "x", 1, nullptr, 0);
  u->done = 1;
  raw_exit();
}

void check_uaf() {
  // X: gets the COIDDEATH pulse; we are its busy server (we received from it
  // and are not receiving now). Y: the channel we destroy, with two of our
  // own connections to it.
  const int x = ChannelCreate_r(_NTO_CHF_COID_DISCONNECT);
  const int y = ChannelCreate_r(0);
  static Uaf u;
  u.wake_chid = ChannelCreate_r(_NTO_CHF_FIXED_PRIORITY);
  const int to_x = ConnectAttach_r(0, 0, x, _NTO_SIDE_CHANNEL, 0);
  const int to_wake = ConnectAttach_r(0, 0, u.wake_chid, _NTO_SIDE_CHANNEL, 0);
  const int c1 = ConnectAttach_r(0, 0, y, _NTO_SIDE_CHANNEL, 0);
  u.doomed_coid2 = ConnectAttach_r(0, 0, y, _NTO_SIDE_CHANNEL, 0);
  expect(x > 0 && y > 0 && u.wake_chid > 0 && to_x > 0 && to_wake > 0 && c1 > 0 && u.doomed_coid2 > 0,
         "uaf: channels and connections");
  set_my_priority(5);
  expect(MsgSendPulse_r(to_x, 5, 1, 0) == 0, "uaf: a pulse to X");
  char buf[16];
  expect_eq(MsgReceive_r(x, buf, sizeof buf, nullptr), 0, "uaf: we serve X (received its pulse)");
  expect(start_raw(uaf_high, &u, 20) > 0, "uaf: the priority-20 sender");
  sleep_ms(5);  // it runs and blocks receiving on wake_chid
  // Ready it: it runs at our return (it outranks us), and sends on Y, whose
  // receiver nobody is. Then destroy Y: the COIDDEATH pulse to X raises us
  // 5 -> 10, below 20; the destroy must take the queued sender off Y before
  // freeing it (its 20 ms timeout would otherwise unlink it from freed memory).
  // (Before readied threads preempted, it ran inside the destroy instead:
  // the first form of this bug.)
  MsgSendPulse_r(to_wake, 5, 1, 0);
  expect_eq(ChannelDestroy_r(y), 0, "uaf: ChannelDestroy(Y)");
  const uint64_t t0 = now_ns();
  while (!u.done && now_ns() - t0 < 2000000000ull) sleep_ms(1);
  expect(u.done, "uaf: the sender finished");
  // ESRCH: queued on Y when it was destroyed; EBADF if it sent after the
  // destroy; ETIMEDOUT was the bug (queued on the channel while it was freed).
  expect(u.send_result == -EBADF || u.send_result == -ESRCH,
         "uaf: a send on a connection to the destroyed channel is EBADF (or ESRCH, queued before it)");
  set_my_priority(10);
  ConnectDetach_r(c1);
  ConnectDetach_r(u.doomed_coid2);
  ConnectDetach_r(to_x);
  ConnectDetach_r(to_wake);
  ChannelDestroy_r(x);
  ChannelDestroy_r(u.wake_chid);
}

// --- timer ----------------------------------------------------------------
void check_timer() {
  const int chid = ChannelCreate_r(0);
  const int self = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
  const struct sigevent none = {SIGEV_NONE, 0, {0}, 0, 0, 0};
  const struct sigevent pulse = {SIGEV_PULSE, self, {7}, 1, -1, 0};
  const int t_none = TimerCreate_r(CLOCK_MONOTONIC, &none);
  const int t_pulse = TimerCreate_r(CLOCK_MONOTONIC, &pulse);
  expect(t_none >= 0 && t_pulse >= 0, "timer: two timers");
  const struct _itimer tiny = {3, 3};  // 3 ns, then every 3 ns
  expect_eq(TimerSettime_r(t_none, 0, &tiny, nullptr), 0, "timer: a 3 ns reload (SIGEV_NONE) is accepted");
  expect_eq(TimerSettime_r(t_pulse, 0, &tiny, nullptr), 0, "timer: a 3 ns reload (pulse) is accepted");
  // The system keeps running: 50 sleeps of 1 ms take well under 5 s.
  const uint64_t t0 = now_ns();
  for (int i = 0; i < 50; ++i) sleep_ms(1);
  expect(now_ns() - t0 < 5000000000ull, "timer: 50 sleeps of 1 ms still run");
  struct _itimer old = {};
  const struct _itimer off = {0, 0};
  expect_eq(TimerSettime_r(t_none, 0, &off, &old), 0, "timer: disarm");
  expect(old.interval_nsec >= 1000000, "timer: the reload was rounded up to the timer resolution (1 ms)");
  TimerSettime_r(t_pulse, 0, &off, nullptr);
  TimerDestroy_r(t_none);
  TimerDestroy_r(t_pulse);
  ConnectDetach_r(self);
  ChannelDestroy_r(chid);  // drops the queued pulses
}

// --- unblock --------------------------------------------------------------
struct Unblock {
  int coid;
  volatile long sleep_result;
  volatile long send_result;
  volatile int sleeper_tid;
  volatile int sleeping;
  volatile int slept;
  volatile int sent;
};

void unblock_sleeper(void* arg, long tid) {
  auto* u = static_cast<Unblock*>(arg);
  u->sleeper_tid = static_cast<int>(tid);
  u->sleeping = 1;
  const struct timespec ts = {0, 200000000};  // 200 ms; nobody's client
  u->sleep_result = ClockNanosleep_r(CLOCK_MONOTONIC, 0, &ts, nullptr);
  u->slept = 1;
  raw_exit();
}

void unblock_client(void* arg, long) {
  auto* u = static_cast<Unblock*>(arg);
  char reply[8];
  u->send_result = MsgSend_r(u->coid, "hello", 6, reply, sizeof reply);
  u->sent = 1;
  raw_exit();
}

void check_unblock() {
  static Unblock u;
  const int chid = ChannelCreate_r(0);
  u.coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
  expect(start_raw(unblock_sleeper, &u, 10) > 0 && start_raw(unblock_client, &u, 10) > 0, "unblock: two threads");
  char msg[8];
  const int rcvid = MsgReceive_r(chid, msg, sizeof msg, nullptr);
  expect(rcvid > 0, "unblock: the client's message");
  while (!u.sleeping) sleep_ms(1);
  const int forged = (rcvid & ~0xff) | u.sleeper_tid;  // rcvid = gen<<20 | scoid<<8 | tid
  const struct sigevent ev = {SIGEV_UNBLOCK, 0, {0}, 0, 0, 0};
  expect_eq(MsgDeliverEvent_r(forged, &ev), -ESRCH, "unblock: forged tid bits: ESRCH");
  expect_eq(MsgDeliverEvent_r(rcvid, &ev), 0, "unblock: the real rcvid");
  const uint64_t t0 = now_ns();
  while (!(u.slept && u.sent) && now_ns() - t0 < 2000000000ull) sleep_ms(1);
  expect_eq(u.send_result, -ETIMEDOUT, "unblock: the client's send ends with ETIMEDOUT");
  expect_eq(u.sleep_result, 0, "unblock: the sleeping thread slept its whole time");
  expect_eq(MsgReply_r(rcvid, 0, nullptr, 0), -ESRCH, "unblock: the rcvid is gone");
  ConnectDetach_r(u.coid);
  ChannelDestroy_r(chid);
}

// --- join -----------------------------------------------------------------
struct Join {
  int chid;
  volatile int target_tid;
  volatile long join_result;
  volatile uint64_t joined_value;
  volatile int joining;
  volatile int done;
};

void join_target(void* arg, long) {  // priority 30: waits for the pulse, then ends
  auto* j = static_cast<Join*>(arg);
  char buf[16];
  MsgReceive_r(j->chid, buf, sizeof buf, nullptr);
  ThreadDestroy_r(0, -1, reinterpret_cast<void*>(uintptr_t{77}));
  __builtin_trap();
}

void join_first(void* arg, long) {  // priority 15: the first joiner
  auto* j = static_cast<Join*>(arg);
  j->joining = 1;
  void* value = nullptr;
  j->join_result = ThreadJoin_r(j->target_tid, &value);
  j->joined_value = reinterpret_cast<uintptr_t>(value);
  j->done = 1;
  raw_exit();
}

void check_join() {
  static Join j;
  j.chid = ChannelCreate_r(_NTO_CHF_FIXED_PRIORITY);  // the target stays at 30 when woken
  const int coid = ConnectAttach_r(0, 0, j.chid, _NTO_SIDE_CHANNEL, 0);
  set_my_priority(20);
  j.target_tid = start_raw(join_target, &j, 30);  // runs now and blocks receiving
  const int first = start_raw(join_first, &j, 15);
  expect(j.target_tid > 0 && first > 0, "join: the target and the first joiner");
  sleep_ms(5);  // the first joiner blocks in ThreadJoin
  expect(j.joining, "join: the first joiner is waiting");
  // The target (30) takes the pulse and ends, readying the first joiner (15),
  // which on one hart cannot run before us (20): our join comes second.
  MsgSendPulse_r(coid, 5, 1, 0);
  SchedYield_r();  // the target runs now (a readied thread runs at the next block, yield or tick)
  void* value = nullptr;
  expect_eq(ThreadJoin_r(j.target_tid, &value), -ESRCH, "join: a second join of a collected thread is ESRCH");
  const uint64_t t0 = now_ns();
  while (!j.done && now_ns() - t0 < 2000000000ull) sleep_ms(1);
  expect_eq(j.join_result, 0, "join: the first joiner's join succeeds");
  expect_eq(static_cast<long>(j.joined_value), 77, "join: ... with the target's value");
  expect_eq(ThreadJoin_r(j.target_tid, &value), -ESRCH, "join: the target is gone");
  set_my_priority(10);
  ConnectDetach_r(coid);
  ChannelDestroy_r(j.chid);
}

// --- leak roles -------------------------------------------------------------
struct Leak {
  int chid;
  int coid;
  volatile int ready;
};

char g_bufs[6][16];

iov_t* three_parts(int first) {
  static iov_t iov[2][3];
  iov_t* v = iov[first / 3];
  for (int i = 0; i < 3; ++i) SETIOV(&v[i], g_bufs[first + i], sizeof g_bufs[0]);
  return v;
}

void leak_receiver(void* arg, long) {
  auto* l = static_cast<Leak*>(arg);
  l->ready = 1;
  MsgReceivev_r(l->chid, three_parts(0), 3, nullptr);
  raw_exit();
}

void leak_client(void* arg, long) {
  auto* l = static_cast<Leak*>(arg);
  l->ready = 1;
  MsgSendv_r(l->coid, three_parts(0), 3, three_parts(3), 3);
  raw_exit();
}

// The process ends (exit status 0) with a thread caught as the role says.
[[noreturn]] void leak_role(const char* role) {
  static Leak l;
  l.chid = ChannelCreate_r(_NTO_CHF_FIXED_PRIORITY);
  l.coid = ConnectAttach_r(0, 0, l.chid, _NTO_SIDE_CHANNEL, 0);
  set_my_priority(30);  // we run on while what we wake waits
  if (strcmp(role, "leak_reply") == 0) {
    start_raw(leak_client, &l, 10);
    char msg[16];
    int rcvid = -1;
    while (rcvid < 0) rcvid = MsgReceive_r(l.chid, msg, sizeof msg, nullptr);  // blocks until it sends
    MsgReply_r(rcvid, 0, "ok", 3);  // ready, not yet run
  } else {
    start_raw(leak_receiver, &l, 10);
    while (!l.ready) sleep_ms(1);
    sleep_ms(5);  // it is RECEIVE-blocked now
    if (strcmp(role, "leak_pulse") == 0) MsgSendPulse_r(l.coid, 10, 1, 0);  // ready, not yet run
  }
  printf("kcall_regress: %s: ending the process\n", role);
  ThreadDestroy_r(-1, -1, nullptr);
  __builtin_trap();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && strncmp(argv[1], "leak_", 5) == 0) leak_role(argv[1]);
  check_uaf();
  check_timer();
  check_unblock();
  check_join();
  return qrv_test::report("kcall_regress");
}
