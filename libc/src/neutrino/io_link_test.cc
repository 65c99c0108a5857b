// The client side of the I/O protocol over a fake kernel with a fake taskman
// and one fake server: what open, read, write, close, dup and the console
// fallback send, to whom, and what they make of the answers.
#include "libc/src/neutrino/io_link.h"

#include <gtest/gtest.h>
#include <string.h>

#include <map>
#include <string>
#include <vector>

#include "kernel/abi/abi.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/neutrino/kernel_call.h"

namespace qrv::libc {
namespace {

constexpr int32_t kServerPid = 7, kServerChid = 2;
constexpr uint32_t kHandle = 5;

struct World {
  std::map<int, uint32_t> coids;  // attached coid -> its ConnectAttach flags
  struct Sent {
    int coid;
    std::string bytes;
  };
  std::vector<Sent> sent;       // every message to a server
  std::string console;          // DebugConsoleWrite's
  long server_result = 0;       // what the server answers
  std::string server_data;      // and the data it replies
  long resolve_result = 0;      // what taskman answers a resolution
  std::string rest = "null";    // the rest of the path it names
  long last_attach_index = -1;
};
World g;

std::string gather(const iov_t* iov, long n) {
  std::string s;
  for (long i = 0; i < n; ++i) s.append(static_cast<const char*>(iov[i].iov_base), iov[i].iov_len);
  return s;
}

void scatter(const std::string& data, const iov_t* iov, long n) {
  size_t at = 0;
  for (long i = 0; i < n && at < data.size(); ++i) {
    const size_t k = std::min<size_t>(iov[i].iov_len, data.size() - at);
    memcpy(iov[i].iov_base, data.data() + at, k);
    at += k;
  }
}

long fake_kernel(long number, const long a[6]) {
  switch (number) {
    case __KER_MSG_SENDV: {
      const int coid = static_cast<int>(a[0]);
      const std::string msg = gather(reinterpret_cast<const iov_t*>(a[1]), a[2]);
      const auto* riov = reinterpret_cast<const iov_t*>(a[3]);
      if (coid == QRV_TASKMAN_COID) {
        if (g.resolve_result < 0) return g.resolve_result;
        struct _proc_path_reply r = {kServerPid, kServerChid, kHandle, 0, static_cast<uint32_t>(g.rest.size() + 1), 0};
        scatter(std::string(reinterpret_cast<const char*>(&r), sizeof r) + g.rest + '\0', riov, a[4]);
        return 0;
      }
      if (g.coids.count(coid) == 0) return -QRV_EBADF;
      g.sent.push_back({coid, msg});
      scatter(g.server_data, riov, a[4]);
      return g.server_result;
    }
    case __KER_CONNECT_ATTACH: {
      if (a[1] != kServerPid || a[2] != kServerChid) return -QRV_ESRCH;
      g.last_attach_index = a[3];
      const bool side = (a[3] & QRV_NTO_SIDE_CHANNEL) != 0;  // taskman's is side channel 0
      const int first = side ? static_cast<int>(QRV_NTO_SIDE_CHANNEL) + 1 : static_cast<int>(a[3]);
      const int end = side ? static_cast<int>(QRV_NTO_SIDE_CHANNEL) + 32 : kFdMax;
      for (int c = first; c < end; ++c) {
        if (g.coids.count(c) == 0) {
          g.coids[c] = static_cast<uint32_t>(a[4]);
          return c;
        }
      }
      return -QRV_EAGAIN;
    }
    case __KER_CONNECT_DETACH:
      return g.coids.erase(static_cast<int>(a[0])) != 0 ? 0 : -QRV_EINVAL;
    case __KER_CONNECT_SERVER_INFO: {
      auto it = g.coids.lower_bound(static_cast<int>(a[1]));
      if (it == g.coids.end()) return -QRV_EINVAL;
      auto* info = reinterpret_cast<struct qrv_server_info*>(a[2]);
      *info = {kServerPid, kServerChid, 100 + it->first, it->first, it->second, 0};
      return it->first;
    }
    case __KER_DEBUG_CONSOLE_WRITE:
      g.console.append(reinterpret_cast<const char*>(a[0]), static_cast<size_t>(a[1]));
      return 0;
    default:
      return -QRV_ENOSYS;
  }
}

struct IoLinkTest : ::testing::Test {
  void SetUp() override {
    g = World{};
    set_host_kernel(fake_kernel);
  }
  void TearDown() override { set_host_kernel(nullptr); }
  template <typename T>
  T sent_as(size_t i) const {
    T m;
    EXPECT_GE(g.sent.at(i).bytes.size(), sizeof m);
    memcpy(&m, g.sent.at(i).bytes.data(), sizeof m);
    return m;
  }
};

TEST_F(IoLinkTest, OpenResolvesConnectsAndSendsTheRestOfThePath) {
  EXPECT_EQ(io_open("/dev/null", 02 | 02000000, 0), 0);  // O_RDWR | O_CLOEXEC: fd 0
  EXPECT_EQ(g.last_attach_index, 0);
  EXPECT_EQ(g.coids.at(0), QRV_NTO_COF_CLOEXEC);  // the kernel keeps close-on-exec
  ASSERT_EQ(g.sent.size(), 1u);
  const auto m = sent_as<struct _io_connect>(0);
  EXPECT_EQ(m.hdr.type, _IO_CONNECT);
  EXPECT_EQ(m.hdr.subtype, _IO_CONNECT_OPEN);
  EXPECT_EQ(m.hdr.size, g.sent[0].bytes.size());
  EXPECT_EQ(m.handle, kHandle);
  EXPECT_EQ(m.ioflag, 02u);  // the server never sees O_CLOEXEC
  EXPECT_EQ(m.path_len, 5u);
  EXPECT_EQ(g.sent[0].bytes.substr(sizeof m), std::string("null") + '\0');
  EXPECT_EQ(io_open("/dev/null", 0, 0), 1);  // the lowest free fd
}

TEST_F(IoLinkTest, FailedOpensLeaveNoDescriptor) {
  g.server_result = -QRV_ENOENT;
  EXPECT_EQ(io_open("/dev/nothing", 0, 0), -QRV_ENOENT);
  EXPECT_TRUE(g.coids.empty());
  g.resolve_result = -QRV_ENOTDIR;
  EXPECT_EQ(io_open("/dev/null/x", 0, 0), -QRV_ENOTDIR);
  EXPECT_TRUE(g.coids.empty());
  EXPECT_EQ(io_open(std::string(2000, 'a').c_str(), 0, 0), -QRV_ENAMETOOLONG);
  EXPECT_EQ(io_open(nullptr, 0, 0), -QRV_EFAULT);
  g.resolve_result = 0;
  g.server_result = 0;
  for (int i = 0; i < kFdMax; ++i) ASSERT_EQ(io_open("/dev/null", 0, 0), i);
  EXPECT_EQ(io_open("/dev/null", 0, 0), -QRV_EMFILE);
}

// stat and chdir look at a path without taking a descriptor: they work with
// every fd in use (or past RLIMIT_NOFILE), and their connection is none.
TEST_F(IoLinkTest, QuietOpensTakeNoDescriptor) {
  for (int i = 0; i < kFdMax; ++i) ASSERT_EQ(io_open("/dev/null", 0, 0), i);
  const long coid = io_open_quiet("/dev/null", 0);
  ASSERT_GT(coid, static_cast<long>(QRV_TASKMAN_COID));
  EXPECT_EQ(sent_as<struct _io_connect>(kFdMax).ioflag, uint32_t{_IO_FLAG_NOACCESS});
  struct _io_stat_reply st = {};
  EXPECT_EQ(io_stat(static_cast<int>(coid), &st), -QRV_EBADF) << "fstat takes descriptors only";
  EXPECT_EQ(io_stat_quiet(static_cast<int>(coid), &st), 0);
  EXPECT_EQ(io_close(static_cast<int>(coid)), -QRV_EBADF) << "close too";
  EXPECT_EQ(io_close_quiet(0), -QRV_EBADF) << "a descriptor is close()'s";
  EXPECT_EQ(io_close_quiet(QRV_TASKMAN_COID), -QRV_EBADF) << "taskman's link is nobody's to close";
  EXPECT_EQ(io_stat_quiet(QRV_TASKMAN_COID, &st), -QRV_EBADF);
  const size_t attached = g.coids.size();
  EXPECT_EQ(io_close_quiet(static_cast<int>(coid)), 0);
  EXPECT_EQ(g.coids.size(), attached - 1);
}

TEST_F(IoLinkTest, ReadWriteAndTheirOffsets) {
  ASSERT_EQ(io_open("/dev/null", 2, 0), 0);
  g.server_data = "abc";
  g.server_result = 3;
  char buf[8] = {};
  EXPECT_EQ(io_read(0, buf, sizeof buf), 3);
  EXPECT_STREQ(buf, "abc");
  auto r = sent_as<struct _io_read>(1);
  EXPECT_EQ(r.hdr.type, _IO_READ);
  EXPECT_EQ(r.hdr.subtype, 0);
  EXPECT_EQ(r.nbytes, sizeof buf);
  EXPECT_EQ(io_pread(0, buf, 2, 40), 3);
  r = sent_as<struct _io_read>(2);
  EXPECT_EQ(r.hdr.subtype, _IO_XTYPE_OFFSET);
  EXPECT_EQ(r.offset, 40u);
  EXPECT_EQ(io_pread(0, buf, 2, -1), -QRV_EINVAL);
  const iov_t parts[2] = {{const_cast<char*>("hello "), 6}, {const_cast<char*>("world"), 5}};
  g.server_result = 11;
  EXPECT_EQ(io_writev(0, parts, 2), 11);
  const auto w = sent_as<struct _io_write>(3);
  EXPECT_EQ(w.nbytes, 11u);
  EXPECT_EQ(w.hdr.size, sizeof w + 11);
  EXPECT_EQ(g.sent[3].bytes.substr(sizeof w), "hello world");
  EXPECT_EQ(io_writev(0, parts, -1), -QRV_EINVAL);
  EXPECT_EQ(io_read(9, buf, 1), -QRV_EBADF);
  EXPECT_EQ(io_read(QRV_TASKMAN_COID, buf, 1), -QRV_EBADF);  // a side channel is no fd
}

TEST_F(IoLinkTest, ConsoleFallbackOnlyWithoutAConnection) {
  EXPECT_EQ(io_write(2, "boot", 4), 4);
  EXPECT_EQ(io_write(1, "!", 1), 1);
  EXPECT_EQ(g.console, "boot!");
  EXPECT_EQ(io_write(3, "x", 1), -QRV_EBADF);  // only 1 and 2
  EXPECT_EQ(io_pwrite(1, "x", 1, 0), -QRV_EBADF);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(io_open("/dev/console", 1, 0), i);
  g.server_result = 2;
  EXPECT_EQ(io_write(1, "ok", 2), 2);
  EXPECT_EQ(g.console, "boot!");  // the driver has it now
  EXPECT_EQ(g.sent.back().coid, 1);
}

TEST_F(IoLinkTest, CloseTellsTheServerThenDetaches) {
  ASSERT_EQ(io_open("/dev/null", 0, 0), 0);
  EXPECT_EQ(io_close(0), 0);
  EXPECT_EQ(sent_as<struct _io_hdr>(1).type, _IO_CLOSE);
  EXPECT_TRUE(g.coids.empty());
  EXPECT_EQ(io_close(0), -QRV_EBADF);
  EXPECT_EQ(io_close(-1), -QRV_EBADF);
  EXPECT_EQ(io_close(QRV_TASKMAN_COID), -QRV_EBADF);
}

TEST_F(IoLinkTest, DupAndDup2ShareTheOpenFile) {
  ASSERT_EQ(io_open("/dev/null", 0, 0), 0);
  EXPECT_EQ(io_dup(0, 0), 1);
  auto d = sent_as<struct _io_dup>(1);
  EXPECT_EQ(d.hdr.type, _IO_DUP);
  EXPECT_EQ(d.src_pid, 0);  // this process
  EXPECT_EQ(d.src_coid, 0);
  EXPECT_EQ(g.coids.at(1), 0u);  // dup clears close-on-exec
  EXPECT_EQ(io_dup2(0, 5), 5);
  EXPECT_EQ(io_dup2(0, 0), 0);  // itself: nothing sent
  EXPECT_EQ(g.sent.size(), 3u);
  EXPECT_EQ(io_dup2(0, 1), 1);  // replaces: fd 1 closed first
  EXPECT_EQ(sent_as<struct _io_hdr>(3).type, _IO_CLOSE);
  EXPECT_EQ(io_dup(4, 0), -QRV_EBADF);
  EXPECT_EQ(io_dup2(4, 6), -QRV_EBADF);
  EXPECT_EQ(io_dup2(0, kFdMax), -QRV_EBADF);
  g.server_result = -QRV_EPERM;
  EXPECT_EQ(io_dup(0, 10), -QRV_EPERM);
  EXPECT_EQ(g.coids.count(10), 0u);
}

TEST_F(IoLinkTest, ConnectOnlyMessagesBindNothing) {
  EXPECT_EQ(io_connect_only("/tmp/a", _IO_CONNECT_RENAME, 0, "b"), 0);
  const auto m = sent_as<struct _io_connect>(0);
  EXPECT_EQ(m.hdr.subtype, _IO_CONNECT_RENAME);
  EXPECT_EQ(m.ioflag, uint32_t{_IO_FLAG_NOACCESS});
  EXPECT_EQ(m.extra_len, 2u);
  EXPECT_EQ(g.sent[0].bytes.substr(sizeof m), std::string("null") + '\0' + "b" + '\0');
  EXPECT_TRUE(g.coids.empty());
}

}  // namespace
}  // namespace qrv::libc
