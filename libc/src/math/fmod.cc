// fmod, remainder and remquo: exact by long division of the integer
// significands (a remainder is always representable), 64-bit arithmetic
// only (the board links no libgcc for 128-bit division).
//   fmod:      x - trunc(x/y)*y, the sign of x;
//   remainder: x - rint_even(x/y)*y; remquo also gives the quotient's low
//              3 bits with its sign.
#include "libc/src/common/entrypoint.h"
#include "libc/src/math/fp.h"
#include "libc/src/math/math_api.h"

namespace qrv::libc {
namespace {

using math::Fp;

// |v| = m * 2^e with m normalised to [2^p, 2^(p+1)), for finite nonzero v.
template <typename T>
void split(T v, uint64_t* m, int* e) {
  const int f = math::exp_field(v);
  uint64_t mant = static_cast<uint64_t>(math::bits_of(v) & math::kMantMask<T>);
  int ex = f - Fp<T>::kBias - Fp<T>::kMantBits;
  if (f == 0) {  // subnormal
    ex = 1 - Fp<T>::kBias - Fp<T>::kMantBits;
    while (mant < (uint64_t{1} << Fp<T>::kMantBits)) {
      mant <<= 1;
      --ex;
    }
  } else {
    mant |= uint64_t{1} << Fp<T>::kMantBits;
  }
  *m = mant;
  *e = ex;
}

// m * 2^e exactly (the caller guarantees it is representable).
template <typename T>
T build(uint64_t m, int e) {
  T r = static_cast<T>(m);  // m < 2^(p+1): exact
  // Two steps, each a power of two in the normal range; the product is exact.
  const int half = e / 2;
  return r * math::pow2<T>(half) * math::pow2<T>(e - half);
}

struct Rem {
  uint64_t r;    // remainder, in units of 2^ey
  uint32_t q;    // low bits of the quotient
  bool smaller;  // |x| < |y|: r is not in units of 2^ey
  bool over_half;  // when smaller: |x| > |y|/2
};

// |x| mod |y| for finite x, nonzero finite y.
template <typename T>
Rem divide(T x, T y, uint64_t* my_out, int* ey_out) {
  uint64_t mx, my;
  int ex, ey;
  split(x, &mx, &ex);
  split(y, &my, &ey);
  *my_out = my;
  *ey_out = ey;
  if (ex < ey || (ex == ey && mx < my)) {
    // 2|x| = mx * 2^(ex+1) against |y| = my * 2^ey; both significands are
    // in [2^p, 2^(p+1)), so only exponents within one of each other compare.
    const int a = ex + 1;
    bool over = false;
    if (a == ey) over = mx > my;
    if (a == ey + 1) over = (mx << 1) > my;
    if (a == ey - 1) over = mx > (my << 1);
    return {0, 0, true, over};
  }
  // Long division over the exponent difference, up to 10 bits at a time
  // (r < my < 2^(p+1) <= 2^54, so r << 10 fits in 64 bits).
  uint64_t r = mx % my;
  uint32_t q = static_cast<uint32_t>(mx / my);
  int d = ex - ey;
  while (d > 0) {
    const int k = d < 10 ? d : 10;
    const uint64_t shifted = r << k;
    q = (q << k) + static_cast<uint32_t>(shifted / my);
    r = shifted % my;
    d -= k;
  }
  return {r, q, false, false};
}

template <typename T>
T fmod_t(T x, T y) {
  if (math::is_nan(x) || math::is_nan(y)) return x + y;
  if (y == 0 || math::exp_field(x) == Fp<T>::kExpMax) return math::domain_error<T>();
  if (x == 0 || math::exp_field(y) == Fp<T>::kExpMax) return x;
  uint64_t my;
  int ey;
  const Rem rem = divide(x, y, &my, &ey);
  if (rem.smaller) return x;
  return math::with_sign_of(build<T>(rem.r, ey), x);
}

template <typename T>
T remquo_t(T x, T y, int* quo) {
  *quo = 0;
  if (math::is_nan(x) || math::is_nan(y)) return x + y;
  if (y == 0 || math::exp_field(x) == Fp<T>::kExpMax) return math::raise_invalid<T>();
  if (x == 0 || math::exp_field(y) == Fp<T>::kExpMax) return x;
  uint64_t my;
  int ey;
  const Rem rem = divide(x, y, &my, &ey);
  const T ax = math::abs_of(x), ay = math::abs_of(y);
  T r;
  uint32_t q;
  if (rem.smaller) {
    if (rem.over_half) {
      r = ax - ay;  // exact: |y|/2 < |x| < |y|
      q = 1;
    } else {
      r = ax;
      q = 0;
    }
  } else {
    uint64_t rr = rem.r;
    q = rem.q;
    bool neg = false;
    // The quotient's low bits are those of the truncated quotient, plus one
    // when it rounds up (so 8 can appear, as in glibc's).
    q &= 7;
    if (2 * rr > my || (2 * rr == my && (q & 1) != 0)) {
      rr = my - rr;
      neg = true;
      ++q;
    }
    r = build<T>(rr, ey);
    if (neg) r = -r;
  }
  const bool sign_q = math::bits_of(x) >> (sizeof(T) * 8 - 1) != math::bits_of(y) >> (sizeof(T) * 8 - 1);
  const int q3 = static_cast<int>(q);
  *quo = sign_q ? -q3 : q3;
  // A zero remainder has the sign of x.
  if (r == 0) return math::with_sign_of(T(0), x);
  return math::bits_of(x) >> (sizeof(T) * 8 - 1) ? -r : r;
}

template <typename T>
T remainder_t(T x, T y) {
  if (!math::is_nan(x) && !math::is_nan(y) && (y == 0 || math::exp_field(x) == Fp<T>::kExpMax)) {
    return math::domain_error<T>();
  }
  int q;
  return remquo_t(x, y, &q);
}

}  // namespace

QRV_LIBC_FN(double, fmod, (double x, double y)) { return fmod_t(x, y); }
QRV_LIBC_FN(float, fmodf, (float x, float y)) { return fmod_t(x, y); }
QRV_LIBC_FN(double, remainder, (double x, double y)) { return remainder_t(x, y); }
QRV_LIBC_FN(float, remainderf, (float x, float y)) { return remainder_t(x, y); }
QRV_LIBC_FN(double, remquo, (double x, double y, int* quo)) { return remquo_t(x, y, quo); }
QRV_LIBC_FN(float, remquof, (float x, float y, int* quo)) { return remquo_t(x, y, quo); }

}  // namespace qrv::libc
