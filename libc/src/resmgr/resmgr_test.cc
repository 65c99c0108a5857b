// The resource-manager library's message layer over a fake kernel: what a
// client's messages bind, what reaches a handler, and the error for every
// malformed message (with a random-message loop that must neither crash nor
// leak under the sanitizers).
#include <gtest/gtest.h>
#include <string.h>

#include <random>
#include <string>
#include <vector>

#include "kernel/abi/errno.h"
#include "kernel/abi/kercalls.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/neutrino/kernel_call.h"
#include "libc/src/resmgr/dispatch.h"

namespace qrv::libc {
namespace {

// What the server last answered.
struct Answer {
  int calls = 0;
  long status = 0;
  int error = 0;  // MsgError's, or 0 for a reply
  std::string data;
};
Answer g_answer;

long fake_kernel(long number, const long args[6]) {
  if (number == __KER_MSG_REPLYV) {
    g_answer.calls++;
    g_answer.error = 0;
    g_answer.status = args[1];
    g_answer.data.clear();
    const auto* iov = reinterpret_cast<const iov_t*>(args[2]);
    for (long i = 0; i < args[3]; ++i) g_answer.data.append(static_cast<const char*>(iov[i].iov_base), iov[i].iov_len);
    return 0;
  }
  if (number == __KER_MSG_ERROR) {
    g_answer.calls++;
    g_answer.error = static_cast<int>(args[1]);
    return 0;
  }
  return -QRV_ENOSYS;
}

int g_reads = 0;
int g_closes = 0;

int null_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  (void)msg;
  (void)ocb;
  g_reads++;
  ctp->status = 0;
  return 0;
}

int zero_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  static char zeros[8];
  (void)ocb;
  const size_t n = msg->nbytes < sizeof zeros ? msg->nbytes : sizeof zeros;
  ctp->iov[0] = iov_t{zeros, n};
  ctp->status = static_cast<long>(n);
  return _RESMGR_NPARTS(1);
}

void counting_close(resmgr_context_t* ctp, iofunc_ocb_t* ocb) {
  g_closes++;
  iofunc_close_ocb_default(ctp, ocb);
}

int32_t g_parent = 0;
int parent_of(int32_t pid) {
  (void)pid;
  return g_parent;
}

struct ResmgrTest : ::testing::Test {
  dispatch_t* d = nullptr;
  resmgr_context_t* ctp = nullptr;
  iofunc_attr_t null_attr, ro_attr;
  resmgr_io_funcs_t io = {};
  resmgr_io_funcs_t zero_io = {};
  int null_id = -1, ro_id = -1;

  void SetUp() override {
    set_host_kernel(fake_kernel);
    g_answer = Answer{};
    g_reads = g_closes = 0;
    d = dispatch_create_channel(3);
    ASSERT_NE(d, nullptr);
    dispatch_set_parent_of(d, parent_of);
    ctp = resmgr_context_alloc(d);
    ASSERT_NE(ctp, nullptr);
    iofunc_attr_init(&null_attr, 0020666);  // S_IFCHR | 0666
    null_attr.size = 100;
    iofunc_attr_init(&ro_attr, 0100444);
    io.read = null_read;
    io.close_ocb = counting_close;
    zero_io.read = zero_read;
    null_id = resmgr_attach(d, nullptr, 0, nullptr, &io, &null_attr);
    ro_id = resmgr_attach(d, nullptr, 0, nullptr, &zero_io, &ro_attr);
    ASSERT_EQ(null_id, 0);
    ASSERT_EQ(ro_id, 1);
  }
  void TearDown() override {
    // Every client gone: everything the library holds goes too.
    for (int32_t scoid = 1; scoid < 64; ++scoid) pulse_disconnect(scoid);
    EXPECT_EQ(resmgr_bindings(d), 0u);
    EXPECT_EQ(null_attr.count, 0u);
    EXPECT_EQ(ro_attr.count, 0u);
    qrv::libc::free(d->bindings);
    qrv::libc::free(ctp);
    qrv::libc::free(d);
    set_host_kernel(nullptr);
  }

  // Delivers `bytes` as a message from (pid, scoid, coid), srcmsglen as sent.
  int deliver(const void* bytes, size_t len, int32_t scoid, int32_t pid = 10, int32_t coid = 3,
              int64_t srcmsglen = -1) {
    memcpy(ctp->msg, bytes, len);
    ctp->rcvid = 77;
    ctp->info = {};
    ctp->info.pid = pid;
    ctp->info.scoid = scoid;
    ctp->info.coid = coid;
    ctp->info.srcmsglen = srcmsglen < 0 ? static_cast<int64_t>(len) : srcmsglen;
    ctp->info.msglen = static_cast<int64_t>(len);
    ctp->msg_len = len;
    g_answer = Answer{};
    return resmgr_handler(ctp);
  }
  void pulse_disconnect(int32_t scoid) {
    struct _pulse p = {};
    p.code = QRV_PULSE_CODE_DISCONNECT;
    p.scoid = scoid;
    memcpy(ctp->msg, &p, sizeof p);
    ctp->rcvid = 0;
    ctp->msg_len = sizeof p;
    ASSERT_EQ(resmgr_handler(ctp), 0);
  }
  std::vector<unsigned char> connect_msg(uint32_t handle, uint32_t ioflag, const std::string& path,
                                         uint16_t subtype = _IO_CONNECT_OPEN) {
    struct _io_connect m = {};
    m.hdr = {_IO_CONNECT, subtype, static_cast<uint32_t>(sizeof m + path.size() + 1)};
    m.handle = handle;
    m.ioflag = ioflag;
    m.path_len = static_cast<uint16_t>(path.size() + 1);
    std::vector<unsigned char> v(sizeof m + path.size() + 1);
    memcpy(v.data(), &m, sizeof m);
    memcpy(v.data() + sizeof m, path.c_str(), path.size() + 1);
    return v;
  }
  // Opens handle on scoid; the answer's errno (0: opened).
  int open_on(int32_t scoid, uint32_t handle, uint32_t ioflag, const std::string& path = "", int32_t pid = 10,
              int32_t coid = 3) {
    const auto m = connect_msg(handle, ioflag, path);
    EXPECT_EQ(deliver(m.data(), m.size(), scoid, pid, coid), 0);
    EXPECT_EQ(g_answer.calls, 1);
    return g_answer.error;
  }
  int read_on(int32_t scoid, uint64_t n) {
    struct _io_read r = {{_IO_READ, 0, sizeof r}, n, 0};
    EXPECT_EQ(deliver(&r, sizeof r, scoid), 0);
    return g_answer.error;
  }
};

TEST_F(ResmgrTest, OpenBindsAndReadReachesTheHandler) {
  ASSERT_EQ(open_on(5, null_id, 2), 0);  // O_RDWR
  EXPECT_EQ(resmgr_bindings(d), 1u);
  EXPECT_EQ(null_attr.count, 1u);
  EXPECT_EQ(read_on(5, 100), 0);
  EXPECT_EQ(g_reads, 1);
  EXPECT_EQ(g_answer.status, 0);
  ASSERT_EQ(open_on(6, ro_id, 0), 0);
  EXPECT_EQ(read_on(6, 100), 0);
  EXPECT_EQ(g_answer.status, 8);
  EXPECT_EQ(g_answer.data, std::string(8, '\0'));
}

TEST_F(ResmgrTest, IoWithoutAnOpenIsEbadf) {
  EXPECT_EQ(read_on(9, 1), QRV_EBADF);
  struct _io_hdr h = {_IO_STAT, 0, sizeof h};
  ASSERT_EQ(deliver(&h, sizeof h, 9), 0);
  EXPECT_EQ(g_answer.error, QRV_EBADF);
}

TEST_F(ResmgrTest, AccessModesAndOpenChecks) {
  ASSERT_EQ(open_on(5, ro_id, 0), 0);
  struct _io_write w = {{_IO_WRITE, 0, sizeof w}, 0, 0};
  ASSERT_EQ(deliver(&w, sizeof w, 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EBADF);  // opened read-only
  EXPECT_EQ(open_on(6, ro_id, 1), QRV_EACCES);              // 0444, for writing
  EXPECT_EQ(open_on(6, null_id, 0200000), QRV_ENOTDIR);     // O_DIRECTORY on a device
  EXPECT_EQ(open_on(6, null_id, 0300), QRV_EEXIST);         // O_CREAT|O_EXCL, exists
  ASSERT_EQ(open_on(7, ro_id, _IO_FLAG_NOACCESS), 0);      // stat's open needs no permission
  EXPECT_EQ(read_on(7, 1), QRV_EBADF);                      // and reads nothing
  EXPECT_EQ(open_on(6, null_id, 0, "below"), QRV_ENOENT);   // a single node
  EXPECT_EQ(open_on(6, 7, 0), QRV_ENOENT);                  // no such attachment
  EXPECT_EQ(open_on(6, 1000, 0), QRV_ENOENT);
  ASSERT_EQ(open_on(6, null_id, 1), 0);                     // write-only
  EXPECT_EQ(read_on(6, 1), QRV_EBADF);
}

TEST_F(ResmgrTest, MalformedConnectMessages) {
  auto m = connect_msg(null_id, 0, "abc");
  m.back() = 'x';  // no terminator
  ASSERT_EQ(deliver(m.data(), m.size(), 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  m = connect_msg(null_id, 0, "abc");
  m[sizeof(struct _io_connect) + 1] = '\0';  // a NUL inside
  ASSERT_EQ(deliver(m.data(), m.size(), 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  m = connect_msg(null_id, 0, "abc");
  ASSERT_EQ(deliver(m.data(), m.size(), 5, 10, 3, static_cast<int64_t>(m.size()) + 1), 0);  // size lies
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  m = connect_msg(null_id, 0, "");
  reinterpret_cast<struct _io_connect*>(m.data())->path_len = 5;  // past the message
  ASSERT_EQ(deliver(m.data(), m.size(), 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  reinterpret_cast<struct _io_connect*>(m.data())->path_len = 60000;
  ASSERT_EQ(deliver(m.data(), m.size(), 5), 0);
  EXPECT_EQ(g_answer.error, QRV_ENAMETOOLONG);
  m = connect_msg(null_id, 0, "", 99);
  ASSERT_EQ(deliver(m.data(), m.size(), 5), 0);
  EXPECT_EQ(g_answer.error, QRV_ENOSYS);
  m = connect_msg(null_id, 0, "", _IO_CONNECT_UNLINK);
  ASSERT_EQ(deliver(m.data(), m.size(), 5), 0);
  EXPECT_EQ(g_answer.error, QRV_ENOSYS);  // the server has no unlink
  m = connect_msg(null_id, 0, "", _IO_CONNECT_RENAME);
  ASSERT_EQ(deliver(m.data(), m.size(), 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);  // no source
  EXPECT_EQ(resmgr_bindings(d), 0u);
}

TEST_F(ResmgrTest, MalformedIoMessages) {
  ASSERT_EQ(open_on(5, null_id, 2), 0);
  struct _io_read r = {{_IO_READ, 0, sizeof r + 1}, 1, 0};
  ASSERT_EQ(deliver(&r, sizeof r, 5, 10, 3, sizeof r + 1), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  struct _io_write w = {{_IO_WRITE, 0, sizeof w + 4}, 5, 0};  // nbytes disagrees
  ASSERT_EQ(deliver(&w, sizeof w, 5, 10, 3, sizeof w + 4), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  w.nbytes = 4;
  ASSERT_EQ(deliver(&w, sizeof w, 5, 10, 3, sizeof w + 4), 0);
  EXPECT_EQ(g_answer.error, QRV_ENOSYS);  // well formed; the server has no write
  struct _io_devctl dc = {{_IO_DEVCTL, 0, sizeof dc}, 1, 0};
  ASSERT_EQ(deliver(&dc, sizeof dc, 5), 0);
  EXPECT_EQ(g_answer.error, QRV_ENOTTY);
  struct _io_hdr unknown = {_IO_MAX + 1, 0, sizeof unknown};
  EXPECT_EQ(deliver(&unknown, sizeof unknown, 5), -1);  // not the library's
  EXPECT_EQ(g_answer.calls, 0);
  const uint32_t tiny = _IO_READ;
  EXPECT_EQ(deliver(&tiny, sizeof tiny, 5), -1);
}

TEST_F(ResmgrTest, StatAndLseekDefaults) {
  ASSERT_EQ(open_on(5, null_id, 0), 0);
  struct _io_hdr h = {_IO_STAT, 0, sizeof h};
  ASSERT_EQ(deliver(&h, sizeof h, 5), 0);
  ASSERT_EQ(g_answer.data.size(), sizeof(struct _io_stat_reply));
  struct _io_stat_reply st;
  memcpy(&st, g_answer.data.data(), sizeof st);
  EXPECT_EQ(st.mode, 0020666u);
  EXPECT_EQ(st.size, 100u);
  struct _io_lseek s = {{_IO_LSEEK, 0, sizeof s}, -10, 2, 0};
  ASSERT_EQ(deliver(&s, sizeof s, 5), 0);
  EXPECT_EQ(g_answer.status, 90);
  s.offset = 5;
  s.whence = 1;
  ASSERT_EQ(deliver(&s, sizeof s, 5), 0);
  EXPECT_EQ(g_answer.status, 95);
  s.offset = -200;
  ASSERT_EQ(deliver(&s, sizeof s, 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  s.offset = INT64_MAX;
  ASSERT_EQ(deliver(&s, sizeof s, 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EOVERFLOW);
  s.whence = 3;
  ASSERT_EQ(deliver(&s, sizeof s, 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
}

uint64_t g_seen_offset = 0;
int offset_write(resmgr_context_t* ctp, const struct _io_write* msg, iofunc_ocb_t* ocb) {
  g_seen_offset = ocb->offset;
  ocb->offset += msg->nbytes;
  ctp->status = static_cast<long>(msg->nbytes);
  return 0;
}

TEST_F(ResmgrTest, PwriteOffsetsAndAppend) {
  io.write = offset_write;
  ASSERT_EQ(open_on(5, null_id, 2), 0);
  struct _io_write w = {{_IO_WRITE, 0, sizeof w + 3}, 3, 0};
  ASSERT_EQ(deliver(&w, sizeof w, 5, 10, 3, sizeof w + 3), 0);
  EXPECT_EQ(g_answer.status, 3);
  EXPECT_EQ(g_seen_offset, 0u);
  w.hdr.subtype = _IO_XTYPE_OFFSET;  // pwrite at 50: the OCB's offset stays at 3
  w.offset = 50;
  ASSERT_EQ(deliver(&w, sizeof w, 5, 10, 3, sizeof w + 3), 0);
  EXPECT_EQ(g_seen_offset, 50u);
  w.hdr.subtype = 0;
  ASSERT_EQ(deliver(&w, sizeof w, 5, 10, 3, sizeof w + 3), 0);
  EXPECT_EQ(g_seen_offset, 3u);
  w.hdr.subtype = 2;  // no such xtype
  ASSERT_EQ(deliver(&w, sizeof w, 5, 10, 3, sizeof w + 3), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);
  // F_GETFL / F_SETFL: only O_APPEND and O_NONBLOCK change; O_APPEND writes at the end.
  struct {
    struct _io_devctl m;
    uint32_t flags;
  } set = {{{_IO_DEVCTL, 0, sizeof set}, _IO_DCMD_SETFLAGS, 4}, 02000 | 04000 | 01};
  ASSERT_EQ(deliver(&set, sizeof set, 5), 0);
  struct _io_devctl_reply r;
  ASSERT_EQ(g_answer.data.size(), sizeof r);
  memcpy(&r, g_answer.data.data(), sizeof r);
  EXPECT_EQ(r.ret_val, 02000 | 04000 | 2);  // still O_RDWR
  w.hdr.subtype = 0;
  ASSERT_EQ(deliver(&w, sizeof w, 5, 10, 3, sizeof w + 3), 0);
  EXPECT_EQ(g_seen_offset, 100u);  // null_attr.size
  struct _io_devctl get = {{_IO_DEVCTL, 0, sizeof get}, _IO_DCMD_GETFLAGS, 0};
  ASSERT_EQ(deliver(&get, sizeof get, 5), 0);
  memcpy(&r, g_answer.data.data(), sizeof r);
  EXPECT_EQ(r.ret_val, 02000 | 04000 | 2);
  set.m.nbytes = 0;
  set.m.hdr.size = sizeof set.m;
  ASSERT_EQ(deliver(&set, sizeof set.m, 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EINVAL);  // no flags given
}

TEST_F(ResmgrTest, DupSharesTheOcbUntilTheLastConnectionGoes) {
  ASSERT_EQ(open_on(5, null_id, 0, "", 10, 3), 0);
  struct _io_dup dup = {{_IO_DUP, 0, sizeof dup}, 10, 3};
  ASSERT_EQ(deliver(&dup, sizeof dup, 6, 10, 4), 0);  // dup(3) -> 4 in pid 10
  EXPECT_EQ(g_answer.error, 0);
  EXPECT_EQ(resmgr_bindings(d), 2u);
  EXPECT_EQ(null_attr.count, 1u);  // one open file
  ASSERT_EQ(deliver(&dup, sizeof dup, 5, 10, 3), 0);
  EXPECT_EQ(g_answer.error, QRV_EBADF);  // onto itself
  dup.src_coid = 9;
  ASSERT_EQ(deliver(&dup, sizeof dup, 7, 10, 5), 0);
  EXPECT_EQ(g_answer.error, QRV_EBADF);  // pid 10 has no coid 9 here
  // Another process: only a child of the holder inherits.
  dup.src_coid = 3;
  g_parent = 11;
  ASSERT_EQ(deliver(&dup, sizeof dup, 7, 12, 3), 0);
  EXPECT_EQ(g_answer.error, QRV_EPERM);
  g_parent = 10;
  ASSERT_EQ(deliver(&dup, sizeof dup, 7, 12, 3), 0);
  EXPECT_EQ(g_answer.error, 0);
  EXPECT_EQ(resmgr_bindings(d), 3u);
  // Offsets are shared: a seek through one is seen through the others.
  struct _io_lseek s = {{_IO_LSEEK, 0, sizeof s}, 42, 0, 0};
  ASSERT_EQ(deliver(&s, sizeof s, 7, 12, 3), 0);
  s.offset = 0;
  s.whence = 1;
  ASSERT_EQ(deliver(&s, sizeof s, 5), 0);
  EXPECT_EQ(g_answer.status, 42);
  struct _io_hdr close = {_IO_CLOSE, 0, sizeof close};
  ASSERT_EQ(deliver(&close, sizeof close, 5), 0);
  EXPECT_EQ(g_answer.error, 0);
  pulse_disconnect(6);
  EXPECT_EQ(g_closes, 0);
  pulse_disconnect(7);  // the child dies: the last one
  EXPECT_EQ(g_closes, 1);
  EXPECT_EQ(resmgr_bindings(d), 0u);
}

TEST_F(ResmgrTest, ReusedConnectionIdReplacesTheStaleBinding) {
  ASSERT_EQ(open_on(5, null_id, 0), 0);
  ASSERT_EQ(open_on(5, null_id, 0), 0);
  EXPECT_EQ(g_closes, 1);
  EXPECT_EQ(resmgr_bindings(d), 1u);
}

TEST_F(ResmgrTest, DetachedAttachmentsOpenNothingNew) {
  ASSERT_EQ(open_on(5, null_id, 0), 0);
  ASSERT_EQ(resmgr_detach(d, null_id), 0);
  EXPECT_EQ(open_on(6, null_id, 0), QRV_ENOENT);
  EXPECT_EQ(read_on(5, 1), 0);  // what is open stays open
  EXPECT_EQ(resmgr_detach(d, null_id), -1);
}

TEST_F(ResmgrTest, DirentRecords) {
  unsigned char buf[64];
  size_t used = 0;
  ASSERT_TRUE(resmgr_dirent_add(buf, sizeof buf, &used, 7, "hello"));
  EXPECT_EQ(used, 24u);  // 16 + 6, rounded to 8
  ASSERT_TRUE(resmgr_dirent_add(buf, sizeof buf, &used, 8, "init"));
  EXPECT_EQ(used, 48u);
  EXPECT_FALSE(resmgr_dirent_add(buf, sizeof buf, &used, 9, "toolong"));  // needs 24, 16 left
  EXPECT_EQ(used, 48u);
  struct _io_dirent e;
  memcpy(&e, buf + 24, sizeof e);
  EXPECT_EQ(e.ino, 8u);
  EXPECT_EQ(e.namelen, 4u);
  EXPECT_STREQ(reinterpret_cast<const char*>(buf + 24 + sizeof e), "init");
}

TEST_F(ResmgrTest, RandomMessagesNeverHurtTheLibrary) {
  std::mt19937 rng(12345);
  unsigned char m[512];
  for (int round = 0; round < 20000; ++round) {
    const size_t len = rng() % sizeof m;
    for (size_t i = 0; i < len; ++i) m[i] = static_cast<unsigned char>(rng());
    if (len >= sizeof(struct _io_hdr)) {
      auto* h = reinterpret_cast<struct _io_hdr*>(m);
      h->type = static_cast<uint16_t>(_IO_BASE + rng() % 9);
      if (rng() % 2 != 0) h->size = static_cast<uint32_t>(len);
      if (h->type == _IO_CONNECT && len >= sizeof(struct _io_connect)) {
        auto* c = reinterpret_cast<struct _io_connect*>(m);
        c->hdr.subtype = static_cast<uint16_t>(rng() % 6);
        c->handle = static_cast<uint32_t>(rng() % 3);
        c->ioflag = static_cast<uint32_t>(rng() % 4);
        c->path_len = static_cast<uint16_t>(rng() % 8);
        c->extra_len = static_cast<uint16_t>(rng() % 4);
      }
      if (h->type == _IO_DUP && len >= sizeof(struct _io_dup)) {
        auto* dp = reinterpret_cast<struct _io_dup*>(m);
        dp->src_pid = 10 + static_cast<int32_t>(rng() % 2);
        dp->src_coid = static_cast<int32_t>(rng() % 4);
      }
    }
    g_parent = static_cast<int32_t>(10 + rng() % 2);
    const int32_t scoid = static_cast<int32_t>(1 + rng() % 8);
    (void)deliver(m, len, scoid, static_cast<int32_t>(10 + rng() % 2), static_cast<int32_t>(rng() % 4));
    if (rng() % 16 == 0) pulse_disconnect(static_cast<int32_t>(1 + rng() % 8));
  }
}

}  // namespace
}  // namespace qrv::libc
