// The integration point between libc and I/O servers: file descriptors are
// connections, and read/write/lseek/close/open become messages in the I/O
// protocol, which is not defined yet. Until it is, only the console fds
// (1 and 2) work, written to the kernel debug console; everything else fails
// with ENOSYS (EBADF for negative fds). Nothing pretends to succeed.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace qrv::libc {

// Each returns bytes / offset / 0 on success, or -errno.
long io_read(int fd, void* buf, size_t n);
long io_write(int fd, const void* buf, size_t n);
long io_lseek(int fd, int64_t offset, int whence);
long io_close(int fd);
long io_open(const char* path, int flags, uint32_t mode);

}  // namespace qrv::libc
