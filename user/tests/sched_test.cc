// Scheduling from user mode: nanosleep sleeps at least as long as asked (and
// not absurdly longer), round-robin slicing shares a hart between busy
// threads of one priority, and a higher-priority thread that wakes preempts
// a busy lower-priority one (on one hart this only passes with preemption),
// and one readied by a lower-priority thread runs before the waker's next
// instruction when no hart is idle (not at the next tick). And sysconf
// tells how many harts there are.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;

namespace {
uint64_t now_ns() {
  uint64_t t = 0;
  ClockTime_r(CLOCK_MONOTONIC, nullptr, &t);
  return t;
}

void sleep_ms(int64_t ms) {
  const struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

volatile uint64_t g_spins[2];
volatile int g_stop = 0;

void* busy(void* arg) {
  const int id = static_cast<int>(reinterpret_cast<intptr_t>(arg));
  while (!g_stop) g_spins[id] = g_spins[id] + 1;  // never yields
  return nullptr;
}

volatile int g_high_ran = 0;

// Started by a raw ThreadCreate: there is no libc frame to return to, so it
// ends itself.
void* high(void*) {
  sleep_ms(30);
  g_high_ran = 1;
  ThreadDestroy_r(0, -1, nullptr);
  return nullptr;
}

volatile int g_order[2];
volatile int g_order_count = 0;
sync_t g_gate = {0, 0};

// Waits at the gate, then records its priority: the kernel hands a released
// mutex to its highest-priority waiter first, whatever the hart count.
void* record(void* arg) {
  const int prio = static_cast<int>(reinterpret_cast<intptr_t>(arg));
  SyncMutexLock_r(&g_gate);
  const int slot = g_order_count;
  if (slot < 2) g_order[slot] = prio;
  g_order_count = slot + 1;
  SyncMutexUnlock_r(&g_gate);
  ThreadDestroy_r(0, -1, nullptr);
  return nullptr;
}

// Readied by our pulse (its channel keeps it at 30): it runs first.
int g_ready_chid = -1;
volatile int g_readied_ran = 0;

void* readied(void*) {
  char msg[16];
  MsgReceive_r(g_ready_chid, msg, sizeof msg, nullptr);
  g_readied_ran = 1;
  ThreadDestroy_r(0, -1, nullptr);
  return nullptr;
}

void* low_busy(void*) {  // keeps a hart from idling, below us
  const struct sched_param low = {5, 0};
  SchedSet_r(0, 0, SCHED_RR, &low);
  while (!g_stop) {
  }
  return nullptr;
}

int create(pthread_t* t, void* (*fn)(void*), void* arg) {
  return pthread_create(t, nullptr, fn, arg);
}
}  // namespace

// Whether a thread of ours is RECEIVE-blocked (as /proc/<pid> shows), within 2 s.
bool receiving_within_2s() {
  char path[32];
  snprintf(path, sizeof path, "/proc/%d", getpid());
  for (int i = 0; i < 2000; ++i) {
    const int fd = open(path, O_RDONLY);
    char text[2048];
    const long n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
    if (fd >= 0) close(fd);
    text[n > 0 ? n : 0] = '\0';
    if (strstr(text, "RECEIVE") != nullptr) return true;
    sleep_ms(1);
  }
  return false;
}

int main() {
  // nanosleep: at least the time asked, well under a second more.
  const uint64_t t0 = now_ns();
  sleep_ms(25);
  const uint64_t slept = now_ns() - t0;
  expect(slept >= 25000000, "nanosleep sleeps at least as long as asked");
  expect(slept < 25000000 + 500000000, "nanosleep wakes within half a second of its deadline");
  const struct timespec bad = {0, 1000000000};
  expect(nanosleep(&bad, nullptr) == -1 && errno == EINVAL, "tv_nsec of 1e9 is EINVAL");
  expect(ClockNanosleep_r(CLOCK_MONOTONIC, 0, reinterpret_cast<const struct timespec*>(0x10), nullptr) == -EFAULT,
         "a bad timespec pointer is EFAULT");

  // Round robin: two busy threads at our priority both make progress while we sleep.
  pthread_t a, b;
  expect(create(&a, busy, reinterpret_cast<void*>(0)) == 0, "busy thread a");
  expect(create(&b, busy, reinterpret_cast<void*>(1)) == 0, "busy thread b");
  sleep_ms(300);
  const uint64_t sa = g_spins[0];
  const uint64_t sb = g_spins[1];
  g_stop = 1;
  expect(pthread_join(a, nullptr) == 0 && pthread_join(b, nullptr) == 0, "busy threads join");
  expect(sa > 0 && sb > 0, "both busy threads ran (time slicing)");

  // Preemption: a priority-20 thread sleeping 30 ms preempts our busy wait.
  static unsigned char hi_stack[16384] __attribute__((aligned(16)));
  const struct qrv_thread_attr attr = {reinterpret_cast<uint64_t>(hi_stack), sizeof hi_stack, 0, 20, 0, 0};
  const int tid = ThreadCreate_r(0, high, nullptr, &attr);
  expect(tid > 0, "ThreadCreate at priority 20");
  const uint64_t start = now_ns();
  while (!g_high_ran && now_ns() - start < 3000000000ull) {
  }
  expect(g_high_ran == 1, "a woken higher-priority thread preempts a busy lower one");
  expect(ThreadJoin_r(tid, nullptr) == 0, "join the high-priority thread");

  // SchedGet/SchedSet on ourselves, and their errors.
  struct sched_param param = {};
  expect(SchedGet_r(0, 0, &param) == SCHED_RR && param.sched_priority == 10, "SchedGet: RR at 10");
  param.sched_priority = 12;
  expect(SchedSet_r(0, 0, SCHED_FIFO, &param) == 0, "SchedSet to FIFO 12");
  expect(SchedGet_r(0, 0, &param) == SCHED_FIFO && param.sched_priority == 12, "SchedGet sees FIFO 12");
  param.sched_priority = 0;
  expect(SchedSet_r(0, 0, SCHED_FIFO, &param) == -EINVAL, "priority 0 is the idle threads'");
  param.sched_priority = 10;
  expect(SchedSet_r(0, 0, 7, &param) == -EINVAL, "policy 7 is EINVAL");
  expect(SchedSet_r(0, 0, SCHED_RR, nullptr) == -EFAULT, "no parameters is EFAULT");
  expect(SchedGet_r(0, 63, &param) == -ESRCH, "a tid that does not exist is ESRCH");
  expect(SchedGet_r(99, 0, &param) == -ESRCH, "another pid is ESRCH");

  // Priority order: a priority-20 thread, then a priority-25 one, queue on a
  // mutex we hold; releasing it lets 25 in first.
  expect(SyncMutexLock_r(&g_gate) == 0, "hold the gate");
  static unsigned char s20[16384] __attribute__((aligned(16)));
  static unsigned char s25[16384] __attribute__((aligned(16)));
  const struct qrv_thread_attr a20 = {reinterpret_cast<uint64_t>(s20), sizeof s20, 0, 20, 0, 0};
  const struct qrv_thread_attr a25 = {reinterpret_cast<uint64_t>(s25), sizeof s25, 0, 25, 0, 0};
  const int t20 = ThreadCreate_r(0, record, reinterpret_cast<void*>(20), &a20);
  const int t25 = ThreadCreate_r(0, record, reinterpret_cast<void*>(25), &a25);
  expect(t20 > 0 && t25 > 0, "two waiters");
  sleep_ms(50);  // both are queued on the gate by now
  expect(SyncMutexUnlock_r(&g_gate) == 0, "open the gate");
  expect(ThreadJoin_r(t20, nullptr) == 0 && ThreadJoin_r(t25, nullptr) == 0, "join both");
  expect(g_order_count == 2, "both ran");
  expect(g_order[0] == 25 && g_order[1] == 20, "the higher-priority waiter goes first");

  // A readied higher-priority thread runs at once: busy threads below us keep
  // every other hart (up to 8) from idling, so only ours can take it.
  g_stop = 0;
  g_ready_chid = ChannelCreate_r(_NTO_CHF_FIXED_PRIORITY);
  const int to_ready = ConnectAttach_r(0, 0, g_ready_chid, _NTO_SIDE_CHANNEL, 0);
  static unsigned char s30[16384] __attribute__((aligned(16)));
  const struct qrv_thread_attr a30 = {reinterpret_cast<uint64_t>(s30), sizeof s30, 0, 30, 0, 0};
  const int t30 = ThreadCreate_r(0, readied, nullptr, &a30);
  pthread_t lows[7];
  bool started = t30 > 0 && to_ready > 0;
  for (auto& l : lows) started = started && create(&l, low_busy, nullptr) == 0;
  expect(started, "a priority-30 receiver and 7 busy threads at 5");
  // The receiver must be blocked in MsgReceive before the pulse (a loaded
  // host can take longer than any fixed sleep): /proc says when.
  expect(receiving_within_2s(), "the receiver is RECEIVE-blocked");
  sleep_ms(20);  // the busy threads take the other harts
  expect(MsgSendPulse_r(to_ready, 10, 1, 0) == 0, "pulse the receiver");
  expect(g_readied_ran == 1, "the readied priority-30 thread ran before our next instruction");
  g_stop = 1;
  bool joined = ThreadJoin_r(t30, nullptr) == 0;
  for (auto& l : lows) joined = pthread_join(l, nullptr) == 0 && joined;
  expect(joined, "join them");
  ConnectDetach_r(to_ready);
  ChannelDestroy_r(g_ready_chid);

  // The harts (sysconf through taskman): the QEMU test knows how many it gave.
  const long online = sysconf(_SC_NPROCESSORS_ONLN), configured = sysconf(_SC_NPROCESSORS_CONF);
  expect(online >= 1 && online == configured, "sysconf: every hart the device tree names is online");
  printf("sched_test: %ld harts online\n", online);
  return qrv_test::report("sched_test");
}
