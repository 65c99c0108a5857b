// Signals: kill, raise, pthread_kill, sigaction, signal, sigprocmask and
// pthread_sigmask over SignalKill, SignalAction and SignalProcmask (pid 0 and
// tid 0 name the caller). Every handler is entered through __qrv_sigstub.
#include "kernel/abi/errno.h"
#include "kernel/abi/kercalls.h"
#include "kernel/abi/signals.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/posix/sigstub.h"

static_assert(QRV_SIGSTUB_SIGNAL_RETURN == __KER_SIGNAL_RETURN, "sigstub.h names the wrong kernel call");

namespace qrv::libc {
namespace {

constexpr int kSigMax = 64;
constexpr int kSiUser = 0;  // si_code of a signal sent by kill()

bool valid_signal(int signo) { return signo >= 1 && signo <= kSigMax; }

using Handler = void (*)(int);

Handler handler_of(uint64_t word) { return reinterpret_cast<Handler>(static_cast<uintptr_t>(word)); }

// The entry the kernel jumps to for every handler (sigstub.h).
void (*stub())() { return reinterpret_cast<void (*)()>(&__qrv_sigstub); }

}  // namespace

QRV_LIBC_FN(int, kill, (pid_t pid, int signo)) {
  if (signo != 0 && !valid_signal(signo)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  if (pid > 0) return SignalKill(0, pid, 0, signo, kSiUser, 0);
  // Groups are taskman's: 0 is the caller's, -1 everyone, -g group g.
  pid_t group = pid == -1 ? -1 : -pid;
  if (pid == 0) {
    group = getpgrp();
    // Without a process manager (the kernel's own test programs) a process
    // is alone in its group.
    if (group < 0) return get_errno() == QRV_EBADF ? SignalKill(0, 0, 0, signo, kSiUser, 0) : -1;
  }
  return taskman_kill_group(group, signo);
}

// POSIX: the calling thread; its handler has run when raise returns.
QRV_LIBC_FN(int, raise, (int signo)) {
  if (!valid_signal(signo)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  return SignalKill(0, 0, current_thread_block()->tid_, signo, kSiUser, 0);
}

// Returns an error number (POSIX), not -1.
QRV_LIBC_FN(int, pthread_kill, (pthread_t thread, int signo)) {
  auto* block = reinterpret_cast<ThreadBlock*>(thread);
  if (block == nullptr || block->self_ != block) return QRV_ESRCH;
  if (signo != 0 && !valid_signal(signo)) return QRV_EINVAL;
  const int r = SignalKill_r(0, 0, __atomic_load_n(&block->tid_, __ATOMIC_RELAXED), signo, kSiUser, 0);
  return r < 0 ? -r : 0;
}

namespace {
// The signals this process ignores, as sigaction set them: posix_spawn
// passes them on (POSIX: ignored signals stay ignored across exec).
uint64_t g_ignored = 0;
}  // namespace

uint64_t ignored_signals() { return __atomic_load_n(&g_ignored, __ATOMIC_RELAXED); }

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
  if (SignalAction(0, stub(), signo, act != nullptr ? &in : nullptr, old != nullptr ? &out : nullptr) < 0) {
    return -1;
  }
  if (act != nullptr) {
    const uint64_t bit = uint64_t{1} << (signo - 1);
    if (in.handler == QRV_SIG_IGN) {
      __atomic_fetch_or(&g_ignored, bit, __ATOMIC_RELAXED);
    } else {
      __atomic_fetch_and(&g_ignored, ~bit, __ATOMIC_RELAXED);
    }
  }
  if (old != nullptr) {
    old->sa_handler = handler_of(out.handler);
    old->sa_mask = out.mask;
    old->sa_flags = static_cast<int32_t>(out.flags);
    old->reserved = 0;
  }
  return 0;
}

// The handler stays installed (no SA_RESETHAND) and its own signal is blocked
// while it runs; SIG_ERR (all ones) and errno on failure.
QRV_LIBC_FN(Handler, signal, (int signo, Handler handler)) {
  const Sigaction act = {handler, 0, static_cast<int32_t>(QRV_SA_RESTART), 0};
  Sigaction old = {};
  if (sigaction(signo, &act, &old) < 0) return handler_of(~uint64_t{0});
  return old.sa_handler;
}

QRV_LIBC_FN(int, sigprocmask, (int how, const sigset_t* set, sigset_t* old)) {
  return SignalProcmask(0, 0, how, set, old);
}

// Returns an error number (POSIX), not -1.
QRV_LIBC_FN(int, pthread_sigmask, (int how, const sigset_t* set, sigset_t* old)) {
  const int r = SignalProcmask_r(0, 0, how, set, old);
  return r < 0 ? -r : 0;
}

}  // namespace qrv::libc
