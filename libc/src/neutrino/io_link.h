// The integration point between libc and I/O servers: a file descriptor is
// a connection (an fd-range coid) to the server that owns the file, and
// every call on it is one sys/iomsg.h message. Opening asks taskman's path
// manager which server owns the path, connects to it and sends the
// _IO_CONNECT there. The POSIX calls (unistd.cc, file.cc, dir.cc) are thin
// wrappers over these.
//
// Until a console driver serves them, fds 1 and 2 of a process that has no
// such connection write to the kernel's debug console (a write to a coid
// that does not exist fails with EBADF, and only then).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/abi/types.h"
#include "libc/include/sys/iomsg.h"

namespace qrv::libc {

inline constexpr int kFdMax = 64;  // the kernel's fd-range coids (OPEN_MAX)

// Each returns bytes / an offset / a descriptor / 0 on success, or -errno.
long io_read(int fd, void* buf, size_t n);
long io_write(int fd, const void* buf, size_t n);
long io_readv(int fd, const iov_t* iov, int n);
long io_writev(int fd, const iov_t* iov, int n);
long io_pread(int fd, void* buf, size_t n, int64_t offset);
long io_pwrite(int fd, const void* buf, size_t n, int64_t offset);
long io_lseek(int fd, int64_t offset, int whence);
long io_close(int fd);
long io_stat(int fd, struct _io_stat_reply* st);
long io_devctl(int fd, uint32_t dcmd, void* data, size_t in_bytes, size_t out_bytes, int* ret_val);

// open(path, flags, mode), O_CLOEXEC included; flags' access mode may be
// _IO_FLAG_NOACCESS (stat, chdir, access: the file is neither read nor
// written).
long io_open(const char* path, int flags, uint32_t mode);

// An open whose connect message carries `extra` too (pipe()'s second end
// names its first).
long io_open_extra(const char* path, int flags, uint32_t mode, const char* extra);

// A connect message that binds nothing (_IO_CONNECT_UNLINK, MKDIR, RENAME);
// `extra` for rename's source, else nullptr.
long io_connect_only(const char* path, uint16_t subtype, uint32_t mode, const char* extra);

// An open for no access that takes no descriptor (stat, chdir): a side-channel
// connection, so it works at RLIMIT_NOFILE as on a system where stat uses no
// fd. Only io_stat_quiet and io_close_quiet take what it returns.
long io_open_quiet(const char* path, int flags);
long io_stat_quiet(int coid, struct _io_stat_reply* st);
long io_close_quiet(int coid);

// dup: the lowest free fd >= min sharing fd's open file; dup2: exactly fd2.
long io_dup(int fd, int min);
long io_dup2(int fd, int fd2);

// Whether fd is open here (a live or dead connection in the fd range).
bool io_is_fd(int fd);

}  // namespace qrv::libc
