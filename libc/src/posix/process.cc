// Processes and signals: kill, raise, sigaction, sigprocmask over kernel
// calls (pid 0 and tid 0 name the caller); waitpid and posix_spawn over the
// taskman link.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

constexpr int kSigMax = 64;
constexpr int kSiUser = 0;  // si_code of a signal sent by kill()

bool valid_signal(int signo) { return signo >= 1 && signo <= kSigMax; }

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

QRV_LIBC_FN(int, kill, (pid_t pid, int signo)) {
  if (signo != 0 && !valid_signal(signo)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  return SignalKill(0, pid, 0, signo, kSiUser, 0);
}

QRV_LIBC_FN(int, raise, (int signo)) {
  if (!valid_signal(signo)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  return SignalKill(0, 0, 0, signo, kSiUser, 0);
}

QRV_LIBC_FN(int, sigaction, (int signo, const Sigaction* act, Sigaction* old)) {
  if (!valid_signal(signo)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  qrv_sigaction in = {0, 0, 0};
  qrv_sigaction out = {0, 0, 0};
  if (act != nullptr) {
    in.handler = reinterpret_cast<uintptr_t>(act->sa_handler);
    in.flags = static_cast<uint32_t>(act->sa_flags);
    in.mask = act->sa_mask;
  }
  // The kernel's delivery trampoline is not designed yet (no SignalReturn
  // call in the ABI): libc passes no trampoline, and the kernel decides.
  if (SignalAction(0, nullptr, signo, act != nullptr ? &in : nullptr, old != nullptr ? &out : nullptr) < 0) {
    return -1;
  }
  if (old != nullptr) {
    old->sa_handler = reinterpret_cast<void (*)(int)>(static_cast<uintptr_t>(out.handler));
    old->sa_mask = out.mask;
    old->sa_flags = static_cast<int32_t>(out.flags);
    old->reserved = 0;
  }
  return 0;
}

QRV_LIBC_FN(int, sigprocmask, (int how, const sigset_t* set, sigset_t* old)) {
  return SignalProcmask(0, 0, how, set, old);
}

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
