// Signals: kill, raise, pthread_kill, sigqueue, sigaction, signal,
// sigprocmask, pthread_sigmask and sigpending over SignalKill, SignalAction
// and SignalProcmask (pid 0 and tid 0 name the caller); sigsuspend over
// SignalSuspend; sigwait, sigwaitinfo and sigtimedwait over SignalWaitinfo
// (with a TimerTimeout); sigaltstack over SignalAltstack; psignal. Every handler is entered through
// __qrv_sigstub, with (signo, siginfo, ucontext) whatever its SA_SIGINFO.
#include <stddef.h>

#include "kernel/abi/errno.h"
#include "kernel/abi/kercalls.h"
#include "kernel/abi/signals.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/posix/sigstub.h"
#include "libc/src/string/string_api.h"

static_assert(QRV_SIGSTUB_SIGNAL_RETURN == __KER_SIGNAL_RETURN, "sigstub.h names the wrong kernel call");
static_assert(sizeof(qrv::libc::SigInfo) == sizeof(qrv_siginfo), "siginfo_t is the kernel's report");
static_assert(offsetof(qrv::libc::SigInfo, si_pid) == offsetof(qrv_siginfo, pid), "si_pid");
static_assert(offsetof(qrv::libc::SigInfo, si_value) == offsetof(qrv_siginfo, value), "si_value");

namespace qrv::libc {
namespace {

constexpr int kSigMax = 64;

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
  if (pid > 0) return SignalKill(0, pid, 0, signo, QRV_SI_USER, 0);
  // Groups are taskman's: 0 is the caller's, -1 everyone, -g group g.
  pid_t group = pid == -1 ? -1 : -pid;
  if (pid == 0) {
    group = getpgrp();
    // Without a process manager (the kernel's own test programs) a process
    // is alone in its group.
    if (group < 0) return get_errno() == QRV_EBADF ? SignalKill(0, 0, 0, signo, QRV_SI_USER, 0) : -1;
  }
  return taskman_kill_group(group, signo);
}

// POSIX: the calling thread; its handler has run when raise returns.
QRV_LIBC_FN(int, raise, (int signo)) {
  if (!valid_signal(signo)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  return SignalKill(0, 0, current_thread_block()->tid_, signo, QRV_SI_USER, 0);
}

// Returns an error number (POSIX), not -1.
QRV_LIBC_FN(int, pthread_kill, (pthread_t thread, int signo)) {
  auto* block = reinterpret_cast<ThreadBlock*>(thread);
  if (block == nullptr || block->self_ != block) return QRV_ESRCH;
  if (signo != 0 && !valid_signal(signo)) return QRV_EINVAL;
  const int r = SignalKill_r(0, 0, __atomic_load_n(&block->tid_, __ATOMIC_RELAXED), signo, QRV_SI_USER, 0);
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
  if (how == QRV_SIG_PENDING) return QRV_EINVAL;  // sigpending's, not POSIX's
  const int r = SignalProcmask_r(0, 0, how, set, old);
  return r < 0 ? -r : 0;
}

// A realtime signal is queued with its value (EAGAIN when QRV_SIGQUEUE_MAX
// are); a standard one coalesces with a pending one.
QRV_LIBC_FN(int, sigqueue, (pid_t pid, int signo, qrv_sigval value)) {
  if (signo != 0 && !valid_signal(signo)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  return SignalKill(0, pid, 0, signo, QRV_SI_QUEUE, reinterpret_cast<intptr_t>(value.sival_ptr));
}

QRV_LIBC_FN(int, sigpending, (sigset_t * set)) { return SignalProcmask(0, 0, QRV_SIG_PENDING, nullptr, set); }

// Always -1 with EINTR: it returns once a handler has run.
QRV_LIBC_FN(int, sigsuspend, (const sigset_t* set)) { return SignalSuspend(set); }

// pause: sigsuspend with the mask as it is (-1 with EINTR once a handler ran).
QRV_LIBC_FN(int, pause, ()) {
  sigset_t now = 0;
  if (SignalProcmask(0, 0, QRV_SIG_BLOCK, nullptr, &now) < 0) return -1;
  return SignalSuspend(&now);
}

QRV_LIBC_FN(int, sigwaitinfo, (const sigset_t* set, SigInfo* info)) {
  return SignalWaitinfo(set, reinterpret_cast<qrv_siginfo*>(info));
}

// EAGAIN once the timeout (relative, CLOCK_MONOTONIC) has passed.
QRV_LIBC_FN(int, sigtimedwait, (const sigset_t* set, SigInfo* info, const qrv_timespec* timeout)) {
  if (timeout != nullptr) {
    if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000) {
      set_errno(QRV_EINVAL);
      return -1;
    }
    constexpr int64_t kMaxSec = (int64_t{1} << 62) / 1000000000 - 1;  // TimerTimeout's longest
    const int64_t sec = timeout->tv_sec < kMaxSec ? timeout->tv_sec : kMaxSec;
    const uint64_t ns = static_cast<uint64_t>(sec) * 1000000000u + static_cast<uint64_t>(timeout->tv_nsec);
    if (TimerTimeout(QRV_CLOCK_MONOTONIC, QRV_NTO_TIMEOUT_SIGWAITINFO, nullptr, &ns, nullptr) < 0) return -1;
  }
  const int r = SignalWaitinfo_r(set, reinterpret_cast<qrv_siginfo*>(info));
  if (r >= 0) return r;
  set_errno(r == -QRV_ETIMEDOUT ? QRV_EAGAIN : -r);
  return -1;
}

// Returns an error number (POSIX); a handler running meanwhile does not end it.
QRV_LIBC_FN(int, sigwait, (const sigset_t* set, int* signo)) {
  int r;
  do {
    r = SignalWaitinfo_r(set, nullptr);
  } while (r == -QRV_EINTR);
  if (r < 0) return -r;
  *signo = r;
  return 0;
}

// The calling thread's; a new thread has none (POSIX).
QRV_LIBC_FN(int, sigaltstack, (const qrv_stack* ss, qrv_stack* old)) { return SignalAltstack(ss, old); }

QRV_LIBC_FN(void, psignal, (int signo, const char* message)) {
  const char* text = strsignal(signo);
  if (message != nullptr && *message != 0) {
    (void)write(2, message, strlen(message));
    (void)write(2, ": ", 2);
  }
  (void)write(2, text, strlen(text));
  (void)write(2, "\n", 1);
}

}  // namespace qrv::libc
