// stdin, stdout and stderr, and the I/O operations of streams over file
// descriptors. stdout is line buffered, stderr unbuffered (C17 7.21.3).
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/stdio/file.h"
#include "libc/src/stdio/stdio_api.h"

namespace qrv::libc {
namespace {

int fd_of(void* cookie) { return *static_cast<const int32_t*>(cookie); }

long errno_result(long r) { return r < 0 ? -get_errno() : r; }

long fd_read(void* cookie, void* buf, size_t n) { return errno_result(read(fd_of(cookie), buf, n)); }
long fd_write(void* cookie, const void* buf, size_t n) { return errno_result(write(fd_of(cookie), buf, n)); }
long fd_seek(void* cookie, int64_t offset, int whence) { return errno_result(lseek(fd_of(cookie), offset, whence)); }
long fd_close(void* cookie) { return errno_result(close(fd_of(cookie))); }

unsigned char g_stdin_buf[kBufferSize];
unsigned char g_stdout_buf[kBufferSize];

extern File g_stdout_file;
extern File g_stderr_file;

File g_stdin_file = {&kFdOps, &g_stdin_file.fd_, g_stdin_buf, kBufferSize, 0, 0, kCanRead,
                     kLineBuffered, -1, 0, {}, 0, &g_stdout_file};
File g_stdout_file = {&kFdOps, &g_stdout_file.fd_, g_stdout_buf, kBufferSize, 0, 0, kCanWrite,
                      kLineBuffered, -1, 1, {}, 0, &g_stderr_file};
File g_stderr_file = {&kFdOps, &g_stderr_file.fd_, nullptr, 0, 0, 0, kCanWrite, kUnbuffered, -1, 2, {}, 0,
                      nullptr};

}  // namespace

const IoOps kFdOps = {fd_read, fd_write, fd_seek, fd_close};

File* g_stream_list = &g_stdin_file;
File* stdin = &g_stdin_file;
File* stdout = &g_stdout_file;
File* stderr = &g_stderr_file;

}  // namespace qrv::libc
