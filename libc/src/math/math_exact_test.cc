// The exact functions against the host glibc's (the C names; QRV's are in
// qrv::libc), bit for bit, with errno and the raised exceptions: special
// values (signed zeros, subnormals, the extremes, infinities, NaN, halves)
// crossed with each other, then random bit patterns and random moderate
// values under a fixed seed, in all four rounding modes for rint and friends.
// NaN results compare as NaN only (the default NaN's sign is the hardware's);
// exceptions are not compared for signaling NaN inputs (POSIX leaves them open).
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <random>
#include <vector>

#include "libc/src/common/errno.h"
#include "libc/src/math/math_api.h"

namespace {

namespace q = qrv::libc;

constexpr int kAllExcept = FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT;

template <typename T>
std::vector<T> special() {
  using L = std::numeric_limits<T>;
  std::vector<T> v = {T(0),         T(0.5),   T(1),       T(1.5),         T(2),      T(2.5),       T(3),
                      T(-0.5),      T(-1.5),  T(-2.5),    T(0.49999997f), T(7),      T(1e10f),     L::min(),
                      L::denorm_min(), L::max(), L::infinity(), L::quiet_NaN(), L::epsilon(), T(1) / L::epsilon(),
                      T(0.75) / L::epsilon(), L::min() / T(3), T(2) * L::denorm_min(), T(3.14159265358979),
                      T(1e-30f), T(4503599627370497.0), T(9.2233720368547758e18), T(-9.2233720368547758e18),
                      T(2147483647.5), T(-2147483648.5), T(1.0000001f)};
  const size_t n = v.size();
  for (size_t i = 0; i < n; ++i) v.push_back(-v[i]);
  for (size_t i = 0; i < n; ++i) v.push_back(std::nextafter(v[i], T(0)));
  return v;
}

template <typename T>
std::vector<T> randoms(uint64_t seed, int count) {
  std::mt19937_64 rng(seed);
  std::vector<T> v;
  for (int i = 0; i < count; ++i) {
    if (i % 2 == 0) {
      const uint64_t b = rng();
      T x;
      if constexpr (sizeof(T) == 8) {
        std::memcpy(&x, &b, 8);
      } else {
        const uint32_t b32 = static_cast<uint32_t>(b);
        std::memcpy(&x, &b32, 4);
      }
      v.push_back(x);
    } else {
      std::uniform_real_distribution<double> d(-100, 100);
      const double e = std::ldexp(d(rng), static_cast<int>(rng() % 80) - 40);
      v.push_back(static_cast<T>(e));
    }
  }
  return v;
}

template <typename T>
bool same(T a, T b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

struct Outcome {
  int err;
  int flags;
};

// Runs f and records the exceptions it raised and the errno it set: QRV's
// (its own thread-block errno) for `ours`, else glibc's.
template <typename F>
auto run(F f, Outcome* o, bool ours) {
  errno = 0;
  q::set_errno(0);
  feclearexcept(kAllExcept);
  auto r = f();
  o->flags = fetestexcept(kAllExcept);
  o->err = ours ? q::get_errno() : errno;
  return r;
}

// glibc on x86 gives INT_MIN for ilogb of 0 and NaN; RISC-V -INT_MAX and INT_MAX.
int riscv_ilogb(int r, double x) {
  if (r != FP_ILOGB0) return r;
  return std::isnan(x) ? q::kFpIlogbNan : q::kFpIlogb0;
}

int g_failures = 0;

// glibc's x86-64 remainder (the x87's fprem1) gives -0 for an exact zero
// remainder of a positive x by a subnormal y; IEEE 754 and QRV give x's sign.
int g_remainder_zero_sign = 0;

template <typename R>
bool glibc_zero_sign_slip(const char* name, double x, double y, R ours, R theirs) {
  if constexpr (std::is_floating_point_v<R>) {
    if (std::strncmp(name, "remainder", 9) == 0 && ours == 0 && theirs == 0 && !std::isnormal(y) &&
        std::signbit(ours) == std::signbit(x) && std::signbit(theirs) != std::signbit(x)) {
      ++g_remainder_zero_sign;
      return true;
    }
  }
  return false;
}

template <typename R>
void expect_same(const char* name, double x, double y, R ours, R theirs, Outcome a, Outcome b, bool flags) {
  bool ok;
  if constexpr (std::is_floating_point_v<R>) {
    ok = same(ours, theirs) || glibc_zero_sign_slip(name, x, y, ours, theirs);
  } else {
    ok = ours == theirs;
  }
  ok = ok && a.err == b.err && (!flags || a.flags == b.flags);
  if (!ok && ++g_failures <= 40) {
    ADD_FAILURE() << name << "(" << std::hexfloat << x << ", " << y << "): ours " << ours << " errno " << a.err
                  << " flags " << a.flags << ", glibc " << theirs << " errno " << b.err << " flags " << b.flags << " bits " << std::hex << std::bit_cast<uint64_t>(x);
  }
}

#define UNARY(T, fn, vals, flags)                                                     \
  for (T x : vals) {                                                                \
    Outcome a, b;                                                                   \
    auto ours = run([&] { return q::fn(x); }, &a, true);                                  \
    auto theirs = run([&] { return ::fn(x); }, &b, false);                                 \
    expect_same(#fn, static_cast<double>(x), 0.0, ours, theirs, a, b, (flags) && !issignaling(x)); \
  }

#define BINARY(T, fn, vals, flags)                                                              \
  for (T x : vals)                                                                              \
    for (T y : vals) {                                                                          \
      Outcome a, b;                                                                             \
      auto ours = run([&] { return q::fn(x, y); }, &a, true);                                         \
      auto theirs = run([&] { return ::fn(x, y); }, &b, false);                                        \
      expect_same(#fn, static_cast<double>(x), static_cast<double>(y), ours, theirs, a, b,     \
                  (flags) && !issignaling(x) && !issignaling(y));                               \
    }

template <typename T>
std::vector<T> inputs(uint64_t seed) {
  std::vector<T> v = special<T>();
  const std::vector<T> r = randoms<T>(seed, 20000);
  v.insert(v.end(), r.begin(), r.end());
  return v;
}

// Pairs: the specials crossed, and random pairs of nearby exponents.
template <typename T>
std::vector<T> pair_inputs(uint64_t seed) {
  std::vector<T> v = special<T>();
  const std::vector<T> r = randoms<T>(seed, 300);
  v.insert(v.end(), r.begin(), r.end());
  return v;
}

TEST(MathExact, RoundingDouble) {
  const auto v = inputs<double>(1);
  for (int mode : {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO}) {
    fesetround(mode);
    UNARY(double, rint, v, true)
    UNARY(double, nearbyint, v, true)
    UNARY(double, floor, v, true)
    UNARY(double, ceil, v, true)
    UNARY(double, trunc, v, true)
    UNARY(double, round, v, true)
    fesetround(FE_TONEAREST);
  }
  // The integer conversions only where the result is defined.
  for (int mode : {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO}) {
    fesetround(mode);
    for (double x : v) {
      if (!(std::fabs(x) < 0x1p62)) continue;
      EXPECT_EQ(q::lrint(x), ::lrint(x)) << x;
      EXPECT_EQ(q::llrint(x), ::llrint(x)) << x;
      EXPECT_EQ(q::lround(x), ::lround(x)) << x;
      EXPECT_EQ(q::llround(x), ::llround(x)) << x;
    }
    fesetround(FE_TONEAREST);
  }
}

TEST(MathExact, RoundingFloat) {
  const auto v = inputs<float>(2);
  for (int mode : {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO}) {
    fesetround(mode);
    UNARY(float, rintf, v, true)
    UNARY(float, nearbyintf, v, true)
    UNARY(float, floorf, v, true)
    UNARY(float, ceilf, v, true)
    UNARY(float, truncf, v, true)
    UNARY(float, roundf, v, true)
    for (float x : v) {
      if (!(std::fabs(x) < 0x1p62f)) continue;
      EXPECT_EQ(q::lrintf(x), ::lrintf(x)) << x;
      EXPECT_EQ(q::lroundf(x), ::lroundf(x)) << x;
    }
    fesetround(FE_TONEAREST);
  }
}

TEST(MathExact, UnaryDouble) {
  const auto v = inputs<double>(3);
  UNARY(double, fabs, v, true)
  UNARY(double, logb, v, true)
  for (double x : v) EXPECT_EQ(q::ilogb(x), riscv_ilogb(::ilogb(x), x)) << x;
  UNARY(double, sqrt, v, true)
}

TEST(MathExact, UnaryFloat) {
  const auto v = inputs<float>(4);
  UNARY(float, fabsf, v, true)
  UNARY(float, logbf, v, true)
  for (float x : v) EXPECT_EQ(q::ilogbf(x), riscv_ilogb(::ilogbf(x), x)) << x;
  UNARY(float, sqrtf, v, true)
}

TEST(MathExact, BinaryDouble) {
  const auto v = pair_inputs<double>(5);
  BINARY(double, copysign, v, true)
  BINARY(double, fmod, v, true)
  BINARY(double, remainder, v, true)
  BINARY(double, fmin, v, true)
  BINARY(double, fmax, v, true)
  BINARY(double, fdim, v, true)
  BINARY(double, nextafter, v, true)
  printf("remainder: %d exact zeros where glibc's sign is not x's\n", g_remainder_zero_sign);
}

TEST(MathExact, BinaryFloat) {
  const auto v = pair_inputs<float>(6);
  BINARY(float, copysignf, v, true)
  BINARY(float, fmodf, v, true)
  BINARY(float, remainderf, v, true)
  BINARY(float, fminf, v, true)
  BINARY(float, fmaxf, v, true)
  BINARY(float, fdimf, v, true)
  BINARY(float, nextafterf, v, true)
}

TEST(MathExact, Remquo) {
  const auto v = pair_inputs<double>(7);
  for (double x : v)
    for (double y : v) {
      int qa = 0, qb = 0;
      const double a = q::remquo(x, y, &qa), b = ::remquo(x, y, &qb);
      ASSERT_TRUE(same(a, b)) << x << " " << y;
      if (!std::isnan(a)) {
        ASSERT_EQ(qa, qb) << x << " " << y;
      }
    }
  const auto vf = pair_inputs<float>(8);
  for (float x : vf)
    for (float y : vf) {
      int qa = 0, qb = 0;
      const float a = q::remquof(x, y, &qa), b = ::remquof(x, y, &qb);
      ASSERT_TRUE(same(a, b)) << x << " " << y;
      if (!std::isnan(a)) {
        ASSERT_EQ(qa, qb) << x << " " << y;
      }
    }
}

TEST(MathExact, Scaling) {
  const auto v = inputs<double>(9);
  const auto vf = inputs<float>(10);
  for (int n : {0, 1, -1, 52, -52, 1023, -1022, -1074, -1075, 1100, -1100, 2000, -2000, 3000, -3000, 100000, -100000}) {
    for (int mode : {FE_TONEAREST, FE_UPWARD}) {
      fesetround(mode);
      for (double x : v) {
        Outcome a, b;
        auto ours = run([&] { return q::ldexp(x, n); }, &a, true);
        auto theirs = run([&] { return ::ldexp(x, n); }, &b, false);
        expect_same("ldexp", x, n, ours, theirs, a, b, !issignaling(x));
        ours = run([&] { return q::scalbn(x, n); }, &a, true);
        theirs = run([&] { return ::scalbn(x, n); }, &b, false);
        expect_same("scalbn", x, n, ours, theirs, a, b, !issignaling(x));
        ours = run([&] { return q::scalbln(x, n); }, &a, true);
        theirs = run([&] { return ::scalbln(x, n); }, &b, false);
        expect_same("scalbln", x, n, ours, theirs, a, b, !issignaling(x));
      }
      for (float x : vf) {
        Outcome a, b;
        auto ours = run([&] { return q::ldexpf(x, n); }, &a, true);
        auto theirs = run([&] { return ::ldexpf(x, n); }, &b, false);
        expect_same("ldexpf", x, n, ours, theirs, a, b, !issignaling(x));
        ours = run([&] { return q::scalbnf(x, n); }, &a, true);
        theirs = run([&] { return ::scalbnf(x, n); }, &b, false);
        expect_same("scalbnf", x, n, ours, theirs, a, b, !issignaling(x));
      }
      fesetround(FE_TONEAREST);
    }
  }
  for (double x : v) {
    int ea = 0, eb = 0;
    ASSERT_TRUE(same(q::frexp(x, &ea), ::frexp(x, &eb))) << x;
    ASSERT_EQ(ea, eb) << x;
    double ia = 0, ib = 0;
    ASSERT_TRUE(same(q::modf(x, &ia), ::modf(x, &ib))) << x;
    ASSERT_TRUE(same(ia, ib)) << x;
  }
  for (float x : vf) {
    int ea = 0, eb = 0;
    ASSERT_TRUE(same(q::frexpf(x, &ea), ::frexpf(x, &eb))) << x;
    ASSERT_EQ(ea, eb) << x;
    float ia = 0, ib = 0;
    ASSERT_TRUE(same(q::modff(x, &ia), ::modff(x, &ib))) << x;
    ASSERT_TRUE(same(ia, ib)) << x;
  }
}

TEST(MathExact, Fma) {
  const auto v = pair_inputs<double>(11);
  for (size_t i = 0; i + 2 < v.size(); ++i) {
    EXPECT_TRUE(same(q::fma(v[i], v[i + 1], v[i + 2]), ::fma(v[i], v[i + 1], v[i + 2])));
  }
}

}  // namespace
