// The public headers, compiled as C against nothing but themselves and the
// compiler's headers, agree with the ABI and with QRV's implementation.
#include <gtest/gtest.h>

#include "kernel/abi/abi.h"
#include "libc/include/headers_c_check.h"
#include "libc/src/posix/termios_api.h"
#include "libc/src/regex/regex_api.h"

namespace {

TEST(HeadersTest, CompiledAsCTheyMatchTheAbi) {
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_ENOSYS), QRV_ENOSYS);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_SIGABRT), QRV_SIGABRT);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_O_CREAT), 0100);  // unistd.cc's kOCreat
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_WEXITSTATUS), 3);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_SIGSET), 1);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_PRI), 4);  // "%ld" and its terminator
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_STAT_SIZE), 104);
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_MATH), 1);
  EXPECT_EQ(qrv_libc_headers_c_check(-1), -1);
}

// termios.h and sys/dcmd_chr.h against what termios.cc sends and checks.
TEST(HeadersTest, TermiosAndTheCharacterDeviceCommandsAreLibcs) {
  namespace tty = qrv::libc::tty;
  int32_t i = 0;
  for (int dcmd : tty::kAllDcmds) {
    EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_DCMD_CHR(i)), dcmd) << "DCMD_CHR entry " << i;
    ++i;
  }
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_DCMD_CHR(i)), -1) << "as many in C";
  i = 0;
  for (const tty::Speed& speed : tty::kSpeeds) {
    EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_SPEED(i)), speed.code) << "B" << speed.rate;
    ++i;
  }
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_SPEED(i)), -1);
  const int64_t values[] = {
      qrv::libc::kNccs, tty::kVtime,    tty::kVmin,      tty::kIgnbrk,   tty::kBrkint,    tty::kParmrk,
      tty::kIstrip,     tty::kInlcr,    tty::kIgncr,     tty::kIcrnl,    tty::kIxon,      tty::kOpost,
      tty::kCsize,      tty::kCs8,      tty::kParenb,    tty::kCbaud,    tty::kIsig,      tty::kIcanon,
      tty::kEcho,       tty::kEchonl,   tty::kIexten,    tty::kTcsanow,  tty::kTcsadrain, tty::kTcsaflush,
      tty::kTciflush,   tty::kTcoflush, tty::kTcioflush, tty::kTcooff,   tty::kTcoon,     tty::kTcioff,
      tty::kTcion,
  };
  i = 0;
  for (int64_t value : values) {
    EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_TERMIOS(i)), value) << "termios entry " << i;
    ++i;
  }
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_TERMIOS(i)), -1);
}

// pthread.h and semaphore.h against the C++ types and values of libc's
// pthread.cc, key.cc, rwlock.cc, barrier.cc, spin.cc, semaphore.cc, sysconf.cc.
TEST(HeadersTest, PthreadAndSemaphoreLayoutsAreLibcs) {
  // The sizes posix_api.h asserts for its C++ types, and libc's values.
  const int64_t values[] = {
      16,          // pthread_mutex_t
      8,           // pthread_mutexattr_t
      16,          // pthread_once_t
      40,          // pthread_rwlock_t
      32,          // pthread_barrier_t
      4,           // pthread_spinlock_t
      24,          // sem_t
      128,         // thread_block.h kThreadKeysMax
      4,           // key.cc kDestructorIterations
      0,           // posix_api.h kMutexNormal
      1,           // kMutexRecursive
      2,           // kMutexErrorcheck
      -1,          // kBarrierSerialThread
      0x7fffffff,  // semaphore.cc kValueMax
      30,          // sysconf.cc kScPagesize
      74,          // kScThreadKeysMax
      84,          // kScNprocessorsOnln
  };
  int32_t i = 0;
  for (int64_t value : values) {
    EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_PTHREAD(i)), value) << "pthread entry " << i;
    ++i;
  }
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_PTHREAD(i)), -1);
}

// regex.h against regex_api.h.
TEST(HeadersTest, RegexFlagsAndCodesAreLibcs) {
  namespace l = qrv::libc;
  const int64_t values[] = {
      l::kRegExtended, l::kRegIcase,   l::kRegNewline, l::kRegNosub,   l::kRegNotbol, l::kRegNoteol,
      l::kRegNomatch,  l::kRegBadpat,  l::kRegEcollate, l::kRegEctype, l::kRegEescape, l::kRegEsubreg,
      l::kRegEbrack,   l::kRegEparen,  l::kRegEbrace,  l::kRegBadbr,   l::kRegErange, l::kRegEspace,
      l::kRegBadrpt,   l::kReDupMax,
  };
  static_assert(sizeof(l::Regex) == 16 && sizeof(l::RegMatch) == 16, "as headers_c_check.c asserts");
  int32_t i = 0;
  for (int64_t value : values) {
    EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_REGEX(i)), value) << "regex entry " << i;
    ++i;
  }
  EXPECT_EQ(qrv_libc_headers_c_check(QRV_LIBC_CHECK_REGEX(i)), -1);
}

}  // namespace
