// fenv.h inside QRV's libc (namespace qrv::libc). The values are RISC-V's
// (fflags bits, frm codes) on the host too, where fp_env.h maps them to MXCSR.
#pragma once

namespace qrv::libc {

using fenv_t = unsigned int;
using fexcept_t = unsigned int;

inline constexpr int kFeInexact = 0x01;
inline constexpr int kFeUnderflow = 0x02;
inline constexpr int kFeOverflow = 0x04;
inline constexpr int kFeDivByZero = 0x08;
inline constexpr int kFeInvalid = 0x10;
inline constexpr int kFeAllExcept = 0x1f;

inline constexpr int kFeToNearest = 0;
inline constexpr int kFeTowardZero = 1;
inline constexpr int kFeDownward = 2;
inline constexpr int kFeUpward = 3;

// FE_DFL_ENV: (const fenv_t*)-1.
inline const fenv_t* fe_dfl_env() { return reinterpret_cast<const fenv_t*>(~static_cast<__UINTPTR_TYPE__>(0)); }

int feclearexcept(int excepts);
int feraiseexcept(int excepts);
int fetestexcept(int excepts);
int fegetexceptflag(fexcept_t* flagp, int excepts);
int fesetexceptflag(const fexcept_t* flagp, int excepts);
int fegetround();
int fesetround(int round);
int fegetenv(fenv_t* envp);
int fesetenv(const fenv_t* envp);
int feholdexcept(fenv_t* envp);
int feupdateenv(const fenv_t* envp);

}  // namespace qrv::libc
