// Kernel-call round trips from user mode, as instructions per call from the
// instret counter: an unknown call number (entry, dispatch, exit: the null
// call), SchedYield (the big kernel lock and the ready queue), ClockTime (a
// copyout), a 0-byte DebugConsoleWrite, a pthread mutex uncontended (user
// space only), the same through the kernel calls, and contended (a hand-off
// between two threads), and a thread switch (two threads yielding to each
// other on one hart). Run under QEMU -icount: bazel run //kernel/proc:syscall_bench
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <time.h>

namespace {
uint64_t instret() {
  uint64_t v;
  asm volatile("rdinstret %0" : "=r"(v));
  return v;
}

template <typename F>
uint64_t measure(const char* name, F f) {
  constexpr uint64_t kIters = 10000;
  f();
  const uint64_t before = instret();
  for (uint64_t i = 0; i < kIters; ++i) f();
  const uint64_t per_call = (instret() - before) / kIters;
  printf("bench: %-36s %6llu insn/call\n", name, static_cast<unsigned long long>(per_call));
  return per_call;
}
volatile int g_stop_yielder = 0;

void* yielder(void*) {
  while (!g_stop_yielder) SchedYield_r();
  return nullptr;
}

// Contention on one hart: each thread holds the mutex across a SchedYield,
// so the other's lock always finds it held and sleeps, and every unlock
// hands the mutex over in the kernel.
pthread_mutex_t g_contended = PTHREAD_MUTEX_INITIALIZER;
volatile int g_stop_contender = 0;

void hold_and_yield() {
  pthread_mutex_lock(&g_contended);
  SchedYield_r();
  pthread_mutex_unlock(&g_contended);
}

void* contender(void*) {
  while (!g_stop_contender) hold_and_yield();
  return nullptr;
}

uint64_t g_yield_cost = 0;  // SchedYield with nothing else ready, measured first
}  // namespace

long unknown_call() {
  register long a0 asm("a0") = 0;
  register long a7 asm("a7") = 1000;  // no such call: dispatch and return only
  asm volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
  return a0;
}

int main() {
  measure("null kernel call (unknown number)", [] { unknown_call(); });
  g_yield_cost = measure("SchedYield, nothing else ready", [] { SchedYield_r(); });
  uint64_t now = 0;
  measure("ClockTime (8-byte copyout)", [&] { ClockTime_r(CLOCK_MONOTONIC, nullptr, &now); });
  measure("DebugConsoleWrite, 0 bytes", [] { DebugConsoleWrite_r("", 0); });
  pthread_mutex_t m;
  pthread_mutex_init(&m, nullptr);
  measure("mutex lock+unlock, uncontended", [&] {
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
  });
  measure("mutex lock+unlock by kernel call", [&] {
    SyncMutexLock_r(&m.__sync);
    SyncMutexUnlock_r(&m.__sync);
  });
  // Contended: per lock+unlock pair, the lock sleeps, a switch, the unlock
  // hands over; each pair also holds one SchedYield that switches nowhere
  // (the other thread sleeps on the mutex), taken out again below.
  pthread_t rival;
  pthread_create(&rival, nullptr, contender, nullptr);
  for (int i = 0; i < 100; ++i) hold_and_yield();  // settle into the ping-pong
  constexpr uint64_t kRounds = 5000;
  const uint64_t start = instret();
  for (uint64_t i = 0; i < kRounds; ++i) hold_and_yield();
  const uint64_t per_pair = (instret() - start) / (2 * kRounds) - g_yield_cost;
  g_stop_contender = 1;
  pthread_join(rival, nullptr);
  printf("bench: %-36s %6llu insn/pair\n", "mutex lock+unlock, contended",
         static_cast<unsigned long long>(per_pair));
  // Thread switch: two threads of one priority yield to each other, so every
  // SchedYield is a switch (on one hart).
  pthread_t other;
  pthread_create(&other, nullptr, yielder, nullptr);
  SchedYield_r();  // let it start
  constexpr uint64_t kSwitches = 10000;
  const uint64_t before = instret();
  for (uint64_t i = 0; i < kSwitches / 2; ++i) SchedYield_r();
  const uint64_t per_switch = (instret() - before) / kSwitches;
  g_stop_yielder = 1;
  pthread_join(other, nullptr);
  printf("bench: %-36s %6llu insn/switch\n", "thread switch (yield ping-pong)",
         static_cast<unsigned long long>(per_switch));
  return 0;
}
