// read, write, lseek, close, open over the I/O link (the other file calls
// are in file.cc); sched_yield over SchedYield (the process ids are in
// process.cc). Failures: -1 and errno.
#include <stdarg.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/io_link.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

constexpr int kOCreat = 0100;  // O_CREAT: the only flag that reads `mode`
constexpr int kOAccmode = 03;

}  // namespace

QRV_LIBC_FN(ssize_t, read, (int fd, void* buf, size_t n)) { return from_kernel_result(io_read(fd, buf, n)); }

QRV_LIBC_FN(ssize_t, write, (int fd, const void* buf, size_t n)) {
  return from_kernel_result(io_write(fd, buf, n));
}

QRV_LIBC_FN(off_t, lseek, (int fd, off_t offset, int whence)) {
  return from_kernel_result(io_lseek(fd, offset, whence));
}

QRV_LIBC_FN(int, close, (int fd)) { return static_cast<int>(from_kernel_result(io_close(fd))); }

QRV_LIBC_FN(int, open, (const char* path, int flags, ...)) {
  uint32_t mode = 0;
  if ((flags & kOCreat) != 0) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, uint32_t);
    va_end(ap);
  }
  // Access mode 3 is the I/O link's no-access open (stat's), not the caller's.
  if ((flags & kOAccmode) == kOAccmode) return static_cast<int>(from_kernel_result(-QRV_EINVAL));
  return static_cast<int>(from_kernel_result(io_open(path, flags, mode)));
}

QRV_LIBC_FN(int, sched_yield, ()) { return SchedYield(); }

}  // namespace qrv::libc
