// exp, exp2, expm1, log, log1p, log2 and log10: the error in ulps against glibc's x87 long double expl, exp2l, expm1l, logl, log1pl,
// log2l and log10l (11 more bits), over random inputs across the whole range, the
// overflow and underflow thresholds, subnormals and values near 1 (fixed
// seeds); special values and errno exactly. Prints the measured maxima.
#include <math.h>
#include <stdio.h>

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <random>

#include "libc/src/common/errno.h"
#include "libc/src/math/math_api.h"

namespace {

namespace q = qrv::libc;

template <typename T>
double ulp_error(T got, long double ref) {
  using L = std::numeric_limits<T>;
  if (std::isinf(got)) return std::fabs(ref) > static_cast<long double>(L::max()) ? 0 : 1e9;
  int e;
  std::frexp(ref, &e);
  const int lsb = std::max(e - L::digits, L::min_exponent - L::digits);
  return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / std::ldexp(1.0L, lsb));
}

struct Max {
  double ours = 0, glibc = 0;
  double worst_x = 0;
  void add(double err_ours, double err_glibc, double x) {
    if (err_ours > ours) {
      ours = err_ours;
      worst_x = x;
    }
    glibc = std::max(glibc, err_glibc);
  }
  void report(const char* name) const {
    printf("%-5s max %.3f ulp at %a (glibc's %.3f)\n", name, ours, worst_x, glibc);
  }
};

TEST(ExpLog, Exp) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> whole(-746, 710), small(-1, 1);
  Max d, f, d2, f2, dm, fm;
  std::uniform_real_distribution<double> whole2(-1076, 1025);
  for (int i = 0; i < 1000000; ++i) {
    const double xm = i % 3 == 0 ? small(rng) * std::ldexp(1.0, -static_cast<int>(rng() % 60)) : whole(rng) / (i % 2 ? 16 : 1);
    const long double refm = expm1l(static_cast<long double>(xm));
    dm.add(ulp_error(q::expm1(xm), refm), ulp_error(::expm1(xm), refm), xm);
    const float xmf = static_cast<float>(xm / 8);
    const long double refmf = expm1l(static_cast<long double>(xmf));
    fm.add(ulp_error(q::expm1f(xmf), refmf), ulp_error(::expm1f(xmf), refmf), xmf);
    const double x2 = i % 3 == 0 ? small(rng) * std::ldexp(1.0, -static_cast<int>(rng() % 60)) : whole2(rng);
    const long double ref2 = exp2l(static_cast<long double>(x2));
    d2.add(ulp_error(q::exp2(x2), ref2), ulp_error(::exp2(x2), ref2), x2);
    const float x2f = static_cast<float>(x2 / 8);
    const long double ref2f = exp2l(static_cast<long double>(x2f));
    f2.add(ulp_error(q::exp2f(x2f), ref2f), ulp_error(::exp2f(x2f), ref2f), x2f);
    double x = i % 4 == 0 ? small(rng) * std::ldexp(1.0, -static_cast<int>(rng() % 60)) : whole(rng);
    if (i % 16 == 1) x = 0x1.62e42fefa39efp9 - static_cast<double>(rng() % 1000) * 0x1p-43;
    if (i % 16 == 2) x = -0x1.74910d52d3051p9 + static_cast<double>(rng() % 1000) * 0x1p-43;
    if (i % 16 == 3) x = -708.4 - small(rng);  // results near the smallest normal
    const long double ref = expl(static_cast<long double>(x));
    d.add(ulp_error(q::exp(x), ref), ulp_error(::exp(x), ref), x);
    const float xf = static_cast<float>(x * (i % 2 ? 1.0 / 8 : 1.0));
    const long double reff = expl(static_cast<long double>(xf));
    f.add(ulp_error(q::expf(xf), reff), ulp_error(::expf(xf), reff), xf);
  }
  d.report("exp");
  f.report("expf");
  d2.report("exp2");
  f2.report("exp2f");
  dm.report("expm1");
  fm.report("expm1f");
  EXPECT_LE(dm.ours, 1.0);
  EXPECT_LE(fm.ours, 1.0);
  EXPECT_EQ(q::expm1(-HUGE_VAL), -1.0);
  EXPECT_EQ(q::expm1(-50.0), -1.0);
  EXPECT_TRUE(std::signbit(q::expm1(-0.0)));
  EXPECT_EQ(q::expm1(0x1p-1074), 0x1p-1074);
  EXPECT_LE(d2.ours, 1.0);
  EXPECT_LE(f2.ours, 1.0);
  for (int k = -1074; k <= 1023; ++k) ASSERT_EQ(q::exp2(k), std::ldexp(1.0, k)) << k;
  q::set_errno(0);
  EXPECT_EQ(q::exp2(1024.0), HUGE_VAL);
  EXPECT_EQ(q::get_errno(), ERANGE);
  EXPECT_EQ(q::exp2(-1075.0), 0.0);
  EXPECT_EQ(q::exp2(-HUGE_VAL), 0.0);
  EXPECT_LE(d.ours, 1.0);
  EXPECT_LE(f.ours, 1.0);
  EXPECT_EQ(q::exp(0.0), 1.0);
  EXPECT_EQ(q::exp(-0.0), 1.0);
  EXPECT_EQ(q::exp(-HUGE_VAL), 0.0);
  EXPECT_EQ(q::exp(HUGE_VAL), HUGE_VAL);
  EXPECT_TRUE(std::isnan(q::exp(NAN)));
  q::set_errno(0);
  EXPECT_EQ(q::exp(710.0), HUGE_VAL);
  EXPECT_EQ(q::get_errno(), ERANGE);
  q::set_errno(0);
  EXPECT_EQ(q::exp(-746.0), 0.0);
  EXPECT_EQ(q::get_errno(), ERANGE);
  q::set_errno(0);
  EXPECT_EQ(q::expf(89.0f), HUGE_VALF);
  EXPECT_EQ(q::get_errno(), ERANGE);
}

TEST(ExpLog, Log) {
  std::mt19937_64 rng(2);
  std::uniform_real_distribution<double> near1(-0x1p-4, 0x1p-4);
  Max d, f, d2, f2, d10, f10, dp, fp;
  for (int i = 0; i < 1000000; ++i) {
    const double xp = i % 3 == 0 ? near1(rng) * std::ldexp(1.0, -static_cast<int>(rng() % 60))
                                 : std::ldexp(1.0 + near1(rng), static_cast<int>(rng() % 200) - 100) - (i % 5 == 0 ? 1 : 0);
    if (xp > -1) {
      const long double refp = log1pl(static_cast<long double>(xp));
      dp.add(ulp_error(q::log1p(xp), refp), ulp_error(::log1p(xp), refp), xp);
      const float xpf = static_cast<float>(xp);
      if (xpf > -1) {
        const long double refpf = log1pl(static_cast<long double>(xpf));
        fp.add(ulp_error(q::log1pf(xpf), refpf), ulp_error(::log1pf(xpf), refpf), xpf);
      }
    }
    double x;
    if (i % 3 == 0) {
      x = 1 + near1(rng) * std::ldexp(1.0, -static_cast<int>(rng() % 50));
    } else {
      const uint64_t b = rng() >> 1;  // positive, finite unless the exponent is all ones
      std::memcpy(&x, &b, 8);
      if (!std::isfinite(x)) continue;
    }
    if (x == 0) continue;
    const long double ref = logl(static_cast<long double>(x));
    d.add(ulp_error(q::log(x), ref), ulp_error(::log(x), ref), x);
    const long double ref2 = log2l(static_cast<long double>(x)), ref10 = log10l(static_cast<long double>(x));
    d2.add(ulp_error(q::log2(x), ref2), ulp_error(::log2(x), ref2), x);
    d10.add(ulp_error(q::log10(x), ref10), ulp_error(::log10(x), ref10), x);
    float xf;
    const uint32_t bf = static_cast<uint32_t>(rng() >> 33);
    std::memcpy(&xf, &bf, 4);
    if (i % 3 == 0) xf = static_cast<float>(x);
    if (!std::isfinite(xf) || xf == 0) continue;
    const long double reff = logl(static_cast<long double>(xf));
    f.add(ulp_error(q::logf(xf), reff), ulp_error(::logf(xf), reff), xf);
    const long double reff2 = log2l(static_cast<long double>(xf)), reff10 = log10l(static_cast<long double>(xf));
    f2.add(ulp_error(q::log2f(xf), reff2), ulp_error(::log2f(xf), reff2), xf);
    f10.add(ulp_error(q::log10f(xf), reff10), ulp_error(::log10f(xf), reff10), xf);
  }
  d.report("log");
  f.report("logf");
  dp.report("log1p");
  fp.report("log1pf");
  EXPECT_LE(dp.ours, 1.0);
  EXPECT_LE(fp.ours, 1.0);
  EXPECT_TRUE(std::signbit(q::log1p(-0.0)));
  EXPECT_EQ(q::log1p(0x1p-1074), 0x1p-1074);
  EXPECT_EQ(q::log1p(-1.0), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(q::log1p(-1.5)));
  d2.report("log2");
  f2.report("log2f");
  d10.report("log10");
  f10.report("log10f");
  EXPECT_LE(d2.ours, 1.0);
  EXPECT_LE(f2.ours, 1.0);
  EXPECT_LE(d10.ours, 1.0);
  EXPECT_LE(f10.ours, 1.0);
  for (int k = -1074; k <= 1023; ++k) ASSERT_EQ(q::log2(std::ldexp(1.0, k)), k);
  EXPECT_EQ(q::log10(1.0), 0.0);
  EXPECT_EQ(q::log10(0x1p-1074), -0x1.434e6420f4374p+8);
  q::set_errno(0);
  EXPECT_EQ(q::log2(0.0), -HUGE_VAL);
  EXPECT_EQ(q::get_errno(), ERANGE);
  q::set_errno(0);
  EXPECT_TRUE(std::isnan(q::log10(-2.0)));
  EXPECT_EQ(q::get_errno(), EDOM);
  EXPECT_LE(d.ours, 1.0);
  EXPECT_LE(f.ours, 1.0);
  EXPECT_EQ(q::log(1.0), 0.0);
  EXPECT_FALSE(std::signbit(q::log(1.0)));
  EXPECT_EQ(q::log(HUGE_VAL), HUGE_VAL);
  EXPECT_TRUE(std::isnan(q::log(NAN)));
  q::set_errno(0);
  EXPECT_EQ(q::log(0.0), -HUGE_VAL);
  EXPECT_EQ(q::log(-0.0), -HUGE_VAL);
  EXPECT_EQ(q::get_errno(), ERANGE);
  q::set_errno(0);
  EXPECT_TRUE(std::isnan(q::log(-1.0)));
  EXPECT_TRUE(std::isnan(q::log(-HUGE_VAL)));
  EXPECT_EQ(q::get_errno(), EDOM);
  EXPECT_EQ(q::log(0x1p-1074), -0x1.74385446d71c3p9);
}

}  // namespace
