// The public headers, compiled as C against nothing but themselves and the
// compiler's headers, agree with the ABI and with QRV's implementation.
#include <gtest/gtest.h>

#include "kernel/abi/abi.h"
#include "libc/include/headers_c_check.h"

namespace {

TEST(HeadersTest, CompiledAsCTheyMatchTheAbi) {
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_ENOSYS), QRV_ENOSYS);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_SIGABRT), QRV_SIGABRT);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_O_CREAT), 0100);  // unistd.cc's kOCreat
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_WEXITSTATUS), 3);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_SIGSET), 1);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_PRI), 4);  // "%ld" and its terminator
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_STAT_SIZE), 104);
  EXPECT_EQ(qrv_libc_headers_c_check(-1), -1);
}

}  // namespace
