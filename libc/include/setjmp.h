/* QRV libc: setjmp.h for RISC-V (LP64D): ra, sp, s0-s11, fs0-fs11. */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <sys/cdefs.h>

/* [0] ra, [1] sp, [2..13] s0-s11, [14..25] fs0-fs11 (see src/setjmp/setjmp_riscv.S). */
typedef unsigned long jmp_buf[26];
/* A jmp_buf, then [26] whether sigsetjmp saved the mask and [27] the mask. */
typedef unsigned long sigjmp_buf[28];

__BEGIN_DECLS
int setjmp(jmp_buf env) __attribute__((returns_twice));
__QRV_NORETURN void longjmp(jmp_buf env, int value);
/* savemask nonzero: siglongjmp restores the calling thread's signal mask of
 * the time of sigsetjmp; zero: it leaves the mask as it is. */
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
__QRV_NORETURN void siglongjmp(sigjmp_buf env, int value);
__END_DECLS

#define setjmp setjmp

#endif /* _SETJMP_H */
