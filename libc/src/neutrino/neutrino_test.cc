// The kernel-call wrappers pass the right number and arguments, and map the
// kernel's -errno to errno and -1 (or return it, for the _r forms).
#include "libc/src/neutrino/neutrino_api.h"

#include <gtest/gtest.h>

#include "kernel/abi/abi.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/io_link.h"
#include "libc/src/neutrino/kernel_call.h"
#include "libc/src/neutrino/taskman_link.h"

namespace {

long g_number = -1;
long g_args[6];
long g_result = 0;

long fake_kernel(long number, const long args[6]) {
  g_number = number;
  for (int i = 0; i < 6; ++i) g_args[i] = args[i];
  return g_result;
}

class NeutrinoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_number = -1;
    g_result = 0;
    qrv::libc::set_host_kernel(fake_kernel);
  }
  void TearDown() override { qrv::libc::set_host_kernel(nullptr); }
};

long word(const void* p) { return static_cast<long>(reinterpret_cast<intptr_t>(p)); }

TEST_F(NeutrinoTest, MsgSendvPassesEveryArgumentInOrder) {
  iov_t siov[2] = {}, riov[1] = {};
  g_result = 42;
  EXPECT_EQ(qrv::libc::MsgSendv(7, siov, 2, riov, 1), 42);
  EXPECT_EQ(g_number, __KER_MSG_SENDV);
  EXPECT_EQ(g_args[0], 7);
  EXPECT_EQ(g_args[1], word(siov));
  EXPECT_EQ(g_args[2], 2);
  EXPECT_EQ(g_args[3], word(riov));
  EXPECT_EQ(g_args[4], 1);
}

TEST_F(NeutrinoTest, SingleBufferFormsPassNegativePartCounts) {
  char s[3] = {}, r[5] = {};
  EXPECT_EQ(qrv::libc::MsgSend(4, s, sizeof s, r, sizeof r), 0);
  EXPECT_EQ(g_number, __KER_MSG_SENDV);
  EXPECT_EQ(g_args[1], word(s));
  EXPECT_EQ(g_args[2], -3);
  EXPECT_EQ(g_args[4], -5);
  EXPECT_EQ(qrv::libc::MsgReceive(2, r, sizeof r, nullptr), 0);
  EXPECT_EQ(g_number, __KER_MSG_RECEIVEV);
  EXPECT_EQ(g_args[2], -5);
  EXPECT_EQ(qrv::libc::MsgRead(9, r, 4, 100), 0);
  EXPECT_EQ(g_number, __KER_MSG_READV);
  EXPECT_EQ(g_args[2], -4);
  EXPECT_EQ(g_args[3], 100);
}

TEST_F(NeutrinoTest, UnrepresentableLengthBecomesTooManyParts) {
  EXPECT_EQ(qrv::libc::MsgSend_r(1, nullptr, SIZE_MAX, nullptr, 0), 0);
  EXPECT_EQ(g_args[2], QRV_MSG_MAX_PARTS + 1);
}

TEST_F(NeutrinoTest, SixArgumentCallUsesA5) {
  EXPECT_EQ(qrv::libc::SignalKill(1, 2, 3, 4, 5, 6), 0);
  EXPECT_EQ(g_number, __KER_SIGNAL_KILL);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(g_args[i], i + 1);
}

TEST_F(NeutrinoTest, NegativeValuesAreSignExtended) {
  EXPECT_EQ(qrv::libc::ThreadDestroy(0, -1, nullptr), 0);
  EXPECT_EQ(g_number, __KER_THREAD_DESTROY);
  EXPECT_EQ(g_args[1], -1);
}

TEST_F(NeutrinoTest, ErrorsSetErrnoOrReturnNegativeErrno) {
  g_result = -QRV_EINVAL;
  qrv::libc::set_errno(0);
  EXPECT_EQ(qrv::libc::ChannelCreate(0), -1);
  EXPECT_EQ(qrv::libc::get_errno(), QRV_EINVAL);
  qrv::libc::set_errno(0);
  EXPECT_EQ(qrv::libc::ChannelCreate_r(0), -QRV_EINVAL);
  EXPECT_EQ(qrv::libc::get_errno(), 0);
  g_result = -QRV_ESRVRFAULT;
  EXPECT_EQ(qrv::libc::MsgSendv(1, nullptr, 0, nullptr, 0), -1);
  EXPECT_EQ(qrv::libc::get_errno(), QRV_ESRVRFAULT);
}

TEST_F(NeutrinoTest, EveryCallUsesItsOwnNumber) {
  qrv_sync_t sync = {};
  struct _msg_info info = {};
  qrv::libc::ChannelDestroy(1);
  EXPECT_EQ(g_number, __KER_CHANNEL_DESTROY);
  qrv::libc::ConnectAttach(0, 1, 2, 3, 4);
  EXPECT_EQ(g_number, __KER_CONNECT_ATTACH);
  qrv::libc::MsgReceivev(1, nullptr, 0, &info);
  EXPECT_EQ(g_number, __KER_MSG_RECEIVEV);
  EXPECT_EQ(g_args[3], word(&info));
  qrv::libc::MsgReplyv(1, 2, nullptr, 0);
  EXPECT_EQ(g_number, __KER_MSG_REPLYV);
  qrv::libc::MsgError(1, QRV_EPERM);
  EXPECT_EQ(g_number, __KER_MSG_ERROR);
  qrv::libc::SchedYield();
  EXPECT_EQ(g_number, __KER_SCHED_YIELD);
  qrv::libc::SyncMutexLock(&sync);
  EXPECT_EQ(g_number, __KER_SYNC_MUTEX_LOCK);
  qrv::libc::SyncCondvarSignal(&sync, 1);
  EXPECT_EQ(g_number, __KER_SYNC_CONDVAR_SIGNAL);
  qrv::libc::DebugConsoleWrite("hi", 2);
  EXPECT_EQ(g_number, __KER_DEBUG_CONSOLE_WRITE);
  EXPECT_EQ(g_args[1], 2);
  qrv::libc::syscall_tm_priv(__KER_TM_PROC_QUERY, nullptr);
  EXPECT_EQ(g_number, __KER_TM_PRIV);
  EXPECT_EQ(g_args[0], __KER_TM_PROC_QUERY);
}

TEST(NeutrinoNoKernelTest, WithoutAKernelEveryCallFailsWithEnosys) {
  qrv::libc::set_errno(0);
  EXPECT_EQ(qrv::libc::SchedYield(), -1);
  EXPECT_EQ(qrv::libc::get_errno(), QRV_ENOSYS);
}

TEST_F(NeutrinoTest, TaskmanLinkSendsOnTheTaskmanConnection) {
  g_result = 0;
  const uint64_t msg = 42;
  uint64_t reply = 0;
  EXPECT_EQ(qrv::libc::taskman_send(&msg, sizeof msg, &reply, sizeof reply), 0);
  EXPECT_EQ(g_number, __KER_MSG_SENDV);
  EXPECT_EQ(g_args[0], QRV_TASKMAN_COID);
}

}  // namespace
