// Rounding to integers: trunc, floor, ceil and round by the bits (exact, no
// exceptions); rint and lrint by adding and subtracting 2^p-1, so the
// hardware rounds in the current mode and raises FE_INEXACT; nearbyint is
// rint with the flags put back. Comparisons that may see a NaN are the
// quiet ones (a relational operator on NaN raises FE_INVALID). Out-of-range conversions raise FE_INVALID
// and saturate, as RISC-V's fcvt does.
#include "libc/src/common/entrypoint.h"
#include "libc/src/math/fp.h"
#include "libc/src/math/fp_env.h"
#include "libc/src/math/math_api.h"

namespace qrv::libc {
namespace {

using math::Fp;

template <typename T>
T trunc_t(T x) {
  const int e = math::exp_field(x) - Fp<T>::kBias;
  if (e >= Fp<T>::kMantBits) return e == Fp<T>::kExpMax - Fp<T>::kBias ? x + x : x;
  if (e < 0) return math::with_sign_of(T(0), x);
  const auto frac = math::kMantMask<T> >> e;
  return math::from_bits<T>(math::bits_of(x) & ~frac);
}

template <typename T>
T floor_t(T x) {
  const T t = trunc_t(x);
  return (__builtin_isless(x, T(0)) && __builtin_islessgreater(t, x)) ? t - T(1) : t;
}

template <typename T>
T ceil_t(T x) {
  const T t = trunc_t(x);
  return (__builtin_isgreater(x, T(0)) && __builtin_islessgreater(t, x)) ? t + T(1) : t;
}

template <typename T>
T round_t(T x) {
  const T t = trunc_t(x);
  if (!__builtin_isless(math::abs_of(x), math::pow2<T>(Fp<T>::kMantBits))) return t;
  return math::abs_of(x - t) >= T(0.5) ? t + math::with_sign_of(T(1), x) : t;
}

template <typename T>
T rint_t(T x) {
  const T big = math::pow2<T>(Fp<T>::kMantBits);
  if (!__builtin_isless(math::abs_of(x), big)) return math::is_nan(x) ? x + x : x;  // integers, inf
  volatile T sum = x < 0 ? x - big : x + big;
  const T r = x < 0 ? sum + big : sum - big;
  return math::with_sign_of(r, x);
}

template <typename T>
T nearbyint_t(T x) {
  const uint32_t flags = math::read_fflags();
  const T r = rint_t(x);
  math::write_fflags(flags);
  return r;
}

// Converts an integral value r to I, or raises FE_INVALID and saturates.
template <typename I, typename T>
I to_int(T r) {
  constexpr int kBits = static_cast<int>(sizeof(I) * 8) - 1;
  if (r >= -math::pow2<T>(kBits) && r < math::pow2<T>(kBits)) return static_cast<I>(r);
  math::raise_invalid<T>();
  const I max = static_cast<I>(~static_cast<unsigned long long>(0) >> 1);
  return r < 0 ? static_cast<I>(-max - 1) : max;
}

}  // namespace

QRV_LIBC_FN(double, trunc, (double x)) { return trunc_t(x); }
QRV_LIBC_FN(float, truncf, (float x)) { return trunc_t(x); }
QRV_LIBC_FN(double, floor, (double x)) { return floor_t(x); }
QRV_LIBC_FN(float, floorf, (float x)) { return floor_t(x); }
QRV_LIBC_FN(double, ceil, (double x)) { return ceil_t(x); }
QRV_LIBC_FN(float, ceilf, (float x)) { return ceil_t(x); }
QRV_LIBC_FN(double, round, (double x)) { return round_t(x); }
QRV_LIBC_FN(float, roundf, (float x)) { return round_t(x); }
QRV_LIBC_FN(double, rint, (double x)) { return rint_t(x); }
QRV_LIBC_FN(float, rintf, (float x)) { return rint_t(x); }
QRV_LIBC_FN(double, nearbyint, (double x)) { return nearbyint_t(x); }
QRV_LIBC_FN(float, nearbyintf, (float x)) { return nearbyint_t(x); }
QRV_LIBC_FN(long, lround, (double x)) { return to_int<long>(round_t(x)); }
QRV_LIBC_FN(long, lroundf, (float x)) { return to_int<long>(round_t(x)); }
QRV_LIBC_FN(long long, llround, (double x)) { return to_int<long long>(round_t(x)); }
QRV_LIBC_FN(long long, llroundf, (float x)) { return to_int<long long>(round_t(x)); }
QRV_LIBC_FN(long, lrint, (double x)) { return to_int<long>(rint_t(x)); }
QRV_LIBC_FN(long, lrintf, (float x)) { return to_int<long>(rint_t(x)); }
QRV_LIBC_FN(long long, llrint, (double x)) { return to_int<long long>(rint_t(x)); }
QRV_LIBC_FN(long long, llrintf, (float x)) { return to_int<long long>(rint_t(x)); }

}  // namespace qrv::libc
