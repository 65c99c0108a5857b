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
// Fills f0..f31 with seed + i and sets fcsr's rounding mode, yields `rounds`
// times, then counts the registers that no longer hold their value.
#define QRV_FREGS_(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15) \
  X(16) X(17) X(18) X(19) X(20) X(21) X(22) X(23) X(24) X(25) X(26) X(27) X(28) X(29) X(30) X(31)
int fp_survives_switches(uint64_t seed, uint64_t frm, int rounds) {
#define QRV_SET_(n) asm volatile("fmv.d.x f" #n ", %0" ::"r"(seed + n));
  QRV_FREGS_(QRV_SET_)
#undef QRV_SET_
  asm volatile("fsrm %0" ::"r"(frm));
  for (int i = 0; i < rounds; ++i) SchedYield_r();
  int bad = 0;
  uint64_t v;
#define QRV_CHECK_(n)                              \
  asm volatile("fmv.x.d %0, f" #n : "=r"(v));      \
  bad += v != seed + n;
  QRV_FREGS_(QRV_CHECK_)
#undef QRV_CHECK_
  uint64_t mode;
  asm volatile("frrm %0" : "=r"(mode));
  return bad + (mode != frm);
}
#undef QRV_FREGS_

void* fp_worker(void* arg) {
  const auto seed = reinterpret_cast<uintptr_t>(arg);
  return reinterpret_cast<void*>(static_cast<intptr_t>(fp_survives_switches(seed, seed % 5, 200)));
}
}  // namespace

int main() {
  // FP registers are per thread: two threads and main fill them with their
  // own values and keep yielding to each other.
  pthread_t fp[2];
  pthread_create(&fp[0], nullptr, fp_worker, reinterpret_cast<void*>(0x1000));
  pthread_create(&fp[1], nullptr, fp_worker, reinterpret_cast<void*>(0x2003));
  expect(fp_survives_switches(0x3001, 1, 200) == 0, "main's FP registers survive switches");
  for (pthread_t t : fp) {
    void* bad = nullptr;
    pthread_join(t, &bad);
    expect(bad == nullptr, "a thread's FP registers and rounding mode survive switches");
  }

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
