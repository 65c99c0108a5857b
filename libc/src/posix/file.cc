// Files and descriptors over the I/O link (libc/src/neutrino/io_link.h):
// stat and its kin, dup, fcntl, vectored and positioned I/O, the cwd, and
// the namespace calls the servers answer (unlink, mkdir, rmdir, rename).
// Failures: -1 and errno.
#include <stdarg.h>

#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/io_link.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

constexpr int kODirectory = 0200000;
constexpr uint32_t kSIfdir = 0040000;

void fill_stat(const struct _io_stat_reply& r, Stat* st) {
  *st = Stat{};
  st->st_dev = r.dev;
  st->st_ino = r.ino;
  st->st_mode = r.mode;
  st->st_nlink = r.nlink;
  st->st_uid = r.uid;
  st->st_gid = r.gid;
  st->st_size = static_cast<int64_t>(r.size);
  st->st_blksize = r.blksize;
  st->st_blocks = static_cast<int64_t>((r.size + 511) / 512);
  const auto ts = [](int64_t ns) { return qrv_timespec{ns / 1000000000, ns % 1000000000}; };
  st->st_atim = ts(r.atime_ns);
  st->st_mtim = ts(r.mtime_ns);
  st->st_ctim = ts(r.ctime_ns);
}

// Opens path for no access (stat, chdir, access), or -errno.
long open_quiet(const char* path, int extra_flags) { return io_open_quiet(path, extra_flags); }

int result(long r) { return static_cast<int>(from_kernel_result(r < 0 ? r : 0)); }

}  // namespace

QRV_LIBC_FN(int, fstat, (int fd, Stat* st)) {
  struct _io_stat_reply r = {};
  const long e = io_stat(fd, &r);
  if (e < 0) return result(e);
  fill_stat(r, st);
  return 0;
}

QRV_LIBC_FN(int, stat, (const char* path, Stat* st)) {
  const long fd = open_quiet(path, 0);
  if (fd < 0) return result(fd);
  struct _io_stat_reply r = {};
  const long e = io_stat_quiet(static_cast<int>(fd), &r);
  (void)io_close_quiet(static_cast<int>(fd));
  if (e < 0) return result(e);
  fill_stat(r, st);
  return 0;
}

// No symbolic links yet: lstat is stat.
QRV_LIBC_FN(int, lstat, (const char* path, Stat* st)) { return stat(path, st); }

QRV_LIBC_FN(int, access, (const char* path, int mode)) {
  if ((mode & ~7) != 0) return result(-QRV_EINVAL);
  Stat st;
  if (stat(path, &st) != 0) return -1;
  // No credentials yet: a permission anyone has.
  const uint32_t want = static_cast<uint32_t>(mode);  // R_OK 4, W_OK 2, X_OK 1
  const uint32_t have = (st.st_mode | st.st_mode >> 3 | st.st_mode >> 6) & 7;
  return (want & ~have) != 0 ? result(-QRV_EACCES) : 0;
}

QRV_LIBC_FN(int, chdir, (const char* path)) {
  const long fd = open_quiet(path, kODirectory);
  if (fd < 0) return result(fd);
  (void)io_close_quiet(static_cast<int>(fd));
  const size_t len = strlen(path) + 1;
  struct _proc_path m = {{_PROC_CHDIR, 0, static_cast<uint32_t>(sizeof m + len)}, 0, 0, 0,
                         static_cast<uint32_t>(len)};
  const iov_t parts[2] = {{&m, sizeof m}, {const_cast<char*>(path), len}};
  return result(taskman_sendv(parts, 2, nullptr, 0));
}

QRV_LIBC_FN(char*, getcwd, (char* buf, size_t size)) {
  if (buf == nullptr || size == 0) {
    set_errno(buf == nullptr ? QRV_EFAULT : QRV_EINVAL);
    return nullptr;
  }
  char cwd[_PROC_PATH_MAX];
  struct _proc_hdr m = {_PROC_GETCWD, 0, sizeof m};
  const long r = taskman_send(&m, sizeof m, cwd, sizeof cwd);
  if (r < 0) {
    set_errno(static_cast<int>(-r));
    return nullptr;
  }
  cwd[sizeof cwd - 1] = '\0';
  const size_t len = strlen(cwd) + 1;
  if (len > size) {
    set_errno(QRV_ERANGE);
    return nullptr;
  }
  memcpy(buf, cwd, len);
  return buf;
}

QRV_LIBC_FN(int, unlink, (const char* path)) { return result(io_connect_only(path, _IO_CONNECT_UNLINK, 0, nullptr)); }

QRV_LIBC_FN(int, rmdir, (const char* path)) {
  return result(io_connect_only(path, _IO_CONNECT_UNLINK, kSIfdir, nullptr));
}

QRV_LIBC_FN(int, mkdir, (const char* path, mode_t mode)) {
  return result(io_connect_only(path, _IO_CONNECT_MKDIR, kSIfdir | (mode & 07777), nullptr));
}

// Both names must be below one mount point: the server of `to` is asked,
// with `from` as seen from the same mount point (EXDEV otherwise).
QRV_LIBC_FN(int, rename, (const char* from, const char* to)) {
  if (from == nullptr || to == nullptr) return result(-QRV_EFAULT);
  return result(io_connect_only(to, _IO_CONNECT_RENAME, 0, from));
}

// A file, or else an empty directory.
QRV_LIBC_FN(int, remove, (const char* path)) {
  const long r = io_connect_only(path, _IO_CONNECT_UNLINK, 0, nullptr);
  if (r != -QRV_EISDIR) return result(r);
  return rmdir(path);
}

QRV_LIBC_FN(int, dup, (int fd)) { return static_cast<int>(from_kernel_result(io_dup(fd, 0))); }

QRV_LIBC_FN(int, dup2, (int fd, int fd2)) { return static_cast<int>(from_kernel_result(io_dup2(fd, fd2))); }

QRV_LIBC_FN(int, fcntl, (int fd, int cmd, ...)) {
  va_list ap;
  va_start(ap, cmd);
  const long arg = va_arg(ap, long);
  va_end(ap);
  switch (cmd) {
    case kFDupfd:
    case kFDupfdCloexec: {
      const long r = io_dup(fd, static_cast<int>(arg));
      if (r >= 0 && cmd == kFDupfdCloexec) (void)ConnectFlags_r(0, static_cast<int>(r), QRV_NTO_COF_CLOEXEC, QRV_NTO_COF_CLOEXEC);
      return static_cast<int>(from_kernel_result(r));
    }
    case kFGetfd: {
      if (!io_is_fd(fd)) return result(-QRV_EBADF);
      const int r = ConnectFlags_r(0, fd, 0, 0);
      return r < 0 ? result(r) : ((r & QRV_NTO_COF_CLOEXEC) != 0 ? kFdCloexec : 0);
    }
    case kFSetfd: {
      if (!io_is_fd(fd)) return result(-QRV_EBADF);
      const unsigned bits = (arg & kFdCloexec) != 0 ? QRV_NTO_COF_CLOEXEC : 0;
      return result(ConnectFlags_r(0, fd, QRV_NTO_COF_CLOEXEC, bits));
    }
    case kFGetfl: {
      int flags = 0;
      const long r = io_devctl(fd, _IO_DCMD_GETFLAGS, nullptr, 0, 0, &flags);
      return r < 0 ? result(r) : flags;
    }
    case kFSetfl: {
      uint32_t flags = static_cast<uint32_t>(arg);
      int now = 0;
      return result(io_devctl(fd, _IO_DCMD_SETFLAGS, &flags, sizeof flags, 0, &now));
    }
    default:
      return result(-QRV_EINVAL);
  }
}

// QNX's devctl: the error number (EOK 0), not -1; *info gets the server's
// ret_val. data holds nbytes both ways.
QRV_LIBC_FN(int, devctl, (int fd, int dcmd, void* data, size_t nbytes, int* info)) {
  int ret = 0;
  const long r = io_devctl(fd, static_cast<uint32_t>(dcmd), data, nbytes, nbytes, &ret);
  if (r < 0) return static_cast<int>(-r);
  if (info != nullptr) *info = ret;
  return 0;
}

QRV_LIBC_FN(int, ioctl, (int fd, unsigned long request, ...)) {
  va_list ap;
  va_start(ap, request);
  void* arg = va_arg(ap, void*);
  va_end(ap);
  // The size of the argument is in the request (the _IOR/_IOW encoding).
  const size_t size = (request >> 16) & 0x3fff;
  int ret = 0;
  const long r = io_devctl(fd, static_cast<uint32_t>(request), arg, size, size, &ret);
  return r < 0 ? result(r) : ret;
}

// The pipe manager (/dev/pipe): an open makes a pipe and its read end; a
// second open naming the first is its write end. Only O_CLOEXEC and
// O_NONBLOCK may be given.
QRV_LIBC_FN(int, pipe2, (int fds[2], int flags)) {
  constexpr int kOk = 02000000 | 04000;  // O_CLOEXEC | O_NONBLOCK
  if ((flags & ~kOk) != 0) return result(-QRV_EINVAL);
  const long r = io_open("/dev/pipe", flags, 0);  // O_RDONLY
  if (r < 0) return result(r);
  char peer[12];
  int n = 0;
  for (long v = r; n == 0 || v != 0; v /= 10) peer[n++] = static_cast<char>('0' + v % 10);
  for (int i = 0; i < n / 2; ++i) {
    const char c = peer[i];
    peer[i] = peer[n - 1 - i];
    peer[n - 1 - i] = c;
  }
  peer[n] = '\0';
  const long w = io_open_extra("/dev/pipe", flags | 01, 0, peer);  // O_WRONLY
  if (w < 0) {
    (void)io_close(static_cast<int>(r));
    return result(w);
  }
  fds[0] = static_cast<int>(r);
  fds[1] = static_cast<int>(w);
  return 0;
}

QRV_LIBC_FN(int, pipe, (int fds[2])) { return pipe2(fds, 0); }

QRV_LIBC_FN(ssize_t, readv, (int fd, const Iovec* iov, int n)) {
  return from_kernel_result(io_readv(fd, reinterpret_cast<const iov_t*>(iov), n));
}

QRV_LIBC_FN(ssize_t, writev, (int fd, const Iovec* iov, int n)) {
  return from_kernel_result(io_writev(fd, reinterpret_cast<const iov_t*>(iov), n));
}

QRV_LIBC_FN(ssize_t, pread, (int fd, void* buf, size_t n, off_t offset)) {
  return from_kernel_result(io_pread(fd, buf, n, offset));
}

QRV_LIBC_FN(ssize_t, pwrite, (int fd, const void* buf, size_t n, off_t offset)) {
  return from_kernel_result(io_pwrite(fd, buf, n, offset));
}

}  // namespace qrv::libc
