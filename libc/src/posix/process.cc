// Processes: waitpid and posix_spawn over the taskman link (signals are in
// signal.cc).
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

struct WaitRequest {
  int32_t pid;
  int32_t options;
};
struct WaitReply {
  int32_t pid;
  int32_t status;
};
struct SpawnRequest {
  uint64_t path;  // addresses in the caller's space; taskman reads them
  uint64_t argv;
  uint64_t envp;
};
struct SpawnReply {
  int32_t pid;
  int32_t reserved;
};

uint64_t address_of(const void* p) { return reinterpret_cast<uintptr_t>(p); }

}  // namespace

QRV_LIBC_FN(pid_t, waitpid, (pid_t pid, int* status, int options)) {
  const WaitRequest req = {pid, options};
  WaitReply reply = {0, 0};
  const long r = taskman_call(TaskmanOp::kWaitPid, &req, sizeof(req), &reply, sizeof(reply));
  if (r < 0) return static_cast<pid_t>(from_kernel_result(r));
  if (status != nullptr) *status = reply.status;
  return reply.pid;
}

// Returns an error number (POSIX), not -1.
QRV_LIBC_FN(int, posix_spawn, (pid_t * pid, const char* path, const void* file_actions, const void* attr,
                               char* const argv[], char* const envp[])) {
  if (path == nullptr || argv == nullptr) return QRV_EINVAL;
  if (file_actions != nullptr || attr != nullptr) return QRV_ENOTSUP;
  const SpawnRequest req = {address_of(path), address_of(argv), address_of(envp)};
  SpawnReply reply = {0, 0};
  const long r = taskman_call(TaskmanOp::kSpawn, &req, sizeof(req), &reply, sizeof(reply));
  if (r < 0) return static_cast<int>(-r);
  if (pid != nullptr) *pid = reply.pid;
  return 0;
}

}  // namespace qrv::libc
