// The POSIX wrappers reach the right kernel call with the right arguments,
// validate what they can themselves, and report failures the POSIX way
// (-1 and errno, or an error number for pthread and posix_spawn).
#include "libc/src/posix/posix_api.h"

#include <gtest/gtest.h>
#include <string.h>

#include "kernel/abi/abi.h"
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/kernel_call.h"

namespace {

namespace q = qrv::libc;

long g_number = -1;
long g_args[6];
long g_result = 0;
uint64_t g_clock_now = 0;
uint64_t g_stack_size = 0;
qrv_sigaction g_sigaction = {};

long fake_kernel(long number, const long args[6]) {
  g_number = number;
  for (int i = 0; i < 6; ++i) g_args[i] = args[i];
  if (number == __KER_THREAD_CREATE && args[3] != 0) {
    g_stack_size = reinterpret_cast<const qrv_thread_attr*>(args[3])->stack_size;
  }
  if (number == __KER_SIGNAL_ACTION && args[3] != 0) {
    g_sigaction = *reinterpret_cast<const qrv_sigaction*>(args[3]);
  }
  if (number == __KER_CLOCK_TIME && args[2] != 0) {
    *reinterpret_cast<uint64_t*>(args[2]) = g_clock_now;
  }
  return g_result;
}

class PosixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_number = -1;
    g_result = 0;
    q::set_host_kernel(fake_kernel);
  }
  void TearDown() override { q::set_host_kernel(nullptr); }
};

TEST_F(PosixTest, KillAndRaiseSendSignals) {
  EXPECT_EQ(q::kill(42, 9), 0);
  EXPECT_EQ(g_number, __KER_SIGNAL_KILL);
  EXPECT_EQ(g_args[1], 42);
  EXPECT_EQ(g_args[3], 9);
  EXPECT_EQ(q::raise(6), 0);
  EXPECT_EQ(g_args[1], 0);  // pid 0: this process
  g_number = -1;
  q::set_errno(0);
  EXPECT_EQ(q::kill(1, 65), -1);  // rejected before any kernel call
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  EXPECT_EQ(g_number, -1);
  g_result = -QRV_ESRCH;
  EXPECT_EQ(q::kill(77, 0), -1);
  EXPECT_EQ(q::get_errno(), QRV_ESRCH);
}

void handler(int) {}

TEST_F(PosixTest, SigactionConvertsToTheAbiStruct) {
  q::Sigaction act = {handler, 0x5, 0x4, 0};
  q::Sigaction old = {};
  EXPECT_EQ(q::sigaction(2, &act, &old), 0);
  EXPECT_EQ(g_number, __KER_SIGNAL_ACTION);
  EXPECT_EQ(g_args[2], 2);
  EXPECT_NE(g_args[1], 0);  // every handler is entered through libc's sigstub
  EXPECT_NE(g_args[4], 0);  // oact reaches the kernel
  EXPECT_EQ(g_sigaction.handler, reinterpret_cast<uintptr_t>(&handler));
  EXPECT_EQ(g_sigaction.mask, 0x5u);
  EXPECT_EQ(g_sigaction.flags, 0x4u);
  q::set_errno(0);
  EXPECT_EQ(q::sigaction(0, &act, nullptr), -1);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
}

TEST_F(PosixTest, SignalInstallsAHandlerAndReturnsTheOldOne) {
  EXPECT_EQ(q::signal(10, handler), nullptr);  // the fake kernel's old action: SIG_DFL
  EXPECT_EQ(g_number, __KER_SIGNAL_ACTION);
  EXPECT_EQ(g_args[2], 10);
  EXPECT_EQ(g_sigaction.handler, reinterpret_cast<uintptr_t>(&handler));
  EXPECT_EQ(g_sigaction.flags, uint64_t{QRV_SA_RESTART});  // not SA_RESETHAND: it stays
  g_result = -QRV_EINVAL;
  q::set_errno(0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(q::signal(9, handler)), ~uintptr_t{0});  // SIG_ERR
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
}

TEST_F(PosixTest, MasksAreSetThroughSignalProcmask) {
  const q::sigset_t set = 0x300;
  q::sigset_t old = 0;
  EXPECT_EQ(q::sigprocmask(1, &set, &old), 0);
  EXPECT_EQ(g_number, __KER_SIGNAL_PROCMASK);
  EXPECT_EQ(g_args[0], 0);  // this process
  EXPECT_EQ(g_args[1], 0);  // this thread
  EXPECT_EQ(g_args[2], 1);
  EXPECT_EQ(g_args[3], reinterpret_cast<long>(&set));
  EXPECT_EQ(g_args[4], reinterpret_cast<long>(&old));
  g_result = -QRV_EINVAL;
  q::set_errno(0);
  EXPECT_EQ(q::sigprocmask(9, &set, nullptr), -1);  // -1 and errno
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  EXPECT_EQ(q::pthread_sigmask(9, &set, nullptr), QRV_EINVAL);  // the error number itself
  g_result = 0;
  EXPECT_EQ(q::pthread_sigmask(0, &set, nullptr), 0);
}

TEST_F(PosixTest, PthreadKillNamesTheThread) {
  EXPECT_EQ(q::pthread_kill(0, 10), QRV_ESRCH);  // not a thread: no kernel call
  EXPECT_EQ(g_number, -1);
  const q::pthread_t self = q::pthread_self();
  EXPECT_EQ(q::pthread_kill(self, 65), QRV_EINVAL);
  EXPECT_EQ(q::pthread_kill(self, 10), 0);
  EXPECT_EQ(g_number, __KER_SIGNAL_KILL);
  EXPECT_EQ(g_args[3], 10);
  g_result = -QRV_ESRCH;
  EXPECT_EQ(q::pthread_kill(self, 10), QRV_ESRCH);
}

TEST_F(PosixTest, ClockAndSleep) {
  g_clock_now = 5 * 1000000000ull + 123;
  qrv_timespec ts = {};
  EXPECT_EQ(q::clock_gettime(QRV_CLOCK_MONOTONIC, &ts), 0);
  EXPECT_EQ(g_number, __KER_CLOCK_TIME);
  EXPECT_EQ(ts.tv_sec, 5);
  EXPECT_EQ(ts.tv_nsec, 123);
  const qrv_timespec bad = {1, 1000000000};
  q::set_errno(0);
  EXPECT_EQ(q::nanosleep(&bad, nullptr), -1);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  const qrv_timespec good = {0, 5};
  EXPECT_EQ(q::nanosleep(&good, nullptr), 0);
  EXPECT_EQ(g_number, __KER_CLOCK_NANOSLEEP);
}

// Runs the calling host thread as QRV thread `tid` (the mutex fast path uses it).
void become_thread(int32_t tid) {
  q::ThreadBlock block = {};
  block.tid_ = tid;
  q::install_thread_block(&block);
}

TEST_F(PosixTest, UncontendedMutexNeedsNoKernelCall) {
  become_thread(3);
  q::pthread_mutex_t m;
  EXPECT_EQ(q::pthread_mutex_init(&m, nullptr), 0);
  EXPECT_EQ(q::pthread_mutex_lock(&m), 0);
  EXPECT_EQ(m.sync.count, 3);
  EXPECT_EQ(q::pthread_mutex_destroy(&m), QRV_EBUSY);
  EXPECT_EQ(q::pthread_mutex_unlock(&m), 0);
  EXPECT_EQ(m.sync.count, 0);
  EXPECT_EQ(g_number, -1);  // neither went to the kernel
  EXPECT_EQ(q::pthread_mutex_destroy(&m), 0);
}

TEST_F(PosixTest, ContendedMutexGoesToTheKernel) {
  become_thread(3);
  q::pthread_mutex_t m;
  EXPECT_EQ(q::pthread_mutex_init(&m, nullptr), 0);
  m.sync.count = 7;  // held by thread 7
  EXPECT_EQ(q::pthread_mutex_lock(&m), 0);
  EXPECT_EQ(g_number, __KER_SYNC_MUTEX_LOCK);
  EXPECT_EQ(g_args[0], reinterpret_cast<intptr_t>(&m.sync));
  EXPECT_EQ(m.sync.count, 7);  // the kernel, not libc, changes a held word
  m.sync.count = static_cast<int32_t>(3u | QRV_SYNC_WAITERS);  // ours, with waiters
  g_number = -1;
  EXPECT_EQ(q::pthread_mutex_unlock(&m), 0);
  EXPECT_EQ(g_number, __KER_SYNC_MUTEX_UNLOCK);
  EXPECT_EQ(m.sync.count, static_cast<int32_t>(3u | QRV_SYNC_WAITERS));
  m.sync.count = 3;  // ours: relocking is the kernel's EDEADLK
  g_result = -QRV_EDEADLK;
  EXPECT_EQ(q::pthread_mutex_lock(&m), QRV_EDEADLK);
  m.sync.count = 0;  // free: unlocking is the kernel's EPERM
  g_result = -QRV_EPERM;
  EXPECT_EQ(q::pthread_mutex_unlock(&m), QRV_EPERM);
  EXPECT_EQ(g_number, __KER_SYNC_MUTEX_UNLOCK);
}

TEST_F(PosixTest, PthreadCallsReturnErrorNumbers) {
  become_thread(3);
  q::pthread_mutex_t m;
  EXPECT_EQ(q::pthread_mutex_init(&m, nullptr), 0);
  EXPECT_EQ(q::pthread_mutex_lock(&m), 0);
  q::pthread_cond_t c;
  EXPECT_EQ(q::pthread_cond_init(&c, nullptr), 0);
  EXPECT_EQ(q::pthread_cond_broadcast(&c), 0);
  EXPECT_EQ(g_number, __KER_SYNC_CONDVAR_SIGNAL);
  EXPECT_EQ(g_args[1], 1);
  EXPECT_EQ(q::pthread_cond_wait(&c, &m), 0);
  EXPECT_EQ(g_number, __KER_SYNC_CONDVAR_WAIT);
}

void* thread_main(void* arg) { return arg; }

TEST_F(PosixTest, PthreadCreatePassesStackAndReportsKernelFailure) {
  q::pthread_t t = 0;
  g_result = 7;  // the new thread's id
  ASSERT_EQ(q::pthread_create(&t, nullptr, thread_main, nullptr), 0);
  EXPECT_EQ(g_number, __KER_THREAD_CREATE);
  EXPECT_EQ(g_stack_size, 64u * 1024u);
  g_result = 0;
  EXPECT_EQ(q::pthread_join(t, nullptr), 0);
  EXPECT_EQ(g_number, __KER_THREAD_JOIN);
  EXPECT_EQ(g_args[0], 7);
  g_result = -QRV_EAGAIN;
  EXPECT_EQ(q::pthread_create(&t, nullptr, thread_main, nullptr), QRV_EAGAIN);
  const q::pthread_attr_t tiny = {16, 0};
  EXPECT_EQ(q::pthread_create(&t, &tiny, thread_main, nullptr), QRV_EINVAL);
  EXPECT_EQ(q::pthread_join(0, nullptr), QRV_ESRCH);
}

TEST(PosixNoServersTest, TaskmanAndIoCallsFailWithEnosys) {
  q::set_errno(0);
  EXPECT_EQ(q::getpid(), -1);
  EXPECT_EQ(q::get_errno(), QRV_ENOSYS);
  int status = 0;
  EXPECT_EQ(q::waitpid(-1, &status, 0), -1);
  q::pid_t pid = 0;
  char arg0[] = "x";
  char* argv[] = {arg0, nullptr};
  EXPECT_EQ(q::posix_spawn(&pid, "/proc/boot/x", nullptr, nullptr, argv, nullptr), QRV_ENOSYS);
  EXPECT_EQ(q::posix_spawn(&pid, nullptr, nullptr, nullptr, argv, nullptr), QRV_EINVAL);
  char buf[4];
  EXPECT_EQ(q::read(0, buf, sizeof(buf)), -1);
  EXPECT_EQ(q::open("/tmp/x", 0), -1);
  EXPECT_EQ(q::get_errno(), QRV_ENOSYS);
  EXPECT_EQ(q::lseek(1, 0, 0), -1);  // no kernel: every message fails
  EXPECT_EQ(q::get_errno(), QRV_ENOSYS);
}

TEST(UnameTest, ReportsQrvOnRiscv64WithNulTerminatedFields) {
  q::Utsname u;
  memset(&u, 'x', sizeof u);
  ASSERT_EQ(q::uname(&u), 0);
  EXPECT_STREQ(u.sysname, "QRV");
  EXPECT_STREQ(u.nodename, "localhost");
  EXPECT_STREQ(u.release, q::kQrvRelease);
  EXPECT_STREQ(u.version, q::kQrvVersion);
  EXPECT_STREQ(u.machine, "riscv64");
  EXPECT_EQ(u.machine[q::kUtsnameLength - 1], '\0');
}

TEST(UnameTest, NullIsEfault) {
  EXPECT_EQ(q::uname(nullptr), -1);
  EXPECT_EQ(q::get_errno(), QRV_EFAULT);
}

}  // namespace
