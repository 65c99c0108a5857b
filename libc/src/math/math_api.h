// math.h inside QRV's libc (namespace qrv::libc).
#pragma once

namespace qrv::libc {

inline constexpr int kFpIlogb0 = -2147483647;
inline constexpr int kFpIlogbNan = 2147483647;

#define QRV_MATH_1(name) \
  double name(double);   \
  float name##f(float);
#define QRV_MATH_2(name)       \
  double name(double, double); \
  float name##f(float, float);
QRV_MATH_1(fabs)
QRV_MATH_2(copysign)
QRV_MATH_1(floor)
QRV_MATH_1(ceil)
QRV_MATH_1(trunc)
QRV_MATH_1(round)
QRV_MATH_1(rint)
QRV_MATH_1(nearbyint)
QRV_MATH_2(fmod)
QRV_MATH_2(remainder)
QRV_MATH_1(logb)
QRV_MATH_2(nextafter)
QRV_MATH_2(fmin)
QRV_MATH_2(fmax)
QRV_MATH_2(fdim)
QRV_MATH_1(sqrt)
QRV_MATH_1(cbrt)
QRV_MATH_1(exp)
QRV_MATH_1(exp2)
QRV_MATH_1(expm1)
QRV_MATH_1(log)
QRV_MATH_1(log1p)
QRV_MATH_1(log2)
QRV_MATH_1(log10)
QRV_MATH_2(hypot)
#undef QRV_MATH_1
#undef QRV_MATH_2

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

}  // namespace qrv::libc
