// The rest of pthreads from user mode, under real contention: pthread_once
// raced by many threads, thread-specific data with destructors run at exit
// (values, rounds, deleted keys), mutex types and timed locks, and sysconf /
// usleep. Semaphores, rwlocks, barriers and spin locks are locks_test's.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"
#include "user/tests/thread_util.h"

using qrv_test::expect;
using qrv_test::expect_eq;
using qrv_test::as_ptr;
using qrv_test::as_int;
using qrv_test::pause_ms;
using qrv_test::now_ns;
using qrv_test::in_ms;
using qrv_test::widen_window;
using qrv_test::run_threads;
using qrv_test::join_threads;

namespace {

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
volatile int g_wake_main = 0;
pthread_cond_t g_recursive_cv = PTHREAD_COND_INITIALIZER;

// trylock succeeds once main's condvar wait has released the mutex; then the
// mutex must be as free as any other: unlocked, locked and unlocked again.
// (Had it inherited main's extra level, the unlock would keep it held and
// main's wait would never end.)
void* lock_during_wait(void*) {
  for (int i = 0; i < 2000 && g_during_wait != 0; ++i) {
    g_during_wait = pthread_mutex_trylock(&g_recursive);
    if (g_during_wait != 0) pause_ms(1);
  }
  if (g_during_wait != 0) return nullptr;
  pthread_mutex_unlock(&g_recursive);
  pthread_mutex_lock(&g_recursive);
  g_wake_main = 1;
  pthread_cond_signal(&g_recursive_cv);
  pthread_mutex_unlock(&g_recursive);
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
  pthread_t during;
  pthread_create(&during, nullptr, lock_during_wait, nullptr);
  int waited = 0;
  while (g_wake_main == 0 && waited == 0) {
    const struct timespec later = in_ms(5000);  // only if lock_during_wait gave up
    waited = pthread_cond_timedwait(&g_recursive_cv, &g_recursive, &later);
  }
  expect_eq(waited, 0, "recursive: the condvar wait ends by the other thread's signal");
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
  expect_eq(sysconf(_SC_SIGQUEUE_MAX), SIGQUEUE_MAX, "sysconf(_SC_SIGQUEUE_MAX): the realtime queue's bound");
  expect_eq(errno, 0, "a feature QRV lacks leaves errno alone");
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
  mutex_types();
  environment();
  return qrv_test::report("pthread_more_test");
}
