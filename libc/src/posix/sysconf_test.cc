// sysconf's answers: the limits QRV has, -1 with errno unchanged for a
// feature it lacks, -1 with EINVAL for a name it cannot answer. The hart
// count comes from taskman: sched_test checks it on the board.
#include "libc/src/posix/posix_api.h"

#include <gtest/gtest.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/errno.h"

namespace {

namespace q = qrv::libc;

TEST(SysconfTest, AnswersWhatQrvKnows) {
  EXPECT_EQ(q::sysconf(30), 4096);   // _SC_PAGESIZE
  EXPECT_EQ(q::sysconf(74), 128);    // _SC_THREAD_KEYS_MAX
  EXPECT_EQ(q::sysconf(4), 64);      // _SC_OPEN_MAX
  EXPECT_EQ(q::sysconf(0), 16384);   // _SC_ARG_MAX: _PROC_SPAWN_MAX
  EXPECT_EQ(q::sysconf(2), 100);     // _SC_CLK_TCK
  q::set_errno(0);
  EXPECT_EQ(q::sysconf(31), 31);     // _SC_RTSIG_MAX: SIGRTMIN 34..SIGRTMAX 64
  EXPECT_EQ(q::sysconf(34), 32);     // _SC_SIGQUEUE_MAX
  EXPECT_EQ(q::get_errno(), 0);
  q::set_errno(0);
  EXPECT_EQ(q::sysconf(-1), -1);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
}

}  // namespace
