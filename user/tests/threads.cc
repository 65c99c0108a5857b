// Threads from user mode: pthread_create/join over ThreadCreate/ThreadJoin,
// yield interleaving at one priority, join errors, values passed through
// exit and join, and a process that exits while threads still run (they must
// die with it, on every hart).
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/neutrino.h>

#include "user/tests/check.h"


using qrv_test::expect;

namespace {
constexpr int kThreads = 8;
constexpr int kRounds = 50;
volatile int g_progress[kThreads];

void* worker(void* arg) {
  const int id = static_cast<int>(reinterpret_cast<intptr_t>(arg));
  for (int i = 0; i < kRounds; ++i) {
    g_progress[id] = i + 1;
    SchedYield();
  }
  return reinterpret_cast<void*>(static_cast<intptr_t>(1000 + id));
}

void* spinner(void*) {
  for (;;) {
    SchedYield();
  }
}
}  // namespace

int main() {
  pthread_t t[kThreads];
  for (int i = 0; i < kThreads; ++i) {
    expect(pthread_create(&t[i], nullptr, worker, reinterpret_cast<void*>(static_cast<intptr_t>(i))) == 0,
           "pthread_create");
  }
  for (int i = 0; i < kThreads; ++i) {
    void* value = nullptr;
    expect(pthread_join(t[i], &value) == 0, "pthread_join");
    expect(reinterpret_cast<intptr_t>(value) == 1000 + i, "join returns the thread's value");
    expect(g_progress[i] == kRounds, "every round ran");
  }
  expect(ThreadJoin_r(60, nullptr) == -ESRCH, "join of a thread that never existed is ESRCH");
  expect(ThreadJoin_r(-3, nullptr) == -ESRCH, "join of a negative tid is ESRCH");
  expect(ThreadJoin_r(1, nullptr) == -EDEADLK, "joining oneself is EDEADLK");
  expect(ThreadCreate_r(0, worker, nullptr, nullptr) == -EFAULT, "ThreadCreate without attributes is EFAULT");
  const struct qrv_thread_attr bad_stack = {0xffffffc080000000ul, 65536, 0, 0, 0, 0};
  expect(ThreadCreate_r(0, worker, nullptr, &bad_stack) == -EINVAL, "a kernel stack is EINVAL");
  const struct qrv_thread_attr bad_prio = {0x100000ul, 65536, 0, 300, 0, 0};
  expect(ThreadCreate_r(0, worker, nullptr, &bad_prio) == -EINVAL, "priority 300 is EINVAL");
  expect(ThreadCreate_r(77, worker, nullptr, &bad_prio) == -ESRCH, "another pid is ESRCH");
  pthread_t spinners[3];
  for (auto& s : spinners) expect(pthread_create(&s, nullptr, spinner, nullptr) == 0, "spinner");
  SchedYield();
  return qrv_test::report("threads");  // exit() ends the spinners too
}
