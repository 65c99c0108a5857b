// The child's descriptor plan over a fake kernel: what is inherited, what the
// file actions change, in order, and what is refused.
#include "libc/src/posix/spawn_fds.h"

#include <gtest/gtest.h>

#include <map>

#include "kernel/abi/abi.h"
#include "libc/src/neutrino/kernel_call.h"

namespace qrv::libc {
namespace {

struct Fd {
  int32_t pid, chid;
  uint32_t flags;
};
std::map<int, Fd> g_fds;  // the caller's descriptors
int g_open_error = 0;     // what an open's server answers

long fake_kernel(long number, const long a[6]) {
  switch (number) {
    case __KER_CONNECT_SERVER_INFO: {
      auto it = g_fds.lower_bound(static_cast<int>(a[1]));
      if (it == g_fds.end()) return -QRV_EINVAL;
      *reinterpret_cast<qrv_server_info*>(a[2]) = {it->second.pid, it->second.chid, 1, it->first, it->second.flags, 0};
      return it->first;
    }
    case __KER_MSG_SENDV:
      if (a[0] == QRV_TASKMAN_COID) {  // a resolution: server 9, channel 1
        auto* reply = reinterpret_cast<const iov_t*>(a[3]);
        *static_cast<_proc_path_reply*>(reply[0].iov_base) = {9, 1, 0, 0, 1, 0};
        static_cast<char*>(reply[1].iov_base)[0] = '\0';
        return 0;
      }
      return g_fds.count(static_cast<int>(a[0])) != 0 ? -g_open_error : -QRV_EBADF;
    case __KER_CONNECT_ATTACH:
      for (int c = static_cast<int>(a[3]); c < 64; ++c) {
        if (g_fds.count(c) == 0) {
          g_fds[c] = {static_cast<int32_t>(a[1]), static_cast<int32_t>(a[2]), static_cast<uint32_t>(a[4])};
          return c;
        }
      }
      return -QRV_EAGAIN;
    case __KER_CONNECT_DETACH:
      return g_fds.erase(static_cast<int>(a[0])) != 0 ? 0 : -QRV_EINVAL;
    default:
      return -QRV_ENOSYS;
  }
}

struct SpawnFdsTest : ::testing::Test {
  PosixSpawnFileActions fa;
  SpawnFdPlan plan;
  void SetUp() override {
    g_fds = {{0, {5, 2, 0}}, {1, {6, 3, 0}}, {4, {7, 1, QRV_NTO_COF_CLOEXEC}}};
    g_open_error = 0;
    set_host_kernel(fake_kernel);
    posix_spawn_file_actions_init(&fa);
  }
  void TearDown() override {
    posix_spawn_file_actions_destroy(&fa);
    set_host_kernel(nullptr);
  }
  // "child<-parent@server" for each planned fd.
  std::string shown() const {
    std::string s;
    for (uint32_t i = 0; i < plan.n; ++i) {
      const auto& f = plan.fds[i];
      s += std::to_string(f.fd) + "<-" + std::to_string(f.src_coid) + "@" + std::to_string(f.pid) + " ";
    }
    return s;
  }
};

TEST_F(SpawnFdsTest, EverythingButCloseOnExec) {
  ASSERT_EQ(spawn_plan_fds(nullptr, nullptr, 0, &plan), 0);
  EXPECT_EQ(shown(), "0<-0@5 1<-1@6 ");
  EXPECT_EQ(plan.ntemps, 0u);
}

TEST_F(SpawnFdsTest, ActionsInOrder) {
  ASSERT_EQ(posix_spawn_file_actions_adddup2(&fa, 1, 7), 0);
  ASSERT_EQ(posix_spawn_file_actions_addclose(&fa, 1), 0);
  ASSERT_EQ(posix_spawn_file_actions_adddup2(&fa, 4, 4), 0);  // onto itself: close-on-exec cleared
  ASSERT_EQ(posix_spawn_file_actions_addopen(&fa, 0, "/dev/x", 0, 0), 0);
  ASSERT_EQ(posix_spawn_file_actions_addclose(&fa, 30), 0);  // not open: no error
  ASSERT_EQ(spawn_plan_fds(&fa, nullptr, 0, &plan), 0);
  // The open went to the lowest free fd (2) in the caller, for the child's 0.
  EXPECT_EQ(shown(), "0<-2@9 4<-4@7 7<-1@6 ");
  ASSERT_EQ(plan.ntemps, 1u);
  EXPECT_EQ(plan.temps[0], 2);
  EXPECT_EQ(g_fds.at(2).flags, QRV_NTO_COF_CLOEXEC);  // the caller's copy is close-on-exec
  spawn_plan_done(&plan);
  EXPECT_EQ(g_fds.count(2), 0u);
}

TEST_F(SpawnFdsTest, Refusals) {
  EXPECT_EQ(posix_spawn_file_actions_addclose(&fa, -1), QRV_EBADF);
  EXPECT_EQ(posix_spawn_file_actions_adddup2(&fa, 0, 64), QRV_EBADF);
  EXPECT_EQ(posix_spawn_file_actions_addopen(&fa, 3, nullptr, 0, 0), QRV_EINVAL);
  ASSERT_EQ(posix_spawn_file_actions_adddup2(&fa, 3, 5), 0);  // 3 is not open
  EXPECT_EQ(spawn_plan_fds(&fa, nullptr, 0, &plan), QRV_EBADF);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawn_file_actions_init(&fa);
  ASSERT_EQ(posix_spawn_file_actions_addopen(&fa, 3, "/dev/x", 0, 0), 0);
  ASSERT_EQ(posix_spawn_file_actions_addopen(&fa, 5, "/dev/y", 0, 0), 0);
  g_open_error = QRV_ENOENT;
  EXPECT_EQ(spawn_plan_fds(&fa, nullptr, 0, &plan), QRV_ENOENT);
  EXPECT_EQ(g_fds.size(), 3u);  // nothing left open
}

TEST_F(SpawnFdsTest, QnxFdMap) {
  const int map[] = {4, -1, 0};
  ASSERT_EQ(spawn_plan_fds(nullptr, map, 3, &plan), 0);
  EXPECT_EQ(shown(), "0<-4@7 2<-0@5 ");  // close-on-exec or not, exactly these
  const int bad[] = {3};
  EXPECT_EQ(spawn_plan_fds(nullptr, bad, 1, &plan), QRV_EBADF);
  EXPECT_EQ(spawn_plan_fds(nullptr, map, 65, &plan), QRV_EINVAL);
}

}  // namespace
}  // namespace qrv::libc
