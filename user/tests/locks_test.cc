// Semaphores, rwlocks, barriers and spin locks from user mode, under real
// contention: semaphores hammered by producers and consumers, and timed and
// interrupted waits; rwlocks (readers never see a writer's half-done
// update); barriers over many rounds (one serial thread each); spin locks.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "user/tests/check.h"
#include "user/tests/thread_util.h"

using qrv_test::expect;
using qrv_test::expect_eq;
using qrv_test::as_int;
using qrv_test::pause_ms;
using qrv_test::now_ns;
using qrv_test::in_ms;
using qrv_test::widen_window;
using qrv_test::run_threads;
using qrv_test::join_threads;

namespace {

// --- semaphores ----------------------------------------------------------

constexpr int kProducers = 4;
constexpr int kConsumers = 4;
constexpr int kItems = 300;  // per producer, and per consumer
sem_t g_items;
sem_t g_mutex_sem;
volatile int g_consumed[kConsumers];
uint64_t g_sem_counter = 0;  // guarded by g_mutex_sem
volatile int g_sem_failures = 0;

void* producer(void*) {
  for (int i = 0; i < kItems; ++i) {
    if (sem_post(&g_items) != 0) g_sem_failures = g_sem_failures + 1;
    if (i % 16 == 0) sched_yield();
  }
  return nullptr;
}

void* consumer(void* arg) {
  const auto id = as_int(arg);
  for (int i = 0; i < kItems; ++i) {
    if (sem_wait(&g_items) != 0) g_sem_failures = g_sem_failures + 1;
    g_consumed[id] = g_consumed[id] + 1;
  }
  return nullptr;
}

void* sem_incrementer(void*) {
  for (int i = 0; i < 200; ++i) {
    sem_wait(&g_mutex_sem);
    const uint64_t v = *static_cast<volatile uint64_t*>(&g_sem_counter);
    widen_window();
    *static_cast<volatile uint64_t*>(&g_sem_counter) = v + 1;
    sem_post(&g_mutex_sem);
  }
  return nullptr;
}

sem_t g_signal_sem;
volatile int g_sem_waiting = 0;
volatile int g_sem_wait_result = 1;
volatile int g_sem_wait_errno = 0;
volatile int g_usr1 = 0;

void on_usr1(int) { g_usr1 = g_usr1 + 1; }

void* interrupted_waiter(void*) {
  g_sem_waiting = 1;
  g_sem_wait_result = sem_wait(&g_signal_sem);
  g_sem_wait_errno = errno;
  return nullptr;
}

sem_t g_timed_sem;
volatile int g_timed_result = 1;

void* timed_waiter(void*) {
  const struct timespec deadline = in_ms(5000);
  g_timed_result = sem_timedwait(&g_timed_sem, &deadline);
  return nullptr;
}

void semaphores() {
  sem_t s;
  expect_eq(sem_init(&s, 1, 0), -1, "sem_init pshared 1: -1");
  expect_eq(errno, ENOSYS, "sem_init pshared 1: ENOSYS (processes share no memory)");
  expect_eq(sem_init(&s, 0, static_cast<unsigned>(SEM_VALUE_MAX) + 1u), -1, "sem_init past SEM_VALUE_MAX: -1");
  expect_eq(errno, EINVAL, "sem_init past SEM_VALUE_MAX: EINVAL");
  expect_eq(sem_init(&s, 0, 2), 0, "sem_init");
  int v = -1;
  sem_getvalue(&s, &v);
  expect_eq(v, 2, "sem_getvalue: the initial value");
  expect_eq(sem_trywait(&s), 0, "sem_trywait with tokens");
  expect_eq(sem_wait(&s), 0, "sem_wait with a token");
  expect_eq(sem_trywait(&s), -1, "sem_trywait at 0: -1");
  expect_eq(errno, EAGAIN, "sem_trywait at 0: EAGAIN");
  struct timespec bad = in_ms(100);
  bad.tv_nsec = 1000000000;
  expect_eq(sem_timedwait(&s, &bad), -1, "sem_timedwait, tv_nsec 1e9: -1");
  expect_eq(errno, EINVAL, "sem_timedwait, tv_nsec 1e9: EINVAL");
  bad.tv_nsec = -1;
  expect_eq(sem_timedwait(&s, &bad), -1, "sem_timedwait, tv_nsec -1: -1");
  expect_eq(errno, EINVAL, "sem_timedwait, tv_nsec -1: EINVAL");
  const struct timespec past = {1, 0};
  expect_eq(sem_timedwait(&s, &past), -1, "sem_timedwait, deadline passed: -1");
  expect_eq(errno, ETIMEDOUT, "sem_timedwait, deadline passed: ETIMEDOUT");
  uint64_t before = now_ns();
  const struct timespec soon = in_ms(40);
  expect_eq(sem_timedwait(&s, &soon), -1, "sem_timedwait 40 ms: -1");
  expect_eq(errno, ETIMEDOUT, "sem_timedwait 40 ms: ETIMEDOUT");
  expect(now_ns() - before >= 40000000u, "sem_timedwait waited until its deadline");
  sem_post(&s);
  expect_eq(sem_timedwait(&s, &bad), 0, "sem_timedwait with a token does not look at the deadline");
  expect_eq(sem_destroy(&s), 0, "sem_destroy");

  // A post wakes a timed waiter long before its deadline.
  sem_init(&g_timed_sem, 0, 0);
  pthread_t tw;
  before = now_ns();
  pthread_create(&tw, nullptr, timed_waiter, nullptr);
  pause_ms(20);
  sem_post(&g_timed_sem);
  pthread_join(tw, nullptr);
  expect_eq(g_timed_result, 0, "sem_timedwait: woken by a post");
  expect(now_ns() - before < 4000000000u, "sem_timedwait: the post, not the deadline, ended it");

  // Producers and consumers: every token posted is taken exactly once.
  sem_init(&g_items, 0, 0);
  pthread_t p[kProducers];
  pthread_t c[kConsumers];
  run_threads(kConsumers, consumer, c);
  run_threads(kProducers, producer, p);
  join_threads(kProducers, p);
  join_threads(kConsumers, c);
  int total = 0;
  for (int i = 0; i < kConsumers; ++i) total += g_consumed[i];
  expect_eq(total, kProducers * kItems, "4 producers, 4 consumers: every token taken");
  sem_getvalue(&g_items, &v);
  expect_eq(v, 0, "and none left over");
  expect_eq(g_sem_failures, 0, "no sem_post or sem_wait failed");

  // A semaphore of 1 as a lock: no lost update among 8 threads.
  sem_init(&g_mutex_sem, 0, 1);
  pthread_t m[8];
  run_threads(8, sem_incrementer, m);
  join_threads(8, m);
  expect_eq(static_cast<long>(g_sem_counter), 8 * 200, "a binary semaphore excludes: no lost update");

  // A signal ends sem_wait with EINTR (POSIX), after its handler has run.
  struct sigaction sa = {};
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, nullptr);
  sem_init(&g_signal_sem, 0, 0);
  pthread_t w;
  pthread_create(&w, nullptr, interrupted_waiter, nullptr);
  while (!g_sem_waiting) pause_ms(1);
  // A signal that lands before the waiter sleeps only runs the handler, so
  // it is sent again until the wait ends.
  for (int i = 0; i < 20 && g_sem_wait_result == 1; ++i) {
    pause_ms(10);
    pthread_kill(w, SIGUSR1);
    for (int j = 0; j < 50 && g_sem_wait_result == 1; ++j) pause_ms(1);
  }
  if (g_sem_wait_result == 1) sem_post(&g_signal_sem);  // do not hang: the checks below fail
  pthread_join(w, nullptr);
  expect_eq(g_sem_wait_result, -1, "sem_wait interrupted by a signal: -1");
  expect_eq(g_sem_wait_errno, EINTR, "sem_wait interrupted by a signal: EINTR");
  expect(g_usr1 >= 1, "the handler ran");
  sa.sa_handler = SIG_DFL;
  sigaction(SIGUSR1, &sa, nullptr);
}

// --- rwlocks -------------------------------------------------------------

constexpr int kReaders = 6;
constexpr int kWriters = 2;
constexpr int kWrites = 150;
pthread_rwlock_t g_rw = PTHREAD_RWLOCK_INITIALIZER;
volatile uint64_t g_rw_a = 0;  // g_rw: always equal to g_rw_b outside a write
volatile uint64_t g_rw_b = 0;
volatile int g_torn = 0;
volatile int g_reads = 0;

void* rw_writer(void*) {
  for (int i = 0; i < kWrites; ++i) {
    pthread_rwlock_wrlock(&g_rw);
    g_rw_a = g_rw_a + 1;
    widen_window();
    if (i % 8 == 0) sched_yield();
    g_rw_b = g_rw_b + 1;
    pthread_rwlock_unlock(&g_rw);
    if (i % 4 == 0) sched_yield();
  }
  return nullptr;
}

// A fixed number of reads: waiting writers keep readers out (writer
// preference), so many reads come after the writers are done.
void* rw_reader(void*) {
  for (int i = 0; i < 60; ++i) {
    pthread_rwlock_rdlock(&g_rw);
    const uint64_t a = g_rw_a;
    sched_yield();  // a writer, were it let in, would run now
    if (g_rw_b != a) g_torn = g_torn + 1;
    __atomic_add_fetch(&g_reads, 1, __ATOMIC_SEQ_CST);
    pthread_rwlock_unlock(&g_rw);
  }
  return nullptr;
}

volatile int g_try_result = -1;
volatile int g_timed_rw_result = -1;

void* try_write(void*) {
  g_try_result = pthread_rwlock_trywrlock(&g_rw);
  const struct timespec soon = in_ms(30);
  g_timed_rw_result = pthread_rwlock_timedwrlock(&g_rw, &soon);
  return nullptr;
}

void* share_read(void*) {
  g_try_result = pthread_rwlock_tryrdlock(&g_rw);
  if (g_try_result == 0) pthread_rwlock_unlock(&g_rw);
  return nullptr;
}

void* try_read(void*) {
  g_try_result = pthread_rwlock_tryrdlock(&g_rw);
  const struct timespec soon = in_ms(30);
  g_timed_rw_result = pthread_rwlock_timedrdlock(&g_rw, &soon);
  return nullptr;
}

void rwlocks() {
  pthread_t t[kReaders + kWriters];
  run_threads(kReaders, rw_reader, t);
  run_threads(kWriters, rw_writer, t + kReaders);
  join_threads(kReaders + kWriters, t);
  expect_eq(g_torn, 0, "rwlock: no reader saw a writer's half-done update");
  expect_eq(static_cast<long>(g_rw_a), kWriters * kWrites, "rwlock: writers exclude each other");
  expect_eq(g_reads, kReaders * 60, "rwlock: every read done");

  expect_eq(pthread_rwlock_rdlock(&g_rw), 0, "rdlock");
  expect_eq(pthread_rwlock_rdlock(&g_rw), 0, "a second rdlock by the same thread");
  pthread_t other;
  pthread_create(&other, nullptr, share_read, nullptr);
  pthread_join(other, nullptr);
  expect_eq(g_try_result, 0, "tryrdlock by another thread while read-held: readers share");
  pthread_create(&other, nullptr, try_write, nullptr);
  pthread_join(other, nullptr);
  expect_eq(g_try_result, EBUSY, "trywrlock while read-held: EBUSY");
  expect_eq(g_timed_rw_result, ETIMEDOUT, "timedwrlock while read-held: ETIMEDOUT");
  pthread_rwlock_unlock(&g_rw);
  pthread_rwlock_unlock(&g_rw);
  expect_eq(pthread_rwlock_unlock(&g_rw), EPERM, "unlock of a free rwlock: EPERM");
  expect_eq(pthread_rwlock_wrlock(&g_rw), 0, "wrlock");
  expect_eq(pthread_rwlock_wrlock(&g_rw), EDEADLK, "wrlock by the writer: EDEADLK");
  expect_eq(pthread_rwlock_rdlock(&g_rw), EDEADLK, "rdlock by the writer: EDEADLK");
  pthread_create(&other, nullptr, try_read, nullptr);
  pthread_join(other, nullptr);
  expect_eq(g_try_result, EBUSY, "tryrdlock while write-held: EBUSY");
  expect_eq(g_timed_rw_result, ETIMEDOUT, "timedrdlock while write-held: ETIMEDOUT");
  expect_eq(pthread_rwlock_destroy(&g_rw), EBUSY, "destroying a held rwlock: EBUSY");
  expect_eq(pthread_rwlock_unlock(&g_rw), 0, "the writer unlocks");
  expect_eq(pthread_rwlock_trywrlock(&g_rw), 0, "trywrlock of a free rwlock");
  pthread_rwlock_unlock(&g_rw);
  expect_eq(pthread_rwlock_destroy(&g_rw), 0, "pthread_rwlock_destroy");
}

// --- barriers ------------------------------------------------------------

constexpr int kBarrierThreads = 5;
constexpr int kBarrierRounds = 25;
pthread_barrier_t g_barrier;
volatile int g_slot[kBarrierThreads];
volatile int g_serial[kBarrierRounds];
volatile int g_barrier_bad = 0;

void* barrier_worker(void* arg) {
  const auto id = as_int(arg);
  for (int round = 0; round < kBarrierRounds; ++round) {
    g_slot[id] = round;
    if (id == round % kBarrierThreads) pause_ms(1);  // a late arrival each round
    if (pthread_barrier_wait(&g_barrier) == PTHREAD_BARRIER_SERIAL_THREAD) {
      __atomic_add_fetch(&g_serial[round], 1, __ATOMIC_SEQ_CST);
    }
    for (int i = 0; i < kBarrierThreads; ++i) {
      if (g_slot[i] < round) g_barrier_bad = g_barrier_bad + 1;  // someone left before all arrived
    }
    pthread_barrier_wait(&g_barrier);  // nobody writes the next round's slot before all have read
  }
  return nullptr;
}

void barriers() {
  pthread_barrier_t b;
  expect_eq(pthread_barrier_init(&b, nullptr, 0), EINVAL, "barrier of 0: EINVAL");
  expect_eq(pthread_barrier_init(&b, nullptr, 1), 0, "barrier of 1");
  expect_eq(pthread_barrier_wait(&b), PTHREAD_BARRIER_SERIAL_THREAD, "a barrier of 1: its waiter is serial");
  pthread_barrier_destroy(&b);
  pthread_barrier_init(&g_barrier, nullptr, kBarrierThreads);
  pthread_t t[kBarrierThreads];
  run_threads(kBarrierThreads, barrier_worker, t);
  join_threads(kBarrierThreads, t);
  expect_eq(g_barrier_bad, 0, "barrier: nobody passed before every thread arrived (25 rounds)");
  int one_each = 0;
  for (int round = 0; round < kBarrierRounds; ++round) one_each += g_serial[round] == 1;
  expect_eq(one_each, kBarrierRounds, "barrier: exactly one PTHREAD_BARRIER_SERIAL_THREAD each round");
  expect_eq(pthread_barrier_destroy(&g_barrier), 0, "pthread_barrier_destroy");
}

// --- spin locks ----------------------------------------------------------

pthread_spinlock_t g_spin;
uint64_t g_spin_counter = 0;  // guarded by g_spin
volatile int g_spin_other = -1;

void* spin_incrementer(void*) {
  for (int i = 0; i < 300; ++i) {
    pthread_spin_lock(&g_spin);
    const uint64_t v = *static_cast<volatile uint64_t*>(&g_spin_counter);
    widen_window();
    *static_cast<volatile uint64_t*>(&g_spin_counter) = v + 1;
    pthread_spin_unlock(&g_spin);
  }
  return nullptr;
}

void* spin_stranger(void*) {
  const int t = pthread_spin_trylock(&g_spin);
  const int u = pthread_spin_unlock(&g_spin);
  g_spin_other = t == EBUSY && u == EPERM;
  return nullptr;
}

void spins() {
  expect_eq(pthread_spin_init(&g_spin, PTHREAD_PROCESS_PRIVATE), 0, "pthread_spin_init");
  pthread_t t[4];
  run_threads(4, spin_incrementer, t);
  join_threads(4, t);
  expect_eq(static_cast<long>(g_spin_counter), 4 * 300, "spin lock excludes: no lost update");
  expect_eq(pthread_spin_lock(&g_spin), 0, "spin_lock");
  expect_eq(pthread_spin_lock(&g_spin), EDEADLK, "spin_lock by the holder: EDEADLK");
  pthread_t other;
  pthread_create(&other, nullptr, spin_stranger, nullptr);
  pthread_join(other, nullptr);
  expect_eq(g_spin_other, 1, "another thread: trylock EBUSY, unlock EPERM");
  expect_eq(pthread_spin_destroy(&g_spin), EBUSY, "destroying a held spin lock: EBUSY");
  expect_eq(pthread_spin_unlock(&g_spin), 0, "spin_unlock");
  expect_eq(pthread_spin_trylock(&g_spin), 0, "spin_trylock of a free lock");
  pthread_spin_unlock(&g_spin);
  expect_eq(pthread_spin_destroy(&g_spin), 0, "pthread_spin_destroy");
}

}  // namespace

int main() {
  semaphores();
  rwlocks();
  barriers();
  spins();
  return qrv_test::report("locks_test");
}
