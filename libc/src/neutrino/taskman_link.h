// The integration point between libc and taskman: every POSIX call that needs
// the process manager (getpid, spawn, waitpid, open, mmap, ...) goes through
// taskman_call. taskman's message protocol is not defined yet, so until it is,
// taskman_call fails every request with ENOSYS: nothing pretends to succeed.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace qrv::libc {

enum class TaskmanOp : uint16_t {
  kGetPid = 1,
  kGetPpid = 2,
  kSpawn = 3,
  kWaitPid = 4,
  kMmapAnon = 5,
  kOpen = 6,
};

struct TaskmanMmapRequest {
  uint64_t bytes;
  uint64_t flags;
};
struct TaskmanMmapReply {
  uint64_t addr;
  uint64_t bytes;
};

// Sends `in` to taskman under `op` and receives up to out_len bytes into
// `out`. Returns taskman's status (>= 0) or -errno.
long taskman_call(TaskmanOp op, const void* in, size_t in_len, void* out, size_t out_len);

}  // namespace qrv::libc
