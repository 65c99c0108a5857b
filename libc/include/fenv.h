/* QRV libc: fenv.h — the floating-point environment, which on RISC-V is the
 * fcsr: the accrued exception flags (fflags) and the dynamic rounding mode
 * (frm). RISC-V has no floating-point traps, so feholdexcept only clears the
 * flags. fenv_t and fexcept_t hold the fcsr's bits (as RISC-V's glibc). */
#ifndef _FENV_H
#define _FENV_H

#include <sys/cdefs.h>

typedef unsigned int fenv_t;
typedef unsigned int fexcept_t;

#define FE_INEXACT 0x01
#define FE_UNDERFLOW 0x02
#define FE_OVERFLOW 0x04
#define FE_DIVBYZERO 0x08
#define FE_INVALID 0x10
#define FE_ALL_EXCEPT 0x1f

#define FE_TONEAREST 0
#define FE_TOWARDZERO 1
#define FE_DOWNWARD 2
#define FE_UPWARD 3

#define FE_DFL_ENV ((const fenv_t*)-1)

__BEGIN_DECLS
int feclearexcept(int excepts);
int feraiseexcept(int excepts);
int fetestexcept(int excepts);
int fegetexceptflag(fexcept_t* flagp, int excepts);
int fesetexceptflag(const fexcept_t* flagp, int excepts);
int fegetround(void);
int fesetround(int round);
int fegetenv(fenv_t* envp);
int fesetenv(const fenv_t* envp);
int feholdexcept(fenv_t* envp);
int feupdateenv(const fenv_t* envp);
__END_DECLS

#endif /* _FENV_H */
