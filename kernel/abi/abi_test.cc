// The ABI headers mean the same thing in C and in C++, and their lists are
// consistent: numbers unique, tables sized to the largest number.
#include "kernel/abi/abi.h"

#include <gtest/gtest.h>

#include <set>

#include "kernel/abi/abi_c_check.h"

namespace {

TEST(AbiTest, CAndCxxAgreeOnLayout) {
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_IOV_SIZE), sizeof(iov_t));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_TIMESPEC_SIZE), sizeof(qrv_timespec));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_SIGEVENT_SIZE), sizeof(qrv_sigevent));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_SIGEVENT_CODE), offsetof(qrv_sigevent, sigev_code));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_PULSE_SIZE), sizeof(_pulse));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_PULSE_SCOID), offsetof(_pulse, scoid));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_MSG_INFO_SIZE), sizeof(_msg_info));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_MSG_INFO_MSGLEN), offsetof(_msg_info, msglen));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_THREAD_ATTR_SIZE), sizeof(qrv_thread_attr));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_KER_MSG_SENDV), __KER_MSG_SENDV);
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_KER_TM_PRIV), __KER_TM_PRIV);
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_TM_PROC_QUERY), __KER_TM_PROC_QUERY);
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_ENOSYS), QRV_ENOSYS);
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_SIGCONTEXT_SIZE), sizeof(qrv_sigcontext));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_SIGCONTEXT_MASK), offsetof(qrv_sigcontext, mask));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_SIGINFO_SIZE), sizeof(qrv_siginfo));
  EXPECT_EQ(qrv_abi_c_layout(QRV_ABI_CHECK_SIGINFO_VALUE), offsetof(qrv_siginfo, value));
  EXPECT_EQ(qrv_abi_c_layout(9999), -1);
}

TEST(AbiTest, KernelCallNumbersAreUniqueAndFitTheTable) {
  std::set<int> seen;
  int count = 0;
#define QRV_CHECK_(name, upper, number, nargs)   \
  EXPECT_TRUE(seen.insert(number).second) << #name; \
  EXPECT_GT(number, 0) << #name;                  \
  EXPECT_LT(number, QRV_KER_TABLE_SIZE) << #name;   \
  EXPECT_LE(nargs, QRV_KER_MAX_ARGS) << #name;      \
  ++count;
  QRV_KER_CALLS(QRV_CHECK_)
#undef QRV_CHECK_
  EXPECT_EQ(count, 47);
  EXPECT_EQ(*seen.rbegin() + 1, QRV_KER_TABLE_SIZE);
}

TEST(AbiTest, TmPrivSlotsAreDenseAndCounted) {
  std::set<int> seen;
#define QRV_CHECK_(upper, number) EXPECT_TRUE(seen.insert(number).second) << #upper;
  QRV_KER_TM_SLOTS(QRV_CHECK_)
#undef QRV_CHECK_
  EXPECT_EQ(static_cast<int>(seen.size()), QRV_KER_TM_COUNT);
  EXPECT_EQ(*seen.rbegin() + 1, QRV_KER_TM_COUNT);
}

TEST(AbiTest, ErrnoValuesAreUniqueAndInRange) {
  std::set<int> seen;
#define QRV_CHECK_(value, name, message)                \
  EXPECT_TRUE(seen.insert(value).second) << name;       \
  EXPECT_GT(value, 0) << name;                          \
  EXPECT_LE(value, QRV_ERRNO_MAX) << name;              \
  EXPECT_GT(sizeof(message), 1u) << name;
  QRV_ERRNO_LIST(QRV_CHECK_)
#undef QRV_CHECK_
  EXPECT_EQ(seen.size(), 46u);
}

}  // namespace
