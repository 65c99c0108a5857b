// The rest of pthreads and semaphores from user mode, under real contention:
// pthread_once raced by many threads, thread-specific data with destructors
// run at exit (values, rounds, deleted keys), semaphores hammered by
// producers and consumers and timed and interrupted waits, rwlocks
// (readers never see a writer's half-done update), barriers over many rounds
// (one serial thread each), spin locks, mutex types and timed locks, and
// sysconf / usleep.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

void* as_ptr(intptr_t v) { return reinterpret_cast<void*>(v); }
intptr_t as_int(void* p) { return reinterpret_cast<intptr_t>(p); }

void pause_ms(long ms) {
  const struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

uint64_t now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

// CLOCK_REALTIME `ms` from now.
struct timespec in_ms(long ms) {
  const uint64_t t = now_ns() + static_cast<uint64_t>(ms) * 1000000u;
  return {static_cast<time_t>(t / 1000000000u), static_cast<long>(t % 1000000000u)};
}

void widen_window() {
  for (int d = 0; d < 100; ++d) asm volatile("");
}

void run_threads(int n, void* (*fn)(void*), pthread_t* t) {
  for (int i = 0; i < n; ++i) pthread_create(&t[i], nullptr, fn, as_ptr(i));
}

void join_threads(int n, pthread_t* t) {
  for (int i = 0; i < n; ++i) pthread_join(t[i], nullptr);
}

// --- pthread_once, pthread_equal -------------------------------------------

constexpr int kOnceThreads = 12;
pthread_once_t g_once = PTHREAD_ONCE_INIT;
volatile int g_once_runs = 0;
volatile int g_once_saw_done[kOnceThreads];

void once_init() {
  pause_ms(5);  // the others pile up on the once meanwhile
  g_once_runs = g_once_runs + 1;
}

void* once_racer(void* arg) {
  const auto id = as_int(arg);
  pthread_once(&g_once, once_init);
  g_once_saw_done[id] = g_once_runs;
  return nullptr;
}

void once_and_equal() {
  pthread_t t[kOnceThreads];
  run_threads(kOnceThreads, once_racer, t);
  join_threads(kOnceThreads, t);
  expect_eq(g_once_runs, 1, "pthread_once: init ran exactly once across 12 threads");
  int done = 0;
  for (int i = 0; i < kOnceThreads; ++i) done += g_once_saw_done[i] == 1;
  expect_eq(done, kOnceThreads, "pthread_once: every caller returned after init was over");
  pthread_once(&g_once, once_init);
  expect_eq(g_once_runs, 1, "pthread_once: a later call does nothing");
  expect(pthread_equal(pthread_self(), pthread_self()) != 0, "pthread_equal: self is self");
  expect(pthread_equal(pthread_self(), t[0]) == 0, "pthread_equal: main is not another thread");
}

// --- thread-specific data ------------------------------------------------

constexpr int kKeyThreads = 8;
pthread_key_t g_key;         // destructor: records
pthread_key_t g_plain_key;   // no destructor
pthread_key_t g_again_key;   // destructor sets the value again, every round
pthread_mutex_t g_key_lock = PTHREAD_MUTEX_INITIALIZER;
int g_destroyed[kKeyThreads];   // how often each thread's value was destroyed (g_key_lock)
int g_destroy_bad = 0;          // destructor calls with a value no thread set
int g_again_rounds[kKeyThreads];
int g_values_seen_ok = 0;

void record(void* value) {
  pthread_mutex_lock(&g_key_lock);
  const intptr_t v = as_int(value) - 1000;
  if (v >= 0 && v < kKeyThreads) {
    ++g_destroyed[v];
  } else {
    ++g_destroy_bad;
  }
  pthread_mutex_unlock(&g_key_lock);
}

void set_again(void* value) {
  const intptr_t v = as_int(value) - 2000;
  if (v < 0 || v >= kKeyThreads) return;
  ++g_again_rounds[v];  // only the exiting thread itself touches its entry
  pthread_setspecific(g_again_key, value);  // forever: the rounds must stop
}

void* key_user(void* arg) {
  const auto id = as_int(arg);
  pthread_setspecific(g_key, as_ptr(1000 + id));
  pthread_setspecific(g_plain_key, as_ptr(3000 + id));
  pthread_setspecific(g_again_key, as_ptr(2000 + id));
  for (int i = 0; i < 20; ++i) sched_yield();  // the others set theirs meanwhile
  const bool ok = pthread_getspecific(g_key) == as_ptr(1000 + id) &&
                  pthread_getspecific(g_plain_key) == as_ptr(3000 + id);
  pthread_mutex_lock(&g_key_lock);
  g_values_seen_ok += ok;
  pthread_mutex_unlock(&g_key_lock);
  if (id % 2 == 0) pthread_exit(nullptr);  // destructors on pthread_exit and on return alike
  return nullptr;
}

pthread_key_t g_late_key;
volatile int g_late_value_was_null = 0;

void* late_reader(void*) {
  g_late_value_was_null = pthread_getspecific(g_late_key) == nullptr;
  return nullptr;
}

void keys() {
  expect_eq(pthread_key_create(&g_key, record), 0, "pthread_key_create");
  expect_eq(pthread_key_create(&g_plain_key, nullptr), 0, "pthread_key_create without a destructor");
  expect_eq(pthread_key_create(&g_again_key, set_again), 0, "pthread_key_create (a destructor that sets again)");
  expect(g_key != g_plain_key && g_plain_key != g_again_key, "keys are distinct");
  expect(pthread_getspecific(g_key) == nullptr, "a new key's value is NULL");
  pthread_t t[kKeyThreads];
  run_threads(kKeyThreads, key_user, t);
  join_threads(kKeyThreads, t);
  expect_eq(g_values_seen_ok, kKeyThreads, "each thread sees its own values");
  int once_each = 0;
  int rounds_ok = 0;
  for (int i = 0; i < kKeyThreads; ++i) {
    once_each += g_destroyed[i] == 1;
    rounds_ok += g_again_rounds[i] == PTHREAD_DESTRUCTOR_ITERATIONS;
  }
  expect_eq(once_each, kKeyThreads, "each thread's value destroyed exactly once, with its value");
  expect_eq(g_destroy_bad, 0, "no destructor call with a value nobody set");
  expect_eq(rounds_ok, kKeyThreads, "a destructor that sets again: PTHREAD_DESTRUCTOR_ITERATIONS rounds, no more");

  // Deleting runs no destructor; a key made afterwards starts NULL, even in
  // a thread whose block held a value in the same slot.
  pthread_setspecific(g_key, as_ptr(1000));
  const pthread_key_t old = g_key;
  expect_eq(pthread_key_delete(g_key), 0, "pthread_key_delete");
  expect_eq(pthread_key_delete(g_key), EINVAL, "deleting a deleted key: EINVAL");
  expect_eq(pthread_setspecific(old, as_ptr(1)), EINVAL, "setspecific on a deleted key: EINVAL");
  expect_eq(pthread_key_create(&g_late_key, record), 0, "pthread_key_create after a delete");
  expect(g_late_key == old, "the slot is reused");
  expect(pthread_getspecific(g_late_key) == nullptr, "a reused slot starts NULL (not the old value)");
  pthread_setspecific(g_late_key, as_ptr(5));
  pthread_t reader;
  pthread_create(&reader, nullptr, late_reader, nullptr);
  pthread_join(reader, nullptr);
  expect(g_late_value_was_null != 0, "another thread's value of a key is NULL until it sets one");
  expect_eq(g_destroy_bad, 0, "no destructor ran for a deleted key or a thread without a value");
  pthread_setspecific(g_late_key, nullptr);
  expect_eq(pthread_setspecific(PTHREAD_KEYS_MAX, as_ptr(1)), EINVAL, "setspecific on no key: EINVAL");
  expect(pthread_getspecific(PTHREAD_KEYS_MAX + 5) == nullptr, "getspecific on no key: NULL");

  // PTHREAD_KEYS_MAX keys in all (three are in use).
  pthread_key_t extra[PTHREAD_KEYS_MAX];
  int made = 0;
  while (made < PTHREAD_KEYS_MAX && pthread_key_create(&extra[made], nullptr) == 0) ++made;
  expect_eq(made, PTHREAD_KEYS_MAX - 3, "PTHREAD_KEYS_MAX keys, then EAGAIN");
  pthread_key_t one_more;
  expect_eq(pthread_key_create(&one_more, nullptr), EAGAIN, "key_create past PTHREAD_KEYS_MAX: EAGAIN");
  for (int i = 0; i < made; ++i) pthread_key_delete(extra[i]);
}

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
volatile int g_readers_in = 0;
volatile int g_readers_max = 0;
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
// preference), so most reads come after the writers are done, where the
// yield inside lets the other readers in alongside.
void* rw_reader(void*) {
  for (int i = 0; i < 60; ++i) {
    pthread_rwlock_rdlock(&g_rw);
    const int in = __atomic_add_fetch(&g_readers_in, 1, __ATOMIC_SEQ_CST);
    if (in > g_readers_max) g_readers_max = in;
    const uint64_t a = g_rw_a;
    sched_yield();  // let other readers in alongside
    if (g_rw_b != a) g_torn = g_torn + 1;
    __atomic_sub_fetch(&g_readers_in, 1, __ATOMIC_SEQ_CST);
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
  expect(g_readers_max > 1, "rwlock: readers hold it together");

  expect_eq(pthread_rwlock_rdlock(&g_rw), 0, "rdlock");
  expect_eq(pthread_rwlock_rdlock(&g_rw), 0, "a second rdlock by the same thread");
  pthread_t other;
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

// --- mutex types, trylock, timedlock ---------------------------------------

pthread_mutex_t g_typed;
volatile int g_other_result = -1;
volatile int g_other_timed = -1;
volatile uint64_t g_other_waited = 0;

void* other_unlock(void*) {
  g_other_result = pthread_mutex_unlock(&g_typed);
  return nullptr;
}

void* other_trylock(void*) {
  g_other_result = pthread_mutex_trylock(&g_typed);
  if (g_other_result == 0) pthread_mutex_unlock(&g_typed);
  return nullptr;
}

void* other_timedlock(void*) {
  const uint64_t before = now_ns();
  const struct timespec soon = in_ms(30);
  g_other_timed = pthread_mutex_timedlock(&g_typed, &soon);
  g_other_waited = now_ns() - before;
  struct timespec bad = in_ms(30);
  bad.tv_nsec = 1000000000;
  g_other_result = pthread_mutex_timedlock(&g_typed, &bad);
  return nullptr;
}

int in_other(void* (*fn)(void*)) {
  pthread_t t;
  g_other_result = -1;
  pthread_create(&t, nullptr, fn, nullptr);
  pthread_join(t, nullptr);
  return g_other_result;
}

pthread_mutex_t g_recursive;
uint64_t g_recursive_counter = 0;
volatile int g_during_wait = -1;

void* lock_during_wait(void*) {
  pause_ms(5);  // main is in its condvar wait by now
  g_during_wait = pthread_mutex_trylock(&g_recursive);
  if (g_during_wait == 0) pthread_mutex_unlock(&g_recursive);
  return nullptr;
}

void* recursive_incrementer(void*) {
  for (int i = 0; i < 200; ++i) {
    pthread_mutex_lock(&g_recursive);
    pthread_mutex_lock(&g_recursive);
    const uint64_t v = *static_cast<volatile uint64_t*>(&g_recursive_counter);
    pthread_mutex_unlock(&g_recursive);  // still held once
    widen_window();
    *static_cast<volatile uint64_t*>(&g_recursive_counter) = v + 1;
    pthread_mutex_unlock(&g_recursive);
  }
  return nullptr;
}

void mutex_types() {
  pthread_mutexattr_t attr;
  expect_eq(pthread_mutexattr_init(&attr), 0, "pthread_mutexattr_init");
  int type = -1;
  pthread_mutexattr_gettype(&attr, &type);
  expect_eq(type, PTHREAD_MUTEX_DEFAULT, "a new attribute's type is DEFAULT");
  expect_eq(pthread_mutexattr_settype(&attr, 7), EINVAL, "settype of no type: EINVAL");

  // ERRORCHECK: relock EDEADLK, unlock by another thread EPERM.
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutexattr_gettype(&attr, &type);
  expect_eq(type, PTHREAD_MUTEX_ERRORCHECK, "gettype: ERRORCHECK");
  pthread_mutex_init(&g_typed, &attr);
  expect_eq(pthread_mutex_lock(&g_typed), 0, "errorcheck: lock");
  expect_eq(pthread_mutex_lock(&g_typed), EDEADLK, "errorcheck: relock EDEADLK");
  expect_eq(pthread_mutex_trylock(&g_typed), EBUSY, "errorcheck: trylock by the owner EBUSY");
  expect_eq(in_other(other_unlock), EPERM, "errorcheck: unlock by a non-owner EPERM");
  expect_eq(in_other(other_trylock), EBUSY, "errorcheck: trylock by another thread EBUSY");
  pthread_t t;
  pthread_create(&t, nullptr, other_timedlock, nullptr);
  pthread_join(t, nullptr);
  expect_eq(g_other_timed, ETIMEDOUT, "timedlock of a held mutex: ETIMEDOUT");
  expect(g_other_waited >= 30000000u, "timedlock waited until its deadline");
  expect_eq(g_other_result, EINVAL, "timedlock, tv_nsec 1e9, held: EINVAL");
  expect_eq(pthread_mutex_unlock(&g_typed), 0, "errorcheck: unlock");
  expect_eq(pthread_mutex_unlock(&g_typed), EPERM, "errorcheck: unlock of a free mutex EPERM");
  struct timespec bad = in_ms(30);
  bad.tv_nsec = -5;
  expect_eq(pthread_mutex_timedlock(&g_typed, &bad), 0, "timedlock of a free mutex ignores the deadline");
  expect_eq(in_other(other_trylock), EBUSY, "timedlock took it");
  pthread_mutex_unlock(&g_typed);
  expect_eq(in_other(other_trylock), 0, "trylock of a free mutex");

  // RECURSIVE: the owner's locks count; others wait for the last unlock.
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&g_typed, &attr);
  expect_eq(pthread_mutex_lock(&g_typed), 0, "recursive: lock");
  expect_eq(pthread_mutex_lock(&g_typed), 0, "recursive: lock again");
  expect_eq(pthread_mutex_trylock(&g_typed), 0, "recursive: trylock by the owner");
  expect_eq(in_other(other_trylock), EBUSY, "recursive, held 3 times: EBUSY for another thread");
  pthread_mutex_unlock(&g_typed);
  pthread_mutex_unlock(&g_typed);
  expect_eq(in_other(other_trylock), EBUSY, "recursive, held once: still EBUSY");
  expect_eq(in_other(other_unlock), EPERM, "recursive: unlock by a non-owner EPERM");
  expect_eq(pthread_mutex_unlock(&g_typed), 0, "recursive: the last unlock");
  expect_eq(in_other(other_trylock), 0, "recursive: free after as many unlocks as locks");
  expect_eq(pthread_mutex_unlock(&g_typed), EPERM, "recursive: one unlock too many EPERM");
  pthread_mutex_init(&g_recursive, &attr);
  pthread_t r[4];
  run_threads(4, recursive_incrementer, r);
  join_threads(4, r);
  expect_eq(static_cast<long>(g_recursive_counter), 4 * 200, "recursive mutex excludes: no lost update");
  // A condvar wait releases a recursive mutex held twice entirely, and gives
  // it back twice held: the thread that took it meanwhile inherited nothing.
  pthread_mutex_lock(&g_recursive);
  pthread_mutex_lock(&g_recursive);
  pthread_cond_t rcv = PTHREAD_COND_INITIALIZER;
  pthread_t during;
  pthread_create(&during, nullptr, lock_during_wait, nullptr);
  const struct timespec later = in_ms(40);
  expect_eq(pthread_cond_timedwait(&rcv, &g_recursive, &later), ETIMEDOUT, "recursive: cond_timedwait times out");
  pthread_join(during, nullptr);
  expect_eq(g_during_wait, 0, "recursive: another thread took it during the wait (and freed it)");
  expect_eq(pthread_mutex_unlock(&g_recursive), 0, "recursive: after the wait, still held twice (1)");
  expect_eq(pthread_mutex_unlock(&g_recursive), 0, "recursive: after the wait, still held twice (2)");
  expect_eq(pthread_mutex_unlock(&g_recursive), EPERM, "recursive: and not three times");

  // NORMAL: trylock EBUSY; a condition variable's timed wait times out
  // with the mutex held again.
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_NORMAL);
  pthread_mutex_init(&g_typed, &attr);
  pthread_mutex_lock(&g_typed);
  expect_eq(in_other(other_trylock), EBUSY, "normal: trylock of a held mutex EBUSY");
  pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
  const struct timespec soon = in_ms(20);
  expect_eq(pthread_cond_timedwait(&cv, &g_typed, &soon), ETIMEDOUT, "cond_timedwait: ETIMEDOUT");
  expect_eq(in_other(other_trylock), EBUSY, "cond_timedwait returns with the mutex held");
  pthread_mutex_unlock(&g_typed);
  pthread_mutexattr_destroy(&attr);
}

// --- sysconf, usleep -----------------------------------------------------

void environment() {
  expect_eq(sysconf(_SC_PAGESIZE), 4096, "sysconf(_SC_PAGESIZE)");
  expect_eq(sysconf(_SC_PAGE_SIZE), 4096, "sysconf(_SC_PAGE_SIZE)");
  expect_eq(sysconf(_SC_THREAD_KEYS_MAX), PTHREAD_KEYS_MAX, "sysconf(_SC_THREAD_KEYS_MAX)");
  expect_eq(sysconf(_SC_THREAD_DESTRUCTOR_ITERATIONS), PTHREAD_DESTRUCTOR_ITERATIONS,
            "sysconf(_SC_THREAD_DESTRUCTOR_ITERATIONS)");
  expect_eq(sysconf(_SC_OPEN_MAX), 64, "sysconf(_SC_OPEN_MAX): the fd-range connections");
  expect_eq(sysconf(_SC_CLK_TCK), 100, "sysconf(_SC_CLK_TCK)");
  expect_eq(sysconf(_SC_SEM_VALUE_MAX), SEM_VALUE_MAX, "sysconf(_SC_SEM_VALUE_MAX)");
  expect(sysconf(_SC_ARG_MAX) >= 4096, "sysconf(_SC_ARG_MAX) is at least _POSIX_ARG_MAX");
  expect(sysconf(_SC_CHILD_MAX) >= 25, "sysconf(_SC_CHILD_MAX) is at least _POSIX_CHILD_MAX");
  expect(sysconf(_SC_LINE_MAX) >= 2048, "sysconf(_SC_LINE_MAX) is at least _POSIX2_LINE_MAX");
  errno = 0;
  expect_eq(sysconf(_SC_SIGQUEUE_MAX), -1, "sysconf(_SC_SIGQUEUE_MAX): no sigqueue");
  expect_eq(errno, 0, "a feature QRV lacks leaves errno alone");
  expect_eq(sysconf(_SC_NPROCESSORS_ONLN), -1, "sysconf(_SC_NPROCESSORS_ONLN): nothing says");
  expect_eq(errno, EINVAL, "sysconf(_SC_NPROCESSORS_ONLN): EINVAL");
  errno = 0;
  expect_eq(sysconf(12345), -1, "sysconf of an unknown name: -1");
  expect_eq(errno, EINVAL, "sysconf of an unknown name: EINVAL");
  const uint64_t before = now_ns();
  expect_eq(usleep(25000), 0, "usleep");
  expect(now_ns() - before >= 25000000u, "usleep slept 25 ms");
}

}  // namespace

int main() {
  once_and_equal();
  keys();
  semaphores();
  rwlocks();
  barriers();
  spins();
  mutex_types();
  environment();
  return qrv_test::report("pthread_more_test");
}
