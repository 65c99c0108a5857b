// exp, exp2, expm1, log, log1p, log2, log10 (double; the float versions work in double and round once).
// exp: x = k ln2 + r, |r| <= ln2/2, with k ln2 taken off in two fma steps
// (ln2 split so the first is exact); e^r by its Taylor series to r^13
// (truncation below 2^-57 of the result), summed as 1 + (r + r^2 q(r))
// with the rounding errors of r and of both additions carried along; then
// * 2^k in steps, one rounding. log: x = 2^e m with m in [sqrt(1/2), sqrt(2)), f = m - 1 exact,
// s = f / (2 + f), log(m) = 2 atanh(s) = f - f^2/2 + s (f^2/2 + R(s^2)),
// R by the atanh series to s^24; e ln2 added in two parts, the sum kept as
// hi + lo so log2 and log10 multiply it by 1/ln2, 1/ln10 as double-doubles.
#include "libc/src/common/entrypoint.h"
#include "libc/src/math/fp.h"
#include "libc/src/math/math_api.h"

namespace qrv::libc {
namespace {

using math::Fp;

constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;  // ln 2, its leading 42 bits
constexpr double kLn2Lo = 0x1.ef35793c76730p-45;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 0x1.71547652b82fep0;
constexpr double kExpOverflow = 0x1.62e42fefa39efp9;    // largest x with exp(x) finite
constexpr double kExpUnderflow = -0x1.74910d52d3051p9;  // about ln 2^-1075: below, exp rounds to 0

// e^(r + dr) - 1 as hi + lo, for |r| <= ln2/2 (plus a little), dr tiny.
void expm1_core(double r, double dr, double* hi, double* lo) {
  // q(r) = 1/2! + r/3! + ... + r^11/13!
  double q = 1.0 / 6227020800;  // 1/13!
  const double kInvFact[] = {1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320,
                             1.0 / 5040,      1.0 / 720,      1.0 / 120,     1.0 / 24,     1.0 / 6,
                             0.5};
  for (double c : kInvFact) q = fma(q, r, c);
  // e^(r + dr) = 1 + p + dr (1 + p), p = r + r^2 q, summed with the errors
  // of both large additions kept (Fast2Sum: |r| > r^2 q and 1 > |p|).
  const double rq = r * r * q;
  const double p = r + rq, p_err = (r - p) + rq;
  *hi = p;
  *lo = p_err + fma(dr, p, dr);
}

// e^(r + dr) * 2^k for |r| <= ln2/2 (plus a little), dr tiny, |k| < 1100.
double exp_scaled(double r, double dr, int k) {
  double m_hi, m_lo;
  expm1_core(r, dr, &m_hi, &m_lo);
  const double hi = 1 + m_hi, hi_err = (1 - hi) + m_hi;
  const double y = hi + (hi_err + m_lo);
  // y * 2^k: y in [0.7, 1.42]; split so each factor is a normal power of two.
  if (k > 1000) return y * 0x1p1000 * math::pow2<double>(k - 1000);
  if (k < -1000) {
    const double z = y * math::pow2<double>(k + 1000) * 0x1p-1000;  // one rounding, maybe subnormal
    if (z == 0) set_errno(QRV_ERANGE);
    return z;
  }
  return y * math::pow2<double>(k);
}

double exp_d(double x) {
  if (math::is_nan(x)) return x + x;
  if (x > kExpOverflow) {
    if (math::exp_field(x) == Fp<double>::kExpMax) return x;  // +inf
    math::raise_overflow<double>();
    set_errno(QRV_ERANGE);
    return __builtin_inf();
  }
  if (x < kExpUnderflow) {
    if (math::exp_field(x) == Fp<double>::kExpMax) return 0;  // -inf
    math::raise_underflow<double>();
    set_errno(QRV_ERANGE);
    return 0;
  }
  if (math::abs_of(x) < 0x1p-54) return 1 + x;  // 1, inexact unless x is 0
  // k = x / ln2 rounded to nearest by the 1.5 * 2^52 trick (|k| < 1100).
  volatile double shifted = x * kInvLn2 + 0x1.8p52;
  const double kd = shifted - 0x1.8p52;
  const int k = static_cast<int>(kd);
  // r + dr = x - k ln2: r1 is exact; dr keeps what rounding r loses.
  const double r1 = fma(-kd, kLn2Hi, x);
  const double t = kd * kLn2Lo, t_err = fma(kd, kLn2Lo, -t);
  const double r = r1 - t;
  const double dr = ((r1 - r) - t) - t_err;
  return exp_scaled(r, dr, k);
}

constexpr double kExp2Overflow = 1024;
constexpr double kExp2Underflow = -1075;  // 2^-1075 ties to 0

// 2^x = 2^k * e^(r ln2), x = k + r exactly (|r| <= 1/2), r ln2 as a double-double.
double exp2_d(double x) {
  if (math::is_nan(x)) return x + x;
  if (!(x < kExp2Overflow)) {
    if (math::exp_field(x) == Fp<double>::kExpMax) return x;  // +inf
    math::raise_overflow<double>();
    set_errno(QRV_ERANGE);
    return __builtin_inf();
  }
  if (!(x > kExp2Underflow)) {
    if (math::exp_field(x) == Fp<double>::kExpMax) return 0;  // -inf
    math::raise_underflow<double>();
    set_errno(QRV_ERANGE);
    return 0;
  }
  volatile double shifted = x + 0x1.8p52;
  const double kd = shifted - 0x1.8p52;
  const double r = x - kd;  // exact
  const double t = r * 0x1.62e42fefa39efp-1;
  const double t_err = fma(r, 0x1.62e42fefa39efp-1, -t) + r * 0x1.abc9e3b39803fp-56;  // ln2's tail
  return exp_scaled(t, t_err, static_cast<int>(kd));
}

// e^x - 1: directly from the series for |x| <= ln2/2; otherwise
// 2^k (1 + m) - 1 with m = e^r - 1 as a double-double, the - 1 error-free.
double expm1_d(double x) {
  if (math::is_nan(x)) return x + x;
  if (x > kExpOverflow) {
    if (math::exp_field(x) == Fp<double>::kExpMax) return x;
    math::raise_overflow<double>();
    set_errno(QRV_ERANGE);
    return __builtin_inf();
  }
  if (x < -40) {  // e^x < 2^-57: -1, inexact
    if (math::exp_field(x) == Fp<double>::kExpMax) return -1;
    return -1 + 0x1p-60;
  }
  if (math::abs_of(x) < 0x1p-54) {
    if (x != 0 && math::exp_field(x) == 0) math::raise_underflow<double>();
    return x;
  }
  double hi, lo;
  if (math::abs_of(x) <= 0.34657359027997264) {
    expm1_core(x, 0, &hi, &lo);
    return hi + lo;
  }
  volatile double shifted = x * kInvLn2 + 0x1.8p52;
  const double kd = shifted - 0x1.8p52;
  const int k = static_cast<int>(kd);
  const double r1 = fma(-kd, kLn2Hi, x);
  const double t = kd * kLn2Lo, t_err = fma(kd, kLn2Lo, -t);
  const double r = r1 - t;
  const double dr = ((r1 - r) - t) - t_err;
  if (k > 1000) return exp_scaled(r, dr, k);  // the 1 is far below half an ulp
  expm1_core(r, dr, &hi, &lo);
  // 2^k (1 + hi + lo) - 1 = (2^k - 1) + 2^k hi + 2^k lo; 2^k - 1 is exact
  // for -54 < k < 54 (beyond, the 1 joins the small term), and 2^k hi,
  // 2^k lo are exact scalings.
  const double scale = math::pow2<double>(k);
  const double a = k < 54 ? scale - 1 : scale, b = hi * scale;
  const double c = k < 54 ? lo * scale : lo * scale - 1;
  const double sum = a + b;
  const double sum_err = __builtin_fabs(a) >= __builtin_fabs(b) ? (a - sum) + b : (b - sum) + a;
  const double r_all = sum + (sum_err + c);
  if (math::exp_field(r_all) == Fp<double>::kExpMax) set_errno(QRV_ERANGE);
  return r_all;
}

// log(x) as hi + lo (|lo| <= ulp(hi)/2 roughly), for finite x > 0.
void log_dd(double x, double* hi, double* lo) {
  int e = 0;
  double m = x;
  if (math::exp_field(m) == 0) {
    m *= 0x1p54;
    e = -54;
  }
  e += math::exp_field(m) - Fp<double>::kBias;
  m = math::from_bits<double>((math::bits_of(m) & math::kMantMask<double>) |
                              (static_cast<uint64_t>(Fp<double>::kBias) << Fp<double>::kMantBits));  // [1, 2)
  if (m > 0x1.6a09e667f3bcdp0) {  // sqrt(2)
    m *= 0.5;
    ++e;
  }
  const double f = m - 1;  // exact (Sterbenz)
  const double s = f / (2 + f);
  const double z = s * s;
  // R(z) = 2 (z/3 + z^2/5 + ... + z^12/25)
  double rp = 2.0 / 25;
  for (int n = 11; n >= 1; --n) rp = fma(rp, z, 2.0 / (2 * n + 1));
  const double big_r = rp * z;
  const double hf = 0.5 * f;
  const double hfsq = hf * f, hfsq_err = fma(hf, f, -hfsq);
  const double main = f - hfsq, main_err = (f - main) - hfsq;  // Fast2Sum: |f| >= f^2/2
  const double ed = e;
  const double a = ed * kLn2Hi;  // exact
  const double sum = a + main;
  const double sum_err = __builtin_fabs(a) >= __builtin_fabs(main) ? (a - sum) + main : (main - sum) + a;
  const double small = fma(s, hfsq + big_r, ed * kLn2Lo) + (main_err - hfsq_err);
  *hi = sum + (sum_err + small);
  *lo = (sum - *hi) + (sum_err + small);
}

// The shared special cases of the logarithms; false when x needs the real work.
bool log_special(double x, double* r) {
  if (math::is_nan(x)) {
    *r = x + x;
  } else if (x == 0) {
    set_errno(QRV_ERANGE);
    volatile double zero = 0;
    *r = -1 / zero;  // FE_DIVBYZERO
  } else if (x < 0) {
    *r = math::domain_error<double>();
  } else if (math::exp_field(x) == Fp<double>::kExpMax) {
    *r = x;  // +inf
  } else {
    return false;
  }
  return true;
}

// log(1 + x) = log(u) + c/u, u = 1 + x rounded and c its rounding error.
double log1p_d(double x) {
  if (math::is_nan(x)) return x + x;
  if (x == -1) {
    set_errno(QRV_ERANGE);
    volatile double zero = 0;
    return -1 / zero;  // FE_DIVBYZERO
  }
  if (x < -1) return math::domain_error<double>();
  if (math::exp_field(x) == Fp<double>::kExpMax) return x;  // +inf
  if (math::abs_of(x) < 0x1p-54) {
    if (x != 0 && math::exp_field(x) == 0) math::raise_underflow<double>();
    return x == 0 ? x : x - x * x;  // x, inexact
  }
  const double u = 1 + x;
  const double c = math::abs_of(x) <= 1 ? (1 - u) + x : (x - u) + 1;
  double hi, lo;
  log_dd(u, &hi, &lo);
  return hi + (lo + c / u);
}

double log_d(double x) {
  double r, hi, lo;
  if (log_special(x, &r)) return r;
  if (x == 1) return 0;
  log_dd(x, &hi, &lo);
  return hi + lo;
}

// log(x) * (c_hi + c_lo), for log2 and log10.
double log_times(double x, double c_hi, double c_lo) {
  double hi, lo;
  log_dd(x, &hi, &lo);
  const double p = hi * c_hi;
  return p + (fma(hi, c_hi, -p) + fma(hi, c_lo, lo * c_hi));
}

constexpr double kInvLn2Hi = 0x1.71547652b82fep0, kInvLn2Lo = 0x1.777d0ffda0d24p-56;
constexpr double kInvLn10Hi = 0x1.bcb7b1526e50ep-2, kInvLn10Lo = 0x1.95355baaafad3p-57;

double log2_d(double x) {
  double r;
  if (log_special(x, &r)) return r;
  const auto b = math::bits_of(x);
  if (math::exp_field(x) != 0 && (b & math::kMantMask<double>) == 0) {
    return static_cast<double>(math::exp_field(x) - Fp<double>::kBias);  // a power of two: exact
  }
  if (math::exp_field(x) == 0 && (b & (b - 1)) == 0) {  // a subnormal power of two
    int bit = 0;
    while ((b >> bit) != 1) ++bit;
    return static_cast<double>(bit - 1074);
  }
  return log_times(x, kInvLn2Hi, kInvLn2Lo);
}

double log10_d(double x) {
  double r;
  if (log_special(x, &r)) return r;
  if (x == 1) return 0;
  return log_times(x, kInvLn10Hi, kInvLn10Lo);
}

}  // namespace

QRV_LIBC_FN(double, exp, (double x)) { return exp_d(x); }
QRV_LIBC_FN(float, expf, (float x)) {
  if (math::is_nan(x)) return x + x;
  const float r = static_cast<float>(exp_d(x));
  if ((r == 0 || math::exp_field(r) == Fp<float>::kExpMax) &&
      math::exp_field(x) != Fp<float>::kExpMax) {
    set_errno(QRV_ERANGE);
  }
  return r;
}
QRV_LIBC_FN(double, exp2, (double x)) { return exp2_d(x); }
QRV_LIBC_FN(float, exp2f, (float x)) {
  if (math::is_nan(x)) return x + x;
  const float r = static_cast<float>(exp2_d(x));
  if ((r == 0 || math::exp_field(r) == Fp<float>::kExpMax) && math::exp_field(x) != Fp<float>::kExpMax) {
    set_errno(QRV_ERANGE);
  }
  return r;
}
QRV_LIBC_FN(double, expm1, (double x)) { return expm1_d(x); }
QRV_LIBC_FN(float, expm1f, (float x)) {
  const float r = static_cast<float>(expm1_d(x));
  if (math::exp_field(r) == Fp<float>::kExpMax && math::exp_field(x) != Fp<float>::kExpMax) set_errno(QRV_ERANGE);
  return r;
}
QRV_LIBC_FN(double, log1p, (double x)) { return log1p_d(x); }
QRV_LIBC_FN(float, log1pf, (float x)) { return static_cast<float>(log1p_d(x)); }
QRV_LIBC_FN(double, log, (double x)) { return log_d(x); }
QRV_LIBC_FN(float, logf, (float x)) { return static_cast<float>(log_d(x)); }
QRV_LIBC_FN(double, log2, (double x)) { return log2_d(x); }
QRV_LIBC_FN(float, log2f, (float x)) { return static_cast<float>(log2_d(x)); }
QRV_LIBC_FN(double, log10, (double x)) { return log10_d(x); }
QRV_LIBC_FN(float, log10f, (float x)) { return static_cast<float>(log10_d(x)); }

}  // namespace qrv::libc
