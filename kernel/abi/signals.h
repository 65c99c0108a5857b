/* Signal numbers and SignalProcmask/SignalAction constants, shared by the
 * kernel (delivery) and libc (signal.h). Linux numbering; a sigset is a
 * uint64_t with bit (n - 1) for signal n. */
#ifndef QRV_KERNEL_ABI_SIGNALS_H_
#define QRV_KERNEL_ABI_SIGNALS_H_

#define QRV_SIGHUP 1
#define QRV_SIGINT 2
#define QRV_SIGQUIT 3
#define QRV_SIGILL 4
#define QRV_SIGTRAP 5
#define QRV_SIGABRT 6
#define QRV_SIGBUS 7
#define QRV_SIGFPE 8
#define QRV_SIGKILL 9
#define QRV_SIGUSR1 10
#define QRV_SIGSEGV 11
#define QRV_SIGUSR2 12
#define QRV_SIGPIPE 13
#define QRV_SIGALRM 14
#define QRV_SIGTERM 15
#define QRV_SIGCHLD 17
#define QRV_SIGCONT 18
#define QRV_SIGSTOP 19
#define QRV_SIGTSTP 20
#define QRV_SIGTTIN 21
#define QRV_SIGTTOU 22
#define QRV_SIGURG 23
#define QRV_SIGWINCH 28
/* Realtime signals: every instance is queued (up to QRV_SIGQUEUE_MAX per
 * process) and they are taken lowest number first, each number in the
 * order sent; the standard signals above coalesce while pending. */
#define QRV_SIGRTMIN 34
#define QRV_SIGRTMAX 64
#define QRV_SIGMAX 64
#define QRV_SIGQUEUE_MAX 32

/* qrv_siginfo.si_code (Linux values). SignalKill accepts only SI_USER and
 * SI_QUEUE; the others are the kernel's. */
#define QRV_SI_USER 0
#define QRV_SI_QUEUE (-1)
#define QRV_SI_TIMER (-2)
#define QRV_SI_KERNEL 0x80

/* SignalProcmask `how`. */
#define QRV_SIG_BLOCK 0
#define QRV_SIG_UNBLOCK 1
#define QRV_SIG_SETMASK 2
#define QRV_SIG_PENDING 5 /* QNX: *oldset gets the blocked signals pending for the thread */

/* qrv_sigaction.handler special values and flags. */
#define QRV_SIG_DFL 0
#define QRV_SIG_IGN 1
#define QRV_SA_NOCLDSTOP 0x1
#define QRV_SA_NOCLDWAIT 0x2 /* SIGCHLD: no zombies for this parent (taskman) */
#define QRV_SA_SIGINFO 0x4
#define QRV_SA_ONSTACK 0x08000000 /* run the handler on the thread's alternate stack */
#define QRV_SA_RESTART 0x10000000
#define QRV_SA_NODEFER 0x40000000
#define QRV_SA_RESETHAND 0x80000000u

/* SignalAltstack: qrv_stack.flags, and the smallest stack it takes. */
#define QRV_SS_ONSTACK 1 /* reported: the thread runs on it now */
#define QRV_SS_DISABLE 2 /* given: no alternate stack */
#define QRV_MINSIGSTKSZ 2048
#define QRV_SIGSTKSZ 8192

#endif /* QRV_KERNEL_ABI_SIGNALS_H_ */
