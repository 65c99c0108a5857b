// hypot and cbrt, within one ulp (not correctly rounded in every case;
// neither are glibc's): an approximation refined by one Newton step whose
// residual is computed exactly enough with fma. float versions work in
// double and round once at the end.
#include "libc/src/common/entrypoint.h"
#include "libc/src/math/fp.h"
#include "libc/src/math/math_api.h"

namespace qrv::libc {
namespace {

using math::Fp;

double fused(double a, double b, double c) { return fma(a, b, c); }

double hypot_d(double x, double y) {
  const int fx = math::exp_field(x), fy = math::exp_field(y);
  if (fx == Fp<double>::kExpMax || fy == Fp<double>::kExpMax) {
    // An infinity wins over a NaN (C Annex F); otherwise NaN propagates.
    if ((fx == Fp<double>::kExpMax && !math::is_nan(x)) || (fy == Fp<double>::kExpMax && !math::is_nan(y))) {
      return __builtin_inf();
    }
    return x + y;
  }
  double a = math::abs_of(x), b = math::abs_of(y);
  if (a < b) {
    const double t = a;
    a = b;
    b = t;
  }
  if (b == 0) return a;
  const int ea = math::exp_field(a), eb = math::exp_field(b);
  if (ea - eb > 60) return a + b;  // b^2 is below half an ulp of a^2: a, inexact
  // Scale into the middle of the range so neither square over- or underflows.
  double scale = 1;
  if (ea > Fp<double>::kBias + 500) {
    a *= 0x1p-600;
    b *= 0x1p-600;
    scale = 0x1p600;
  } else if (eb < Fp<double>::kBias - 500) {
    a *= 0x1p600;
    b *= 0x1p600;
    scale = 0x1p-600;
  }
  double h = sqrt(fused(a, a, b * b));
  // Residual a^2 + b^2 - h^2 from the exact products' heads and tails.
  const double a2 = a * a, ea2 = fused(a, a, -a2);
  const double b2 = b * b, eb2 = fused(b, b, -b2);
  const double h2 = h * h, eh2 = fused(h, h, -h2);
  const double resid = ((a2 - h2) + b2) + ((ea2 + eb2) - eh2);
  h = h + resid / (2 * h);
  const double r = h * scale;
  if (math::exp_field(r) == Fp<double>::kExpMax) set_errno(QRV_ERANGE);
  return r;
}

float hypot_f(float x, float y) {
  if (math::exp_field(x) == Fp<float>::kExpMax || math::exp_field(y) == Fp<float>::kExpMax) {
    if ((math::exp_field(x) == Fp<float>::kExpMax && !math::is_nan(x)) ||
        (math::exp_field(y) == Fp<float>::kExpMax && !math::is_nan(y))) {
      return __builtin_inff();
    }
    return x + y;
  }
  const double dx = x, dy = y;
  const float r = static_cast<float>(sqrt(dx * dx + dy * dy));  // products exact in double
  if (math::exp_field(r) == Fp<float>::kExpMax) set_errno(QRV_ERANGE);
  return r;
}

double cbrt_d(double x) {
  if (x == 0 || math::exp_field(x) == Fp<double>::kExpMax) return x + x;
  double m = math::abs_of(x);
  int shift = 0;
  if (math::exp_field(m) == 0) {  // subnormal: scale by 2^54 (cube root 2^18)
    m *= 0x1p54;
    shift = -18;
  }
  // m = f * 2^(3k) with f in [1, 8).
  const int e = math::exp_field(m) - Fp<double>::kBias;
  const int k = (e >= 0 ? e : e - 2) / 3;
  const int half = -3 * k / 2;  // two steps: 2^(-3k) may be outside the normal range
  const double f = m * math::pow2<double>(half) * math::pow2<double>(-3 * k - half);
  double y = 1 + (f - 1) * (1.0 / 7);
  for (int i = 0; i < 5; ++i) y = (2 * y + f / (y * y)) * (1.0 / 3);
  // One more step with y^3 - f computed nearly exactly.
  const double y2 = y * y, ey2 = fused(y, y, -y2);
  const double y3 = y2 * y, ey3 = fused(y2, y, -y3);
  const double resid = (y3 - f) + fused(ey2, y, ey3);
  y = y - resid / (3 * y2);
  const double r = y * math::pow2<double>(k + shift);
  return math::with_sign_of(r, x);
}

float cbrt_f(float x) {
  if (x == 0 || math::exp_field(x) == Fp<float>::kExpMax) return x + x;
  return static_cast<float>(cbrt_d(static_cast<double>(x)));
}

}  // namespace

QRV_LIBC_FN(double, hypot, (double x, double y)) { return hypot_d(x, y); }
QRV_LIBC_FN(float, hypotf, (float x, float y)) { return hypot_f(x, y); }
QRV_LIBC_FN(double, cbrt, (double x)) { return cbrt_d(x); }
QRV_LIBC_FN(float, cbrtf, (float x)) { return cbrt_f(x); }

}  // namespace qrv::libc
