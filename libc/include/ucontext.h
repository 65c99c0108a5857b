/* QRV libc: ucontext.h: what an SA_SIGINFO handler's third argument points
 * at, the context the signal interrupted (the kernel's struct
 * qrv_sigcontext). A handler may change uc_sigmask and uc_mcontext: its
 * return resumes what they then say. No getcontext/makecontext/swapcontext. */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H

#include <signal.h>

/* __gregs[REG_PC] is the interrupted pc, __gregs[n] register xn (Linux's
 * RISC-V layout). The floating-point registers are not in it: the signal
 * trampoline keeps them. */
#define REG_PC 0
#define REG_RA 1
#define REG_SP 2
#define REG_TP 4
#define REG_S0 8
#define REG_A0 10
typedef struct {
  unsigned long __gregs[32];
} mcontext_t;

typedef struct ucontext {
  struct ucontext* uc_link; /* always NULL */
  sigset_t uc_sigmask;      /* the blocked set the handler's return restores */
  stack_t uc_stack;         /* the thread's alternate stack (SS_ONSTACK: it ran on it) */
  int __signo;
  unsigned int __reserved;
  mcontext_t uc_mcontext;
} ucontext_t;

#endif /* _UCONTEXT_H */
