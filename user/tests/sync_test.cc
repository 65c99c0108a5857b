// pthread mutexes and condition variables on the kernel's sync objects:
// many threads on every hart increment one counter under a mutex (the total
// must be exact), a condition variable hands work from a producer to
// consumers, and misuse gets error numbers (EDEADLK, EPERM, EFAULT, EINVAL).
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/neutrino.h>

#include "user/tests/check.h"


using qrv_test::expect;

namespace {
// On 4 emulated harts every hand-off of the big kernel lock can wait for the
// host to schedule a vCPU, so the contended part stays small.
constexpr int kWorkers = 16;
constexpr int kIncrements = 40;
pthread_mutex_t g_lock;
uint64_t g_counter = 0;  // guarded by g_lock only

void* increment(void*) {
  for (int i = 0; i < kIncrements; ++i) {
    pthread_mutex_lock(&g_lock);
    const uint64_t v = *static_cast<volatile uint64_t*>(&g_counter);
    for (int d = 0; d < 200; ++d) asm volatile("");  // widen the window a lost update needs
    *static_cast<volatile uint64_t*>(&g_counter) = v + 1;
    pthread_mutex_unlock(&g_lock);
  }
  return nullptr;
}

constexpr int kItems = 100;
pthread_mutex_t g_qlock;
pthread_cond_t g_nonempty;
int g_queue = 0;      // items waiting (guarded by g_qlock)
int g_consumed = 0;   // guarded by g_qlock
bool g_done = false;  // guarded by g_qlock

void* consume(void*) {
  pthread_mutex_lock(&g_qlock);
  for (;;) {
    while (g_queue == 0 && !g_done) pthread_cond_wait(&g_nonempty, &g_qlock);
    if (g_queue == 0 && g_done) break;
    --g_queue;
    ++g_consumed;
  }
  pthread_mutex_unlock(&g_qlock);
  return nullptr;
}

pthread_t start(void* (*fn)(void*)) {
  pthread_attr_t attr = {};
  attr.__stack_size = 8192;
  pthread_t t = 0;
  expect(pthread_create(&t, &attr, fn, nullptr) == 0, "pthread_create");
  return t;
}
}  // namespace

int main() {
  pthread_mutex_init(&g_lock, nullptr);
  pthread_t workers[kWorkers];
  for (auto& w : workers) w = start(increment);
  for (auto& w : workers) pthread_join(w, nullptr);
  expect(g_counter == uint64_t{kWorkers} * kIncrements, "the mutex keeps the counter exact");

  pthread_mutex_init(&g_qlock, nullptr);
  pthread_cond_init(&g_nonempty, nullptr);
  pthread_t consumers[4];
  for (auto& c : consumers) c = start(consume);
  for (int i = 0; i < kItems; ++i) {
    pthread_mutex_lock(&g_qlock);
    ++g_queue;
    pthread_cond_signal(&g_nonempty);
    pthread_mutex_unlock(&g_qlock);
    if (i % 10 == 0) SchedYield();
  }
  pthread_mutex_lock(&g_qlock);
  g_done = true;
  pthread_cond_broadcast(&g_nonempty);
  pthread_mutex_unlock(&g_qlock);
  for (auto& c : consumers) pthread_join(c, nullptr);
  expect(g_consumed == kItems, "consumers took every item");

  sync_t m = {0, 0};
  expect(SyncMutexLock_r(&m) == 0, "lock");
  expect(SyncMutexLock_r(&m) == -EDEADLK, "relocking one's own mutex is EDEADLK");
  expect(SyncMutexUnlock_r(&m) == 0, "unlock");
  expect(SyncMutexUnlock_r(&m) == -EPERM, "unlocking a free mutex is EPERM");
  expect(SyncMutexLock_r(reinterpret_cast<sync_t*>(0x10)) == -EFAULT, "a bad pointer is EFAULT");
  expect(SyncMutexLock_r(reinterpret_cast<sync_t*>(0xffffffc080200000ul)) == -EFAULT,
         "a kernel pointer is EFAULT");
  expect(SyncMutexLock_r(reinterpret_cast<sync_t*>(reinterpret_cast<uintptr_t>(&m) + 2)) == -EINVAL,
         "a misaligned sync object is EINVAL");
  sync_t c = {0, 0};
  expect(SyncCondvarWait_r(&c, &m) == -EPERM, "waiting without holding the mutex is EPERM");
  expect(SyncCondvarSignal_r(&c, 1) == 0, "signalling with no waiter is fine");
  return qrv_test::report("sync_test");
}
