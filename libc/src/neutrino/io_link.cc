// io_*: see io_link.h. INTEGRATION POINT: when the I/O message protocol
// exists, each function becomes MsgSendv on the fd's connection (and io_open
// a path lookup through taskman); these five functions are all that change.
#include "libc/src/neutrino/io_link.h"

#include "kernel/abi/errno.h"
#include "libc/src/neutrino/neutrino_api.h"

namespace qrv::libc {
namespace {

constexpr int kConsoleOut = 1;
constexpr int kConsoleErr = 2;

}  // namespace

long io_read(int fd, void* buf, size_t n) {
  (void)buf;
  (void)n;
  return fd < 0 ? -QRV_EBADF : -QRV_ENOSYS;
}

long io_write(int fd, const void* buf, size_t n) {
  if (fd < 0) return -QRV_EBADF;
  if (fd != kConsoleOut && fd != kConsoleErr) return -QRV_ENOSYS;
  const int r = DebugConsoleWrite_r(static_cast<const char*>(buf), n);
  return r < 0 ? r : static_cast<long>(n);
}

long io_lseek(int fd, int64_t offset, int whence) {
  (void)offset;
  (void)whence;
  if (fd < 0) return -QRV_EBADF;
  // The console is a terminal: not seekable.
  return (fd == kConsoleOut || fd == kConsoleErr) ? -QRV_ESPIPE : -QRV_ENOSYS;
}

long io_close(int fd) { return fd < 0 ? -QRV_EBADF : -QRV_ENOSYS; }

long io_open(const char* path, int flags, uint32_t mode) {
  (void)path;
  (void)flags;
  (void)mode;
  return -QRV_ENOSYS;
}

}  // namespace qrv::libc
