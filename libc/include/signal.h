/* QRV libc: signal.h (numbers and flags from the kernel ABI). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/cdefs.h>
#include <sys/types.h>

#include "kernel/abi/signals.h"
#include "kernel/abi/types.h"

typedef uint64_t sigset_t;
typedef int sig_atomic_t;

union sigval {
  int sival_int;
  void* sival_ptr;
};

/* What a signal (or waitid) reports, as the kernel's struct qrv_siginfo.
 * The fields are POSIX's; a signal's handler (SA_SIGINFO) or sigwaitinfo
 * gets si_signo, si_code (SI_*), si_pid (the sender; taskman's for a kill
 * of a process group), si_value (sigqueue, a timer's sigevent); si_uid is
 * 0 (the kernel knows no credentials). waitid fills si_signo (SIGCHLD),
 * si_code (CLD_*), si_pid and si_status. */
typedef struct {
  int si_signo;
  int si_code;
  int si_errno;
  pid_t si_pid;
  uid_t si_uid;
  int si_status;
  void* si_addr;
  union sigval si_value;
} siginfo_t;
#define SI_USER QRV_SI_USER     /* kill, raise, pthread_kill */
#define SI_QUEUE QRV_SI_QUEUE   /* sigqueue */
#define SI_TIMER QRV_SI_TIMER   /* a timer's expiry (timer_create) */
#define SI_KERNEL QRV_SI_KERNEL /* an interrupt's event */
#define CLD_EXITED 1 /* si_code of SIGCHLD: the child exited */
#define CLD_KILLED 2 /* ended by a signal */
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5   /* stopped by a signal (waitid's WSTOPPED) */
#define CLD_CONTINUED 6 /* continued by SIGCONT (WCONTINUED) */

#define NSIG (QRV_SIGMAX + 1) /* one past the largest signal number (BSD, glibc, QNX) */
#define SIGHUP QRV_SIGHUP
#define SIGINT QRV_SIGINT
#define SIGQUIT QRV_SIGQUIT
#define SIGILL QRV_SIGILL
#define SIGTRAP QRV_SIGTRAP
#define SIGABRT QRV_SIGABRT
#define SIGBUS QRV_SIGBUS
#define SIGFPE QRV_SIGFPE
#define SIGKILL QRV_SIGKILL
#define SIGUSR1 QRV_SIGUSR1
#define SIGSEGV QRV_SIGSEGV
#define SIGUSR2 QRV_SIGUSR2
#define SIGPIPE QRV_SIGPIPE
#define SIGALRM QRV_SIGALRM
#define SIGTERM QRV_SIGTERM
#define SIGCHLD QRV_SIGCHLD
#define SIGCONT QRV_SIGCONT
#define SIGSTOP QRV_SIGSTOP
#define SIGTSTP QRV_SIGTSTP
#define SIGTTIN QRV_SIGTTIN
#define SIGTTOU QRV_SIGTTOU
#define SIGURG QRV_SIGURG
#define SIGWINCH QRV_SIGWINCH
/* Realtime signals: each sent instance is queued (SIGQUEUE_MAX per process). */
#define SIGRTMIN QRV_SIGRTMIN
#define SIGRTMAX QRV_SIGRTMAX
#define SIGQUEUE_MAX QRV_SIGQUEUE_MAX

#define SIG_BLOCK QRV_SIG_BLOCK
#define SIG_UNBLOCK QRV_SIG_UNBLOCK
#define SIG_SETMASK QRV_SIG_SETMASK
#define SA_NOCLDSTOP QRV_SA_NOCLDSTOP
#define SA_NOCLDWAIT QRV_SA_NOCLDWAIT
#define SA_SIGINFO QRV_SA_SIGINFO
#define SA_RESTART QRV_SA_RESTART
#define SA_NODEFER QRV_SA_NODEFER
#define SA_ONSTACK QRV_SA_ONSTACK
#define SS_ONSTACK QRV_SS_ONSTACK
#define SS_DISABLE QRV_SS_DISABLE
#define MINSIGSTKSZ QRV_MINSIGSTKSZ
#define SIGSTKSZ QRV_SIGSTKSZ
#define SA_RESETHAND ((int)QRV_SA_RESETHAND)

#define SIG_DFL ((void (*)(int))QRV_SIG_DFL)
#define SIG_IGN ((void (*)(int))QRV_SIG_IGN)
#define SIG_ERR ((void (*)(int)) - 1)

#define SIGEV_NONE QRV_SIGEV_NONE
#define SIGEV_SIGNAL QRV_SIGEV_SIGNAL
#define SIGEV_PULSE QRV_SIGEV_PULSE
#define SIGEV_UNBLOCK QRV_SIGEV_UNBLOCK
#define SIGEV_INTR QRV_SIGEV_INTR

/* Layout of struct qrv_sigevent (kernel/abi/types.h). */
struct sigevent {
  int sigev_notify;
  int sigev_signo; /* the connection id for SIGEV_PULSE */
  union sigval sigev_value;
  short sigev_code;
  short sigev_priority;
  unsigned int __reserved;
};

/* QNX's initializers: a pulse on connection `coid` (priority -1: the
 * sender's), and a signal. */
#define SIGEV_PULSE_INIT(e, coid, prio, code, value)                                           \
  ((e)->sigev_notify = SIGEV_PULSE, (e)->sigev_signo = (coid), (e)->sigev_priority = (prio), \
   (e)->sigev_code = (code), (e)->sigev_value.sival_int = (value), (e)->__reserved = 0)
#define SIGEV_SIGNAL_INIT(e, signo) \
  ((e)->sigev_notify = SIGEV_SIGNAL, (e)->sigev_signo = (signo), (e)->__reserved = 0)

/* sa_sigaction (with SA_SIGINFO) and sa_handler share one word. */
struct sigaction {
  union {
    void (*__sa_handler)(int);
    void (*__sa_sigaction)(int, siginfo_t*, void*);
  } __sa_u;
  sigset_t sa_mask;
  int sa_flags;
  int __reserved;
};
#define sa_handler __sa_u.__sa_handler
#define sa_sigaction __sa_u.__sa_sigaction

/* An alternate signal stack (sigaltstack, ucontext_t's uc_stack), as the
 * kernel's struct qrv_stack. */
typedef struct {
  void* ss_sp;
  size_t ss_size;
  int ss_flags;
  int __reserved;
} stack_t;

__BEGIN_DECLS
int kill(pid_t pid, int signo);
int raise(int signo);
int sigaction(int signo, const struct sigaction* __QRV_RESTRICT act, struct sigaction* __QRV_RESTRICT old);
int sigprocmask(int how, const sigset_t* __QRV_RESTRICT set, sigset_t* __QRV_RESTRICT old);
int pthread_sigmask(int how, const sigset_t* __QRV_RESTRICT set, sigset_t* __QRV_RESTRICT old);
int pthread_kill(unsigned long thread, int signo); /* thread: a pthread_t */
/* The handler stays installed; SIG_ERR on failure. */
void (*signal(int signo, void (*handler)(int)))(int);
int sigqueue(pid_t pid, int signo, union sigval value);
int sigsuspend(const sigset_t* set);
int sigpending(sigset_t* set);
int sigwait(const sigset_t* __QRV_RESTRICT set, int* __QRV_RESTRICT signo);
int sigwaitinfo(const sigset_t* __QRV_RESTRICT set, siginfo_t* __QRV_RESTRICT info);
struct timespec;
int sigtimedwait(const sigset_t* __QRV_RESTRICT set, siginfo_t* __QRV_RESTRICT info,
                 const struct timespec* __QRV_RESTRICT timeout);
void psignal(int signo, const char* message);
/* The calling thread's alternate stack for SA_ONSTACK handlers. */
int sigaltstack(const stack_t* __QRV_RESTRICT ss, stack_t* __QRV_RESTRICT old);

static inline int sigemptyset(sigset_t* set) {
  *set = 0;
  return 0;
}
static inline int sigfillset(sigset_t* set) {
  *set = ~(sigset_t)0;
  return 0;
}
static inline int sigaddset(sigset_t* set, int signo) {
  if (signo < 1 || signo > QRV_SIGMAX) return -1;
  *set |= (sigset_t)1 << (signo - 1);
  return 0;
}
static inline int sigdelset(sigset_t* set, int signo) {
  if (signo < 1 || signo > QRV_SIGMAX) return -1;
  *set &= ~((sigset_t)1 << (signo - 1));
  return 0;
}
static inline int sigismember(const sigset_t* set, int signo) {
  if (signo < 1 || signo > QRV_SIGMAX) return -1;
  return (int)((*set >> (signo - 1)) & 1);
}
__END_DECLS

#endif /* _SIGNAL_H */
