/* QRV libc: math.h — classification macros (type-generic, through the
 * compiler's builtins), constants, and functions for double and float: the
 * exact ones correctly rounded, hypot, cbrt and the exp and log families
 * within one ulp. long double (binary128 on RISC-V) has none yet: the board
 * links no soft-float library. Errors set errno and raise the IEEE
 * exceptions (math_errhandling is both). */
#ifndef _MATH_H
#define _MATH_H

#include <sys/cdefs.h>

typedef double double_t;
typedef float float_t;

#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

/* ilogb's results for 0 and NaN (RISC-V's values: -INT_MAX, INT_MAX). */
#define FP_ILOGB0 (-2147483647)
#define FP_ILOGBNAN 2147483647

#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling (MATH_ERRNO | MATH_ERREXCEPT)

/* fma is one instruction (fmadd.d / fmadd.s). */
#define FP_FAST_FMA 1
#define FP_FAST_FMAF 1

#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isfinite(x) __builtin_isfinite(x)
#define isinf(x) __builtin_isinf_sign(x)
#define isnan(x) __builtin_isnan(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x) __builtin_signbit(x)

#define isgreater(x, y) __builtin_isgreater(x, y)
#define isgreaterequal(x, y) __builtin_isgreaterequal(x, y)
#define isless(x, y) __builtin_isless(x, y)
#define islessequal(x, y) __builtin_islessequal(x, y)
#define islessgreater(x, y) __builtin_islessgreater(x, y)
#define isunordered(x, y) __builtin_isunordered(x, y)

/* XSI constants. */
#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

__BEGIN_DECLS
/* Each function F for double, with Ff for float. */
#define __QRV_MATH_1(name) double name(double); float name##f(float);
#define __QRV_MATH_2(name) double name(double, double); float name##f(float, float);
__QRV_MATH_1(fabs)
__QRV_MATH_2(copysign)
__QRV_MATH_1(floor)
__QRV_MATH_1(ceil)
__QRV_MATH_1(trunc)
__QRV_MATH_1(round)
__QRV_MATH_1(rint)
__QRV_MATH_1(nearbyint)
__QRV_MATH_2(fmod)
__QRV_MATH_2(remainder)
__QRV_MATH_1(logb)
__QRV_MATH_2(nextafter)
__QRV_MATH_2(fmin)
__QRV_MATH_2(fmax)
__QRV_MATH_2(fdim)
__QRV_MATH_1(sqrt)
__QRV_MATH_1(cbrt)
__QRV_MATH_1(exp)
__QRV_MATH_1(exp2)
__QRV_MATH_1(expm1)
__QRV_MATH_1(log)
__QRV_MATH_1(log1p)
__QRV_MATH_1(log2)
__QRV_MATH_1(log10)
__QRV_MATH_2(hypot)
#undef __QRV_MATH_1
#undef __QRV_MATH_2

long lround(double);
long lroundf(float);
long long llround(double);
long long llroundf(float);
long lrint(double);
long lrintf(float);
long long llrint(double);
long long llrintf(float);
double remquo(double, double, int*);
float remquof(float, float, int*);
double frexp(double, int*);
float frexpf(float, int*);
double ldexp(double, int);
float ldexpf(float, int);
double scalbn(double, int);
float scalbnf(float, int);
double scalbln(double, long);
float scalblnf(float, long);
double modf(double, double*);
float modff(float, float*);
int ilogb(double);
int ilogbf(float);
double fma(double, double, double);
float fmaf(float, float, float);
__END_DECLS

#endif /* _MATH_H */
