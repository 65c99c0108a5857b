// io_*: see io_link.h. One message per call; the server's answer is the
// result. Descriptors are the kernel's fd-range coids, so libc keeps no fd
// table of its own: the kernel knows each one's server (ConnectServerInfo)
// and close-on-exec flag (ConnectFlags).
#include "libc/src/neutrino/io_link.h"

#include "kernel/abi/errno.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"

namespace qrv::libc {
namespace {

constexpr int kConsoleOut = 1;
constexpr int kConsoleErr = 2;
constexpr int kOCloexec = 02000000;  // O_CLOEXEC: the kernel's flag, not the server's

size_t length(const char* s) {
  size_t n = 0;
  while (s[n] != '\0') ++n;
  return n;
}

// The fd-range coids only: a side channel (taskman's) is no descriptor.
bool in_fd_range(int fd) { return fd >= 0 && fd < kFdMax; }

long send(int fd, const iov_t* parts, long nparts, const iov_t* reply, long nreply) {
  if (!in_fd_range(fd)) return -QRV_EBADF;
  return MsgSendv_r(fd, parts, nparts, reply, nreply);
}

// Where path lives: the server's connection and the rest of the path (rest
// holds _IO_PATH_MAX bytes).
long resolve(const char* path, struct _proc_path_reply* where, char* rest) {
  const size_t len = length(path) + 1;
  if (len > _PROC_PATH_MAX) return -QRV_ENAMETOOLONG;
  struct _proc_path m = {{_PROC_PATH_RESOLVE, 0, static_cast<uint32_t>(sizeof m + len)}, 0, 0, 0,
                         static_cast<uint32_t>(len)};
  const iov_t parts[2] = {{&m, sizeof m}, {const_cast<char*>(path), len}};
  const iov_t reply[2] = {{where, sizeof *where}, {rest, _IO_PATH_MAX}};
  const long r = MsgSendv_r(QRV_TASKMAN_COID, parts, 2, reply, 2);
  if (r < 0) return r;
  if (where->rest_len == 0 || where->rest_len > _IO_PATH_MAX || rest[where->rest_len - 1] != '\0') return -QRV_EIO;
  return 0;
}

// Resolves path, connects to its server (at the lowest fd >= 0, or the
// lowest side channel) and sends the connect message; the new coid, still
// attached, or -errno (detached).
long connect(const char* path, uint16_t subtype, uint32_t ioflag, uint32_t mode, const char* extra,
             uint32_t cof_flags, bool side = false) {
  struct _proc_path_reply where = {};
  char rest[_IO_PATH_MAX];
  if (const long r = resolve(path, &where, rest); r < 0) return r;
  const size_t extra_len = extra != nullptr ? length(extra) + 1 : 0;
  if (extra_len > _IO_PATH_MAX) return -QRV_ENAMETOOLONG;
  const unsigned index = side ? QRV_NTO_SIDE_CHANNEL : 0;
  const int coid = ConnectAttach_r(0, where.pid, where.chid, index, static_cast<int>(cof_flags));
  if (coid < 0) return coid == -QRV_EAGAIN ? -QRV_EMFILE : coid;
  struct _io_connect m = {};
  m.hdr = {_IO_CONNECT, subtype, static_cast<uint32_t>(sizeof m + where.rest_len + extra_len)};
  m.handle = where.handle;
  m.ioflag = ioflag;
  m.mode = mode;
  m.path_len = static_cast<uint16_t>(where.rest_len);
  m.extra_len = static_cast<uint16_t>(extra_len);
  const iov_t parts[3] = {{&m, sizeof m}, {rest, where.rest_len}, {const_cast<char*>(extra), extra_len}};
  const long r = MsgSendv_r(coid, parts, extra_len != 0 ? 3 : 2, nullptr, 0);
  if (r < 0) {
    (void)ConnectDetach_r(coid);
    return r;
  }
  return coid;
}

long transfer(int fd, uint16_t type, uint16_t xtype, const iov_t* data, int n, int64_t offset) {
  if (n < 0 || n > 16) return -QRV_EINVAL;
  uint64_t total = 0;
  for (int i = 0; i < n; ++i) total += data[i].iov_len;
  if (total > (uint64_t{1} << 62)) return -QRV_EINVAL;
  iov_t parts[17];
  if (type == _IO_READ) {
    struct _io_read m = {{_IO_READ, xtype, sizeof m}, total, static_cast<uint64_t>(offset)};
    parts[0] = {&m, sizeof m};
    return send(fd, parts, 1, data, n);
  }
  struct _io_write m = {{_IO_WRITE, xtype, static_cast<uint32_t>(sizeof m + total)}, total,
                        static_cast<uint64_t>(offset)};
  if (sizeof m + total > UINT32_MAX) return -QRV_EINVAL;  // one message says its size in 32 bits
  parts[0] = {&m, sizeof m};
  for (int i = 0; i < n; ++i) parts[i + 1] = data[i];
  long r = send(fd, parts, n + 1, nullptr, 0);
  if (r == -QRV_EBADF && (fd == kConsoleOut || fd == kConsoleErr) && xtype == 0 && !io_is_fd(fd)) {
    // No console connection yet: the kernel's debug console.
    for (int i = 0; i < n; ++i) {
      const int w = DebugConsoleWrite_r(static_cast<const char*>(data[i].iov_base), data[i].iov_len);
      if (w < 0) return w;
    }
    r = static_cast<long>(total);
  }
  return r;
}

}  // namespace

bool io_is_fd(int fd) {
  struct qrv_server_info info = {};
  return in_fd_range(fd) && ConnectServerInfo_r(0, fd, &info) == fd;
}

long io_read(int fd, void* buf, size_t n) {
  const iov_t part = {buf, n};
  return transfer(fd, _IO_READ, 0, &part, 1, 0);
}

long io_write(int fd, const void* buf, size_t n) {
  const iov_t part = {const_cast<void*>(buf), n};
  return transfer(fd, _IO_WRITE, 0, &part, 1, 0);
}

long io_readv(int fd, const iov_t* iov, int n) { return transfer(fd, _IO_READ, 0, iov, n, 0); }
long io_writev(int fd, const iov_t* iov, int n) { return transfer(fd, _IO_WRITE, 0, iov, n, 0); }

long io_pread(int fd, void* buf, size_t n, int64_t offset) {
  if (offset < 0) return -QRV_EINVAL;
  const iov_t part = {buf, n};
  return transfer(fd, _IO_READ, _IO_XTYPE_OFFSET, &part, 1, offset);
}

long io_pwrite(int fd, const void* buf, size_t n, int64_t offset) {
  if (offset < 0) return -QRV_EINVAL;
  const iov_t part = {const_cast<void*>(buf), n};
  return transfer(fd, _IO_WRITE, _IO_XTYPE_OFFSET, &part, 1, offset);
}

long io_lseek(int fd, int64_t offset, int whence) {
  struct _io_lseek m = {{_IO_LSEEK, 0, sizeof m}, offset, whence, 0};
  const iov_t part = {&m, sizeof m};
  return send(fd, &part, 1, nullptr, 0);
}

long io_close(int fd) {
  if (!in_fd_range(fd)) return -QRV_EBADF;
  struct _io_hdr m = {_IO_CLOSE, 0, sizeof m};
  const iov_t part = {&m, sizeof m};
  // The server's answer does not matter: the descriptor goes regardless (a
  // server that has died closed it already).
  (void)MsgSendv_r(fd, &part, 1, nullptr, 0);
  const int r = ConnectDetach_r(fd);
  return r == -QRV_EINVAL ? -QRV_EBADF : r;
}

namespace {
long stat_of(int coid, struct _io_stat_reply* st) {
  struct _io_hdr m = {_IO_STAT, 0, sizeof m};
  const iov_t part = {&m, sizeof m};
  const iov_t reply = {st, sizeof *st};
  return MsgSendv_r(coid, &part, 1, &reply, 1);
}

bool is_quiet(int coid) { return coid > static_cast<int>(QRV_TASKMAN_COID); }  // a side channel, not taskman's
}  // namespace

long io_stat(int fd, struct _io_stat_reply* st) { return in_fd_range(fd) ? stat_of(fd, st) : -QRV_EBADF; }
long io_stat_quiet(int coid, struct _io_stat_reply* st) { return is_quiet(coid) ? stat_of(coid, st) : -QRV_EBADF; }

long io_devctl(int fd, uint32_t dcmd, void* data, size_t in_bytes, size_t out_bytes, int* ret_val) {
  if (in_bytes > UINT32_MAX - sizeof(struct _io_devctl)) return -QRV_EINVAL;
  struct _io_devctl m = {{_IO_DEVCTL, 0, static_cast<uint32_t>(sizeof m + in_bytes)}, dcmd,
                         static_cast<uint32_t>(in_bytes)};
  struct _io_devctl_reply r = {};
  const iov_t parts[2] = {{&m, sizeof m}, {data, in_bytes}};
  const iov_t reply[2] = {{&r, sizeof r}, {data, out_bytes}};
  const long e = send(fd, parts, 2, reply, 2);
  if (e < 0) return e;
  if (ret_val != nullptr) *ret_val = r.ret_val;
  return 0;
}

long io_open(const char* path, int flags, uint32_t mode) { return io_open_extra(path, flags, mode, nullptr); }

long io_open_extra(const char* path, int flags, uint32_t mode, const char* extra) {
  if (path == nullptr) return -QRV_EFAULT;
  const uint32_t cof = (flags & kOCloexec) != 0 ? QRV_NTO_COF_CLOEXEC : 0;
  const uint32_t ioflag = static_cast<uint32_t>(flags) & ~static_cast<uint32_t>(kOCloexec);
  return connect(path, _IO_CONNECT_OPEN, ioflag, mode, extra, cof);
}

long io_connect_only(const char* path, uint16_t subtype, uint32_t mode, const char* extra) {
  if (path == nullptr) return -QRV_EFAULT;
  const long coid = connect(path, subtype, _IO_FLAG_NOACCESS, mode, extra, 0, true);
  if (coid < 0) return coid;
  (void)ConnectDetach_r(static_cast<int>(coid));
  return 0;
}

long io_open_quiet(const char* path, int flags) {
  if (path == nullptr) return -QRV_EFAULT;
  const uint32_t ioflag = (_IO_FLAG_NOACCESS | static_cast<uint32_t>(flags)) & ~static_cast<uint32_t>(kOCloexec);
  return connect(path, _IO_CONNECT_OPEN, ioflag, 0, nullptr, 0, true);
}

long io_close_quiet(int coid) {
  if (!is_quiet(coid)) return -QRV_EBADF;  // a descriptor is close()'s, taskman's link nobody's
  struct _io_hdr m = {_IO_CLOSE, 0, sizeof m};
  const iov_t part = {&m, sizeof m};
  (void)MsgSendv_r(coid, &part, 1, nullptr, 0);
  return ConnectDetach_r(coid);
}

long io_dup(int fd, int min) {
  if (min < 0 || min >= kFdMax) return -QRV_EINVAL;
  struct qrv_server_info info = {};
  if (!in_fd_range(fd) || ConnectServerInfo_r(0, fd, &info) != fd) return -QRV_EBADF;
  if (info.pid == 0) return -QRV_EBADF;  // its server is gone
  const int coid = ConnectAttach_r(0, info.pid, info.chid, static_cast<unsigned>(min), 0);
  if (coid < 0) return coid == -QRV_EAGAIN ? -QRV_EMFILE : coid;
  struct _io_dup m = {{_IO_DUP, 0, sizeof m}, 0, fd};  // src_pid 0: this process;
  const iov_t part = {&m, sizeof m};
  const long r = MsgSendv_r(coid, &part, 1, nullptr, 0);
  if (r < 0) {
    (void)ConnectDetach_r(coid);
    return r;
  }
  return coid;
}

long io_dup2(int fd, int fd2) {
  if (!io_is_fd(fd)) return -QRV_EBADF;
  if (!in_fd_range(fd2)) return -QRV_EBADF;
  if (fd == fd2) return fd2;
  if (io_is_fd(fd2)) (void)io_close(fd2);
  const long coid = io_dup(fd, fd2);
  if (coid == -QRV_EMFILE) return -QRV_EBADF;  // fd2 is past RLIMIT_NOFILE (POSIX: EBADF)
  if (coid >= 0 && coid != fd2) {  // another thread took fd2 meanwhile
    (void)io_close(static_cast<int>(coid));
    return -QRV_EBUSY;
  }
  return coid;
}

}  // namespace qrv::libc
