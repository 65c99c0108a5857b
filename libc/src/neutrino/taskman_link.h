// The integration point between libc and taskman: every POSIX call that
// needs the process manager (getpid, spawn, waitpid, mmap, ...) sends a
// sys/procmsg.h message on QRV_TASKMAN_COID, the connection the kernel gives
// every process taskman starts.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/abi/types.h"

namespace qrv::libc {

// Sends `msg` (len bytes, a struct _proc_hdr first) and receives up to
// out_len bytes of the reply into `out`. Returns taskman's status (>= 0) or
// -errno (EBADF: the process has no taskman, as the kernel's own test
// programs do not).
long taskman_send(const void* msg, size_t len, void* out, size_t out_len);

// The same with the message in parts (the first holding the header).
long taskman_sendv(const iov_t* parts, long nparts, void* out, size_t out_len);

}  // namespace qrv::libc
