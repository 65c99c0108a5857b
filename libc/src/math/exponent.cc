// The exponent and scaling functions: frexp, ldexp/scalbn/scalbln (x * 2^n
// rounded once: exact steps through the normal range, then one multiply),
// modf, logb and ilogb.
#include "libc/src/common/entrypoint.h"
#include "libc/src/math/fp.h"
#include "libc/src/math/math_api.h"

namespace qrv::libc {
namespace {

using math::Fp;

template <typename T>
T scale_t(T x, long n) {
  constexpr int kMax = Fp<T>::kBias;                       // 2^kMax is the largest power
  constexpr int kMinStep = 1 - Fp<T>::kBias + Fp<T>::kMantBits + 1;  // emin + p
  if (x == 0 || math::exp_field(x) == Fp<T>::kExpMax) return x + x;
  // Beyond three steps the result is certainly inf or 0.
  const long limit = 3L * kMax;
  if (n > limit) n = limit;
  if (n < -limit) n = -limit;
  T y = x;
  int k = static_cast<int>(n);
  while (k > kMax) {
    y *= math::pow2<T>(kMax);
    k -= kMax;
  }
  // Each step down keeps p bits (the value stays normal unless the result
  // is below half the smallest subnormal anyway), so only the last rounds.
  while (k < 1 - Fp<T>::kBias) {
    y *= math::pow2<T>(kMinStep);
    k -= kMinStep;
  }
  y *= math::pow2<T>(k);
  if ((y == 0 || math::exp_field(y) == Fp<T>::kExpMax)) set_errno(QRV_ERANGE);
  return y;
}

template <typename T>
T frexp_t(T x, int* e) {
  *e = 0;
  if (x == 0 || math::exp_field(x) == Fp<T>::kExpMax) return x + x;
  int shift = 0;
  if (math::exp_field(x) == 0) {  // subnormal: normalise by 2^(p+1) first
    x *= math::pow2<T>(Fp<T>::kMantBits + 1);
    shift = Fp<T>::kMantBits + 1;
  }
  const int f = math::exp_field(x);
  *e = f - (Fp<T>::kBias - 1) - shift;
  const auto b = (math::bits_of(x) & ~(static_cast<typename Fp<T>::Bits>(Fp<T>::kExpMax) << Fp<T>::kMantBits)) |
                 (static_cast<typename Fp<T>::Bits>(Fp<T>::kBias - 1) << Fp<T>::kMantBits);
  return math::from_bits<T>(b);
}

template <typename T>
T modf_t(T x, T* ip) {
  if (math::is_nan(x)) {
    *ip = x + x;
    return *ip;
  }
  if (math::exp_field(x) == Fp<T>::kExpMax) {
    *ip = x;
    return math::with_sign_of(T(0), x);
  }
  const int e = math::exp_field(x) - Fp<T>::kBias;
  T t;
  if (e >= Fp<T>::kMantBits) {
    t = x;
  } else if (e < 0) {
    t = math::with_sign_of(T(0), x);
  } else {
    t = math::from_bits<T>(math::bits_of(x) & ~(math::kMantMask<T> >> e));
  }
  *ip = t;
  return math::with_sign_of(x - t, x);
}

// The unbiased exponent of finite nonzero x, subnormals included.
template <typename T>
int exponent_of(T x) {
  const int f = math::exp_field(x);
  if (f != 0) return f - Fp<T>::kBias;
  auto m = math::bits_of(x) & math::kMantMask<T>;
  int e = 1 - Fp<T>::kBias;
  while ((m & (static_cast<typename Fp<T>::Bits>(1) << Fp<T>::kMantBits)) == 0) {
    m <<= 1;
    --e;
  }
  return e;
}

template <typename T>
T logb_t(T x) {
  if (math::is_nan(x)) return x + x;
  if (math::exp_field(x) == Fp<T>::kExpMax) return math::abs_of(x);
  if (x == 0) {
    volatile T zero = 0;
    return T(-1) / zero;  // FE_DIVBYZERO
  }
  return static_cast<T>(exponent_of(x));
}

template <typename T>
int ilogb_t(T x) {
  if (x == 0 || math::exp_field(x) == Fp<T>::kExpMax) {
    math::domain_error<T>();
    if (x == 0) return kFpIlogb0;
    return math::is_nan(x) ? kFpIlogbNan : 2147483647;  // INT_MAX for infinity
  }
  return exponent_of(x);
}

}  // namespace

QRV_LIBC_FN(double, ldexp, (double x, int n)) { return scale_t(x, n); }
QRV_LIBC_FN(float, ldexpf, (float x, int n)) { return scale_t(x, n); }
QRV_LIBC_FN(double, scalbn, (double x, int n)) { return scale_t(x, n); }
QRV_LIBC_FN(float, scalbnf, (float x, int n)) { return scale_t(x, n); }
QRV_LIBC_FN(double, scalbln, (double x, long n)) { return scale_t(x, n); }
QRV_LIBC_FN(float, scalblnf, (float x, long n)) { return scale_t(x, n); }
QRV_LIBC_FN(double, frexp, (double x, int* e)) { return frexp_t(x, e); }
QRV_LIBC_FN(float, frexpf, (float x, int* e)) { return frexp_t(x, e); }
QRV_LIBC_FN(double, modf, (double x, double* ip)) { return modf_t(x, ip); }
QRV_LIBC_FN(float, modff, (float x, float* ip)) { return modf_t(x, ip); }
QRV_LIBC_FN(double, logb, (double x)) { return logb_t(x); }
QRV_LIBC_FN(float, logbf, (float x)) { return logb_t(x); }
QRV_LIBC_FN(int, ilogb, (double x)) { return ilogb_t(x); }
QRV_LIBC_FN(int, ilogbf, (float x)) { return ilogb_t(x); }

}  // namespace qrv::libc
