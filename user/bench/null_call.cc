// Kernel-call round trips from user mode, as instructions per call from the
// instret counter: an unknown call number (entry, dispatch, exit: the null
// call), SchedYield (the big kernel lock and the ready queue), ClockTime (a
// copyout), a 0-byte DebugConsoleWrite, an uncontended pthread mutex, and a
// thread switch (two threads yielding to each other on one hart). Run under QEMU -icount: bazel run //kernel/proc:syscall_bench
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
void measure(const char* name, F f) {
  constexpr uint64_t kIters = 10000;
  f();
  const uint64_t before = instret();
  for (uint64_t i = 0; i < kIters; ++i) f();
  const uint64_t per_call = (instret() - before) / kIters;
  printf("bench: %-36s %6llu insn/call\n", name, static_cast<unsigned long long>(per_call));
}
volatile int g_stop_yielder = 0;

void* yielder(void*) {
  while (!g_stop_yielder) SchedYield_r();
  return nullptr;
}
}  // namespace

long unknown_call() {
  register long a0 asm("a0") = 0;
  register long a7 asm("a7") = 1000;  // no such call: dispatch and return only
  asm volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
  return a0;
}

int main() {
  measure("null kernel call (unknown number)", [] { unknown_call(); });
  measure("SchedYield, nothing else ready", [] { SchedYield_r(); });
  uint64_t now = 0;
  measure("ClockTime (8-byte copyout)", [&] { ClockTime_r(CLOCK_MONOTONIC, nullptr, &now); });
  measure("DebugConsoleWrite, 0 bytes", [] { DebugConsoleWrite_r("", 0); });
  pthread_mutex_t m;
  pthread_mutex_init(&m, nullptr);
  measure("mutex lock+unlock, uncontended", [&] {
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
  });
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
