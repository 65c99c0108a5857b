// The sign and comparison functions (fabs, copysign, fmin, fmax, fdim,
// nextafter; fmin and fmax treat a quiet NaN as missing data, a signaling
// one as an invalid operation) and the ones the hardware rounds exactly: sqrt (fsqrt) and fma
// (fmadd). The host build uses SSE's sqrtsd and the compiler's fma.
#include "libc/src/common/entrypoint.h"
#include "libc/src/math/fp.h"
#include "libc/src/math/math_api.h"

namespace qrv::libc {
namespace {

using math::Fp;

template <typename T>
T fmax_t(T x, T y) {
  if (__builtin_isgreaterequal(x, y)) return x;
  if (__builtin_isless(x, y)) return y;
  if (math::is_signaling(x) || math::is_signaling(y)) return x + y;
  return math::is_nan(y) ? x : y;
}

template <typename T>
T fmin_t(T x, T y) {
  if (__builtin_islessequal(x, y)) return x;
  if (__builtin_isgreater(x, y)) return y;
  if (math::is_signaling(x) || math::is_signaling(y)) return x + y;
  return math::is_nan(y) ? x : y;
}

template <typename T>
T fdim_t(T x, T y) {
  if (math::is_nan(x) || math::is_nan(y)) return x + y;
  if (!(x > y)) return T(0);
  const T r = x - y;
  if (math::exp_field(r) == Fp<T>::kExpMax && math::exp_field(x) != Fp<T>::kExpMax &&
      math::exp_field(y) != Fp<T>::kExpMax) {
    set_errno(QRV_ERANGE);  // overflow of finite operands
  }
  return r;
}

template <typename T>
T nextafter_t(T x, T y) {
  if (math::is_nan(x) || math::is_nan(y)) return x + y;
  if (x == y) return y;
  typename Fp<T>::Bits b;
  if (x == 0) {  // underflows, but (as glibc) leaves errno alone
    math::raise_underflow<T>();
    return math::from_bits<T>((math::bits_of(y) & math::kSignBit<T>) | 1);
  } else {
    b = math::bits_of(x);
    const bool away = (x < y) == (x > 0);  // moving away from zero
    b = away ? b + 1 : b - 1;
  }
  const T r = math::from_bits<T>(b);
  const int f = math::exp_field(r);
  if (f == Fp<T>::kExpMax) {
    math::raise_overflow<T>();
    set_errno(QRV_ERANGE);
  } else if (f == 0) {
    math::raise_underflow<T>();
    set_errno(QRV_ERANGE);
  }
  return r;
}

inline double hw_sqrt(double x) {
  double r;
#if defined(__riscv)
  asm("fsqrt.d %0, %1" : "=f"(r) : "f"(x));
#else
  asm("sqrtsd %1, %0" : "=x"(r) : "x"(x));
#endif
  return r;
}

inline float hw_sqrt(float x) {
  float r;
#if defined(__riscv)
  asm("fsqrt.s %0, %1" : "=f"(r) : "f"(x));
#else
  asm("sqrtss %1, %0" : "=x"(r) : "x"(x));
#endif
  return r;
}

template <typename T>
T sqrt_t(T x) {
  if (__builtin_isless(x, T(0))) set_errno(QRV_EDOM);
  return hw_sqrt(x);
}

}  // namespace

QRV_LIBC_FN(double, fabs, (double x)) { return math::abs_of(x); }
QRV_LIBC_FN(float, fabsf, (float x)) { return math::abs_of(x); }
QRV_LIBC_FN(double, copysign, (double x, double y)) { return math::with_sign_of(x, y); }
QRV_LIBC_FN(float, copysignf, (float x, float y)) { return math::with_sign_of(x, y); }
QRV_LIBC_FN(double, fmax, (double x, double y)) { return fmax_t(x, y); }
QRV_LIBC_FN(float, fmaxf, (float x, float y)) { return fmax_t(x, y); }
QRV_LIBC_FN(double, fmin, (double x, double y)) { return fmin_t(x, y); }
QRV_LIBC_FN(float, fminf, (float x, float y)) { return fmin_t(x, y); }
QRV_LIBC_FN(double, fdim, (double x, double y)) { return fdim_t(x, y); }
QRV_LIBC_FN(float, fdimf, (float x, float y)) { return fdim_t(x, y); }
QRV_LIBC_FN(double, nextafter, (double x, double y)) { return nextafter_t(x, y); }
QRV_LIBC_FN(float, nextafterf, (float x, float y)) { return nextafter_t(x, y); }
QRV_LIBC_FN(double, sqrt, (double x)) { return sqrt_t(x); }
QRV_LIBC_FN(float, sqrtf, (float x)) { return sqrt_t(x); }

#if defined(__riscv)
QRV_LIBC_FN(double, fma, (double x, double y, double z)) {
  double r;
  asm("fmadd.d %0, %1, %2, %3" : "=f"(r) : "f"(x), "f"(y), "f"(z));
  return r;
}
QRV_LIBC_FN(float, fmaf, (float x, float y, float z)) {
  float r;
  asm("fmadd.s %0, %1, %2, %3" : "=f"(r) : "f"(x), "f"(y), "f"(z));
  return r;
}
#else
QRV_LIBC_FN(double, fma, (double x, double y, double z)) { return __builtin_fma(x, y, z); }
QRV_LIBC_FN(float, fmaf, (float x, float y, float z)) { return __builtin_fmaf(x, y, z); }
#endif

}  // namespace qrv::libc
