// pthread mutexes and condition variables: an uncontended mutex stays in user
// space (one lock-word swap each way, holding the tid the kernel gave the
// thread), 64 threads on every hart increment one counter under a mutex (the
// total must be exact), producers and consumers pass items through a bounded
// queue with two condition variables under contention (each item arrives
// once), misuse gets error numbers (EDEADLK, EPERM, EFAULT, EINVAL), and
// libc's own locks (malloc's here) sleep instead of spinning: a thread that
// preempts a lower-priority one holding malloc's lock waits for it (a spin
// lock would spin forever on one hart). TimerTimeout bounds mutex and condvar
// waits; a signal ends a condvar wait but not a mutex wait.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/neutrino.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {
// 64 workers plus the main thread: more than the old 64-thread process limit.
constexpr int kWorkers = 64;
constexpr int kIncrements = 50;
pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
uint64_t g_counter = 0;  // guarded by g_lock only
int32_t g_tids[kWorkers];
bool g_tid_agrees[kWorkers];

uint64_t instret() {
  uint64_t v;
  asm volatile("rdinstret %0" : "=r"(v));
  return v;
}

int32_t owner_of(const pthread_mutex_t& m) {
  return static_cast<int32_t>(static_cast<uint32_t>(m.__sync.count) & QRV_SYNC_OWNER_MASK);
}

void* increment(void* arg) {
  const auto id = static_cast<int>(reinterpret_cast<intptr_t>(arg));
  // A private mutex, locked in user space: its word must hold the tid the
  // kernel knows this thread by, or the kernel's unlock would say EPERM.
  pthread_mutex_t mine = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&mine);
  g_tids[id] = owner_of(mine);
  g_tid_agrees[id] = SyncMutexUnlock_r(&mine.__sync) == 0 && mine.__sync.count == 0;
  for (int i = 0; i < kIncrements; ++i) {
    pthread_mutex_lock(&g_lock);
    const uint64_t v = *static_cast<volatile uint64_t*>(&g_counter);
    for (int d = 0; d < 200; ++d) asm volatile("");  // widen the window a lost update needs
    *static_cast<volatile uint64_t*>(&g_counter) = v + 1;
    pthread_mutex_unlock(&g_lock);
  }
  return nullptr;
}

// A bounded queue between producers and consumers: both sides wait.
constexpr int kProducers = 8;
constexpr int kConsumers = 8;
constexpr int kItemsEach = 40;
constexpr int kTotal = kProducers * kItemsEach;
constexpr int kCapacity = 4;
pthread_mutex_t g_qlock = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t g_not_empty = PTHREAD_COND_INITIALIZER;
pthread_cond_t g_not_full = PTHREAD_COND_INITIALIZER;
int g_queue[kCapacity];  // a ring (guarded by g_qlock, like everything below)
int g_head = 0;
int g_len = 0;
int g_taken = 0;
uint64_t g_sum = 0;
int g_seen[kTotal];  // how often each item arrived

void* produce(void* arg) {
  const auto id = static_cast<int>(reinterpret_cast<intptr_t>(arg));
  for (int i = 0; i < kItemsEach; ++i) {
    pthread_mutex_lock(&g_qlock);
    while (g_len == kCapacity) pthread_cond_wait(&g_not_full, &g_qlock);
    g_queue[(g_head + g_len) % kCapacity] = id * kItemsEach + i;
    ++g_len;
    pthread_cond_signal(&g_not_empty);
    pthread_mutex_unlock(&g_qlock);
  }
  return nullptr;
}

void* consume(void*) {
  pthread_mutex_lock(&g_qlock);
  for (;;) {
    while (g_len == 0 && g_taken < kTotal) pthread_cond_wait(&g_not_empty, &g_qlock);
    if (g_taken == kTotal) break;
    const int item = g_queue[g_head];
    g_head = (g_head + 1) % kCapacity;
    --g_len;
    ++g_taken;
    g_sum += static_cast<uint64_t>(item);
    ++g_seen[item];
    pthread_cond_signal(&g_not_full);
    if (g_taken == kTotal) pthread_cond_broadcast(&g_not_empty);  // the others stop too
  }
  pthread_mutex_unlock(&g_qlock);
  return nullptr;
}

pthread_t start(void* (*fn)(void*), int id) {
  pthread_attr_t attr = {};
  attr.__stack_size = 8192;
  pthread_t t = 0;
  expect(pthread_create(&t, &attr, fn, reinterpret_cast<void*>(static_cast<intptr_t>(id))) == 0,
         "pthread_create");
  return t;
}

void uncontended() {
  pthread_mutex_t m;
  pthread_mutex_init(&m, nullptr);
  expect(pthread_mutex_lock(&m) == 0 && m.__sync.count == 1, "the main thread (tid 1) owns the word");
  expect(pthread_mutex_lock(&m) == EDEADLK, "relocking one's own mutex is EDEADLK");
  expect(pthread_mutex_destroy(&m) == EBUSY, "destroying a held mutex is EBUSY");
  expect(pthread_mutex_unlock(&m) == 0 && m.__sync.count == 0, "unlock frees the word");
  expect(pthread_mutex_unlock(&m) == EPERM, "unlocking a free mutex is EPERM");
  // Cheaper than one kernel call: the fastest of a few tries leaves out any
  // interrupt. (Counted in QEMU's instret, which without -icount ticks with
  // host time: a trap into the kernel costs far more than a few user
  // instructions either way.)
  uint64_t best = ~uint64_t{0};
  uint64_t best_call = ~uint64_t{0};
  for (int i = 0; i < 16; ++i) {
    uint64_t before = instret();
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    uint64_t cost = instret() - before;
    best = cost < best ? cost : best;
    before = instret();
    SyncMutexUnlock_r(&m.__sync);  // EPERM: one kernel call, the cheapest kind
    cost = instret() - before;
    best_call = cost < best_call ? cost : best_call;
  }
  expect(best < best_call, "uncontended lock+unlock makes no kernel call");
  expect(pthread_mutex_destroy(&m) == 0, "destroying a free mutex");
}

void counter() {
  pthread_t workers[kWorkers];
  for (int i = 0; i < kWorkers; ++i) workers[i] = start(increment, i);
  for (auto& w : workers) expect(pthread_join(w, nullptr) == 0, "pthread_join");
  expect(g_counter == uint64_t{kWorkers} * kIncrements, "the mutex keeps the counter exact");
  expect(g_lock.__sync.count == 0, "the contended mutex ends free, no waiter bit left");
  bool agree = true;
  bool distinct = true;
  for (int i = 0; i < kWorkers; ++i) {
    agree = agree && g_tid_agrees[i] && g_tids[i] > 1 && g_tids[i] <= 128;
    for (int j = 0; j < i; ++j) distinct = distinct && g_tids[i] != g_tids[j];
  }
  expect(agree, "every thread's lock word holds the kernel's tid for it");
  expect(distinct, "the 64 threads have 64 tids");
}

void producer_consumer() {
  pthread_t consumers[kConsumers];
  pthread_t producers[kProducers];
  for (int i = 0; i < kConsumers; ++i) consumers[i] = start(consume, i);
  for (int i = 0; i < kProducers; ++i) producers[i] = start(produce, i);
  for (auto& p : producers) pthread_join(p, nullptr);
  for (auto& c : consumers) pthread_join(c, nullptr);
  expect(g_taken == kTotal && g_len == 0, "consumers took every item");
  expect(g_sum == uint64_t{kTotal} * (kTotal - 1) / 2, "the items' sum is exact");
  bool once = true;
  for (int n : g_seen) once = once && n == 1;
  expect(once, "each item arrived exactly once");
  expect(g_qlock.__sync.count == 0, "the queue mutex ends free");
}

void misuse() {
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
  m.count = static_cast<int32_t>(5u | QRV_SYNC_WAITERS);  // another thread's, with waiters
  expect(SyncMutexUnlock_r(&m) == -EPERM, "unlocking another thread's mutex is EPERM");
  expect(static_cast<uint32_t>(m.count) == (5u | QRV_SYNC_WAITERS), "and leaves its word alone");
}
// TimerTimeout bounds mutex and condvar waits: a lock on a word another
// thread holds ends with ETIMEDOUT (and the word still works), a condvar wait
// ends with ETIMEDOUT holding its mutex again, a deadline already past fails
// at once, and a signal ends a condvar wait with EINTR (the handler has run,
// the mutex is held) but not a mutex wait.
sync_t g_held = {0, 0};
volatile int g_hold_stop = 0;
volatile int g_holding = 0;
volatile int g_handled = 0;

void* hold(void*) {
  SyncMutexLock_r(&g_held);
  g_holding = 1;
  const struct timespec ms = {0, 1000000};
  while (!g_hold_stop) nanosleep(&ms, nullptr);
  SyncMutexUnlock_r(&g_held);
  return nullptr;
}

void on_usr1(int) { g_handled = g_handled + 1; }

uint64_t now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

long timed_mutex_lock(sync_t* m, uint64_t ns) {
  TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX, nullptr, &ns, nullptr);
  return SyncMutexLock_r(m);
}

long timed_condvar_wait(sync_t* c, sync_t* m, uint64_t ns) {
  TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_CONDVAR, nullptr, &ns, nullptr);
  return SyncCondvarWait_r(c, m);
}

sync_t g_cv = {0, 0};
sync_t g_cv_lock = {0, 0};
volatile long g_cv_result = 1;
volatile int g_cv_owned = 0;

void* wait_for_signal(void*) {
  SyncMutexLock_r(&g_cv_lock);
  const int32_t self = g_cv_lock.count;  // this thread's tid, uncontended
  g_cv_result = SyncCondvarWait_r(&g_cv, &g_cv_lock);  // no timeout: only a signal ends it
  g_cv_owned = (static_cast<uint32_t>(g_cv_lock.count) & QRV_SYNC_OWNER_MASK) == static_cast<uint32_t>(self);
  SyncMutexUnlock_r(&g_cv_lock);
  return nullptr;
}

volatile long g_lock_result = 1;

void* wait_for_mutex(void*) {
  g_lock_result = SyncMutexLock_r(&g_held);  // no timeout: a signal must not end it
  SyncMutexUnlock_r(&g_held);
  return nullptr;
}

void timeouts() {
  const pthread_t holder = start(hold, 0);
  const struct timespec ms = {0, 1000000};
  while (!g_holding) nanosleep(&ms, nullptr);
  uint64_t before = now_ns();
  expect_eq(timed_mutex_lock(&g_held, 20000000), -ETIMEDOUT, "a mutex wait past its timeout is ETIMEDOUT");
  expect(now_ns() - before >= 20000000, "after waiting the 20 ms");
  expect(timed_mutex_lock(&g_held, 0) == -ETIMEDOUT, "a zero timeout polls the mutex");
  uint64_t past = 1;
  TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX | TIMER_ABSTIME, nullptr, &past, nullptr);
  expect(SyncMutexLock_r(&g_held) == -ETIMEDOUT, "a deadline already past fails at once");
  struct sigaction sa = {};
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, nullptr);
  const pthread_t locker = start(wait_for_mutex, 0);
  for (int i = 0; i < 10; ++i) nanosleep(&ms, nullptr);  // let it reach the wait
  pthread_kill(locker, SIGUSR1);
  for (int i = 0; i < 10; ++i) nanosleep(&ms, nullptr);
  expect(g_lock_result == 1 && g_handled == 0, "a signal does not end a mutex wait");
  g_hold_stop = 1;
  expect(pthread_join(holder, nullptr) == 0, "the holder unlocks and ends");
  expect(pthread_join(locker, nullptr) == 0, "the waiter gets the mutex");
  expect(g_lock_result == 0 && g_handled == 1, "the signal's handler runs once the mutex is taken");
  g_handled = 0;
  expect(g_held.count == 0, "the word is free: the stale WAITERS bit went with the unlock");
  expect(timed_mutex_lock(&g_held, 1000000) == 0, "a free mutex is taken within its timeout");
  SyncMutexUnlock_r(&g_held);

  sync_t m = {0, 0};
  sync_t c = {0, 0};
  SyncMutexLock_r(&m);
  before = now_ns();
  expect_eq(timed_condvar_wait(&c, &m, 20000000), -ETIMEDOUT, "a condvar wait past its timeout is ETIMEDOUT");
  expect(now_ns() - before >= 20000000, "after waiting the 20 ms");
  expect(m.count == 1, "and holds its mutex again (the main thread is tid 1)");
  expect(timed_condvar_wait(&c, &m, 0) == -ETIMEDOUT, "a zero timeout returns at once");
  expect(m.count == 1, "holding the mutex");
  SyncMutexUnlock_r(&m);

  const pthread_t waiter = start(wait_for_signal, 0);
  for (int i = 0; i < 20; ++i) nanosleep(&ms, nullptr);  // let it reach the wait
  expect(g_cv_result == 1, "the condvar waiter waits");
  pthread_kill(waiter, SIGUSR1);
  expect(pthread_join(waiter, nullptr) == 0, "the signalled waiter ends");
  expect_eq(g_cv_result, -EINTR, "a signal ends a condvar wait with EINTR");
  expect(g_cv_owned && g_handled == 1, "after its handler ran, holding the mutex");
  sa.sa_handler = SIG_DFL;
  sigaction(SIGUSR1, &sa, nullptr);
}

// The low thread (priority 10) holds malloc's lock most of the time; the
// high one (30) wakes every millisecond, mostly in the middle of it, and
// mallocs too.
volatile int g_churn_stop = 0;
volatile uint64_t g_churned = 0;

void* churn(void*) {
  const struct sched_param low = {10, 0};
  SchedSet_r(0, 0, SCHED_RR, &low);
  while (!g_churn_stop) {
    free(malloc(200));
    g_churned = g_churned + 1;
  }
  return nullptr;
}

void libc_locks() {
  const struct sched_param high = {30, 0};
  SchedSet_r(0, 0, SCHED_RR, &high);
  const pthread_t low = start(churn, 0);
  const struct timespec ms = {0, 1000000};
  while (g_churned == 0) nanosleep(&ms, nullptr);
  bool all = true;
  for (int i = 0; i < 200; ++i) {
    nanosleep(&ms, nullptr);
    void* p = malloc(64);
    all = all && p != nullptr;
    free(p);
  }
  g_churn_stop = 1;
  expect(pthread_join(low, nullptr) == 0, "libc locks: the low thread ends");
  expect(all, "libc locks: 200 mallocs from a thread preempting a malloc");
  const struct sched_param normal = {10, 0};
  SchedSet_r(0, 0, SCHED_RR, &normal);
}
}  // namespace

int main() {
  uncontended();
  counter();
  producer_consumer();
  misuse();
  timeouts();
  libc_locks();
  return qrv_test::report("sync_test");
}
