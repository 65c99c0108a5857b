// The sigstub's contract, shared by its assembly (sigstub_riscv.S) and C++:
// the kernel enters it with a0 = signo, a1 = the signal's qrv_siginfo, a2 =
// the saved qrv_sigcontext (a ucontext_t), a3 = the handler and sp 16-byte
// aligned below the context; it keeps the floating-point registers, runs
// handler(signo, info, context) and resumes the interrupted code through
// SignalReturn(context). Plain #defines: the
// assembler includes this file too.
#ifndef QRV_LIBC_SRC_POSIX_SIGSTUB_H_
#define QRV_LIBC_SRC_POSIX_SIGSTUB_H_

/* __KER_SIGNAL_RETURN (kernel/abi/kercalls.h is an enum, which assembly
 * cannot read; signal.cc asserts the two agree). */
#define QRV_SIGSTUB_SIGNAL_RETURN 37

#ifdef __cplusplus
// The process's sigstub, passed to every SignalAction that installs a handler.
extern "C" [[noreturn]] void __qrv_sigstub(int signo, void* info, void* context, void (*handler)(int, void*, void*));
#endif

#endif  // QRV_LIBC_SRC_POSIX_SIGSTUB_H_
