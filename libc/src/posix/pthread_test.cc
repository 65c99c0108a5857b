// Host tests of the pthread pieces that need no second thread: keys and
// their destructor rounds, once, mutex types' fast paths, spin locks,
// semaphores' uncontended paths and the deadline libc hands TimerTimeout.
// A fake kernel records the calls (the QEMU test pthread_more_test covers
// contention).
// First: glibc's signal.h (through gtest) defines si_pid and sa_handler as macros.
#include "libc/src/posix/posix_api.h"

#include <gtest/gtest.h>

#include "kernel/abi/abi.h"
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/kernel_call.h"

namespace {

namespace q = qrv::libc;

long g_number = -1;
long g_calls = 0;
long g_args[6];
long g_result = 0;
uint64_t g_ntime = 0;

long fake_kernel(long number, const long args[6]) {
  g_number = number;
  ++g_calls;
  for (int i = 0; i < 6; ++i) g_args[i] = args[i];
  if (number == __KER_TIMER_TIMEOUT && args[3] != 0) g_ntime = *reinterpret_cast<const uint64_t*>(args[3]);
  return g_result;
}

class PthreadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_number = -1;
    g_calls = 0;
    g_result = 0;
    q::set_host_kernel(fake_kernel);
    q::ThreadBlock block = {};
    block.tid_ = 3;
    q::install_thread_block(&block);  // the mutex fast paths use the tid
  }
  void TearDown() override { q::set_host_kernel(nullptr); }
};

int g_destroyed = 0;
void* g_destroyed_value = nullptr;
void count_destroy(void* v) {
  ++g_destroyed;
  g_destroyed_value = v;
}

q::pthread_key_t g_again;
int g_again_calls = 0;
void set_again(void* v) {
  ++g_again_calls;
  q::pthread_setspecific(g_again, v);
}

TEST_F(PthreadTest, KeyDestructorsRunWithTheValueForBoundedRounds) {
  q::pthread_key_t k;
  ASSERT_EQ(q::pthread_key_create(&k, count_destroy), 0);
  ASSERT_EQ(q::pthread_key_create(&g_again, set_again), 0);
  int value = 0;
  EXPECT_EQ(q::pthread_setspecific(k, &value), 0);
  EXPECT_EQ(q::pthread_getspecific(k), &value);
  EXPECT_EQ(q::pthread_setspecific(g_again, &value), 0);
  q::run_key_destructors();
  EXPECT_EQ(g_destroyed, 1);
  EXPECT_EQ(g_destroyed_value, &value);
  EXPECT_EQ(q::pthread_getspecific(k), nullptr);  // set to NULL before the call
  EXPECT_EQ(g_again_calls, 4);                    // PTHREAD_DESTRUCTOR_ITERATIONS
  q::pthread_setspecific(g_again, nullptr);
  EXPECT_EQ(q::pthread_key_delete(k), 0);
  EXPECT_EQ(q::pthread_key_delete(g_again), 0);
  EXPECT_EQ(g_calls, 0);  // all in user space
}

TEST_F(PthreadTest, ADeletedKeysValueNeverReachesItsSuccessor) {
  q::pthread_key_t k;
  ASSERT_EQ(q::pthread_key_create(&k, count_destroy), 0);
  int value = 0;
  q::pthread_setspecific(k, &value);
  EXPECT_EQ(q::pthread_key_delete(k), 0);
  EXPECT_EQ(q::pthread_key_delete(k), QRV_EINVAL);
  EXPECT_EQ(q::pthread_getspecific(k), nullptr);
  q::pthread_key_t again;
  ASSERT_EQ(q::pthread_key_create(&again, nullptr), 0);
  EXPECT_EQ(again, k);  // the slot is reused...
  EXPECT_EQ(q::pthread_getspecific(again), nullptr);  // ...but not the value
  g_destroyed = 0;
  q::run_key_destructors();
  EXPECT_EQ(g_destroyed, 0);  // the stale value had no live key
  EXPECT_EQ(q::pthread_key_delete(again), 0);
  EXPECT_EQ(q::pthread_setspecific(q::kThreadKeysMax, &value), QRV_EINVAL);
}

TEST_F(PthreadTest, KeysRunOutAtPthreadKeysMax) {
  q::pthread_key_t keys[q::kThreadKeysMax];
  for (auto& k : keys) ASSERT_EQ(q::pthread_key_create(&k, nullptr), 0);
  q::pthread_key_t one_more;
  EXPECT_EQ(q::pthread_key_create(&one_more, nullptr), QRV_EAGAIN);
  for (auto k : keys) EXPECT_EQ(q::pthread_key_delete(k), 0);
}

int g_inits = 0;
void init_once() { ++g_inits; }

TEST_F(PthreadTest, OnceRunsInitOnce) {
  q::pthread_once_t once = {{0, 0}, 0, 0};
  EXPECT_EQ(q::pthread_once(&once, init_once), 0);
  EXPECT_EQ(q::pthread_once(&once, init_once), 0);
  EXPECT_EQ(g_inits, 1);
  EXPECT_EQ(once.sync.count, 0);  // the lock word is free again
  EXPECT_EQ(q::pthread_equal(q::pthread_self(), q::pthread_self()), 1);
  EXPECT_EQ(q::pthread_equal(1, 2), 0);
}

TEST_F(PthreadTest, MutexTypes) {
  q::pthread_mutexattr_t attr;
  q::pthread_mutexattr_init(&attr);
  EXPECT_EQ(q::pthread_mutexattr_settype(&attr, 9), QRV_EINVAL);
  EXPECT_EQ(q::pthread_mutexattr_settype(&attr, q::kMutexRecursive), 0);
  int type = -1;
  q::pthread_mutexattr_gettype(&attr, &type);
  EXPECT_EQ(type, q::kMutexRecursive);
  q::pthread_mutex_t m;
  q::pthread_mutex_init(&m, &attr);
  EXPECT_EQ(q::pthread_mutex_lock(&m), 0);
  EXPECT_EQ(q::pthread_mutex_lock(&m), 0);
  EXPECT_EQ(q::pthread_mutex_trylock(&m), 0);
  EXPECT_EQ(m.depth, 2u);
  EXPECT_EQ(q::pthread_mutex_unlock(&m), 0);
  EXPECT_EQ(q::pthread_mutex_unlock(&m), 0);
  EXPECT_EQ(m.sync.count, 3);  // still ours
  EXPECT_EQ(q::pthread_mutex_unlock(&m), 0);
  EXPECT_EQ(m.sync.count, 0);
  EXPECT_EQ(g_calls, 0);  // the owner's relocks never reach the kernel

  q::pthread_mutex_init(&m, nullptr);
  m.sync.count = 7;  // held by thread 7
  EXPECT_EQ(q::pthread_mutex_trylock(&m), QRV_EBUSY);
  EXPECT_EQ(g_calls, 0);
  // timedlock of a held mutex: a TimerTimeout (REALTIME, absolute, MUTEX)
  // with the deadline in ns, then the kernel's lock.
  const qrv_timespec when = {5, 250};
  g_result = 0;
  EXPECT_EQ(q::pthread_mutex_timedlock(&m, &when), 0);
  EXPECT_EQ(g_number, __KER_SYNC_MUTEX_LOCK);
  EXPECT_EQ(g_ntime, 5000000250u);
  EXPECT_EQ(g_calls, 2);
  const qrv_timespec bad = {5, 1000000000};
  EXPECT_EQ(q::pthread_mutex_timedlock(&m, &bad), QRV_EINVAL);
  EXPECT_EQ(g_calls, 2);  // refused before any kernel call
  const qrv_timespec before_epoch = {-3, 0};
  g_result = -QRV_ETIMEDOUT;
  EXPECT_EQ(q::pthread_mutex_timedlock(&m, &before_epoch), QRV_ETIMEDOUT);
  EXPECT_EQ(g_ntime, 0u);  // long past
}

TEST_F(PthreadTest, TimeoutUntilArmsAnAbsoluteRealtimeDeadline) {
  const qrv_timespec when = {2, 5};
  EXPECT_EQ(q::timeout_until(&when, QRV_NTO_TIMEOUT_CONDVAR), 0);
  EXPECT_EQ(g_number, __KER_TIMER_TIMEOUT);
  EXPECT_EQ(g_args[0], QRV_CLOCK_REALTIME);
  EXPECT_EQ(static_cast<uint32_t>(g_args[1]), QRV_NTO_TIMEOUT_CONDVAR | QRV_TIMER_ABSTIME);
  EXPECT_EQ(g_ntime, 2000000005u);
  const qrv_timespec far = {int64_t{1} << 40, 0};
  EXPECT_EQ(q::timeout_until(&far, QRV_NTO_TIMEOUT_CONDVAR), 0);
  EXPECT_LE(g_ntime, uint64_t{1} << 62);  // the kernel's bound
  const qrv_timespec negative = {2, -1};
  EXPECT_EQ(q::timeout_until(&negative, QRV_NTO_TIMEOUT_CONDVAR), QRV_EINVAL);
  EXPECT_EQ(q::timeout_until(nullptr, QRV_NTO_TIMEOUT_CONDVAR), QRV_EINVAL);
}

TEST_F(PthreadTest, SpinLocksKnowTheirHolder) {
  q::pthread_spinlock_t s;
  EXPECT_EQ(q::pthread_spin_init(&s, 2), QRV_EINVAL);
  EXPECT_EQ(q::pthread_spin_init(&s, 0), 0);
  EXPECT_EQ(q::pthread_spin_lock(&s), 0);
  EXPECT_EQ(s.owner, 3);
  EXPECT_EQ(q::pthread_spin_lock(&s), QRV_EDEADLK);
  EXPECT_EQ(q::pthread_spin_trylock(&s), QRV_EBUSY);
  EXPECT_EQ(q::pthread_spin_destroy(&s), QRV_EBUSY);
  EXPECT_EQ(q::pthread_spin_unlock(&s), 0);
  EXPECT_EQ(q::pthread_spin_unlock(&s), QRV_EPERM);
  s.owner = 9;
  EXPECT_EQ(q::pthread_spin_unlock(&s), QRV_EPERM);  // not ours
  EXPECT_EQ(s.owner, 9);
}

TEST_F(PthreadTest, SemaphoresWithoutSleepersNeedNoKernel) {
  q::sem_t s;
  q::set_errno(0);
  EXPECT_EQ(q::sem_init(&s, 1, 0), -1);
  EXPECT_EQ(q::get_errno(), QRV_ENOSYS);
  EXPECT_EQ(q::sem_init(&s, 0, 0x80000000u), -1);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  ASSERT_EQ(q::sem_init(&s, 0, 1), 0);
  EXPECT_EQ(q::sem_trywait(&s), 0);
  EXPECT_EQ(q::sem_trywait(&s), -1);
  EXPECT_EQ(q::get_errno(), QRV_EAGAIN);
  EXPECT_EQ(q::sem_post(&s), 0);
  EXPECT_EQ(q::sem_post(&s), 0);
  int v = 0;
  q::sem_getvalue(&s, &v);
  EXPECT_EQ(v, 2);
  EXPECT_EQ(q::sem_wait(&s), 0);
  const qrv_timespec bad = {1, -1};
  EXPECT_EQ(q::sem_timedwait(&s, &bad), 0);  // a token: the deadline is not looked at
  EXPECT_EQ(q::sem_timedwait(&s, &bad), -1);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  EXPECT_EQ(g_calls, 0);  // the slow path refused the deadline before sleeping
  s.value = 0x7fffffff;
  EXPECT_EQ(q::sem_post(&s), -1);
  EXPECT_EQ(q::get_errno(), QRV_EOVERFLOW);
  EXPECT_EQ(q::sem_destroy(&s), 0);
}

}  // namespace
