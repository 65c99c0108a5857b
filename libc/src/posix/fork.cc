// fork over taskman's _PROC_FORK (sys/procmsg.h), and pthread_atfork.
// __qrv_fork_save (fork_riscv.S) saves the callee-saved registers (integer
// and floating point, gp, tp, fcsr) in a frame on the caller's stack and
// calls __qrv_fork_send with where the child resumes: the frame, and the
// code that restores it and returns 0. taskman copies the whole address
// space while the caller waits in the message, the frame with it, so the
// child returns from fork() exactly as the parent does, with 0 where the
// parent has the child's pid. Descriptors are inherited at the same numbers
// (close-on-exec kept), the signal mask is the caller's, actions are
// copied, nothing is pending, and no timer or channel comes along.
#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/posix/spawn_fds.h"

namespace qrv::libc {

namespace {

// pthread_atfork's handlers, in the order registered.
constexpr int kAtforkMax = 32;
struct Atfork {
  void (*prepare)();
  void (*parent)();
  void (*child)();
};
Atfork g_atfork[kAtforkMax];
int g_natfork = 0;  // entries below it are complete (release / acquire)
Lock g_atfork_lock;  // between registrations

}  // namespace

QRV_LIBC_FN(int, pthread_atfork, (void (*prepare)(), void (*parent)(), void (*child)())) {
  LockGuard guard(g_atfork_lock);
  if (g_natfork == kAtforkMax) return QRV_ENOMEM;
  g_atfork[g_natfork] = Atfork{prepare, parent, child};
  __atomic_store_n(&g_natfork, g_natfork + 1, __ATOMIC_RELEASE);
  return 0;
}

// The message and its answer: the child's pid, or -1 with errno. `entry`
// and `sp`: where the child's thread starts (fork_riscv.S's frame).
extern "C" pid_t __qrv_fork_send(uint64_t entry, uint64_t sp) {
  const int natfork = __atomic_load_n(&g_natfork, __ATOMIC_ACQUIRE);  // (a handler may register more)
  for (int i = natfork - 1; i >= 0; --i) {
    if (g_atfork[i].prepare != nullptr) g_atfork[i].prepare();
  }
  struct _proc_fork m = {};
  struct _proc_spawn_fd fds[kFdMax];
  m.nfds = open_fds(fds, &m.cloexec);
  m.hdr = {_PROC_FORK, 0, static_cast<uint32_t>(sizeof m + m.nfds * sizeof fds[0])};
  m.entry = entry;
  m.sp = sp;
  long r = SignalProcmask_r(0, 0, QRV_SIG_BLOCK, nullptr, &m.sigmask);
  _proc_spawn_reply reply = {0, 0};
  if (r >= 0) {
    const iov_t parts[2] = {{&m, sizeof m}, {fds, m.nfds * sizeof fds[0]}};
    r = taskman_sendv(parts, 2, &reply, sizeof reply);
  }
  for (int i = 0; i < natfork; ++i) {
    if (g_atfork[i].parent != nullptr) g_atfork[i].parent();
  }
  if (r < 0) {
    set_errno(static_cast<int>(-r));
    return -1;
  }
  return reply.pid;
}

extern "C" pid_t __qrv_fork_save();  // fork_riscv.S, or fork_host.cc

// (A tail call: the child returns through this frame, copied, as the parent does.)
QRV_LIBC_FN(pid_t, fork, ()) { return __qrv_fork_save(); }

// The child, on its way out of fork(): its one thread is the kernel's tid 1
// (LOADER_DONE's thread), it has a pid of its own and no alarm timer yet.
extern "C" void __qrv_fork_child() {
  __atomic_store_n(&current_thread_block()->tid_, 1, __ATOMIC_RELAXED);
  fork_forget_pid();
  fork_forget_alarm();
  const int natfork = __atomic_load_n(&g_natfork, __ATOMIC_ACQUIRE);
  for (int i = 0; i < natfork; ++i) {
    if (g_atfork[i].child != nullptr) g_atfork[i].child();
  }
}

}  // namespace qrv::libc
