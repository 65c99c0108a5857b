// hypot and cbrt: the error in ulps against an x87 long double reference
// (11 more bits than double), and how often the result equals glibc's, over
// random bit patterns, random moderate values and the edges (subnormals,
// near overflow, wide exponent gaps), with a fixed seed; special values
// exactly. Prints the measured maxima.
#include <errno.h>
#include <math.h>
#include <stdio.h>

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "libc/src/common/errno.h"
#include "libc/src/math/math_api.h"

namespace {

namespace q = qrv::libc;

// |got - ref| in units of the last place of the format T at ref.
template <typename T>
double ulp_error(T got, long double ref) {
  using L = std::numeric_limits<T>;
  if (std::isinf(got)) return std::fabs(ref) > static_cast<long double>(L::max()) ? 0 : 1e9;
  int e;
  std::frexp(ref, &e);  // ref = f * 2^e, f in [0.5, 1)
  const int lsb = std::max(e - L::digits, L::min_exponent - L::digits);
  return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / std::ldexp(1.0L, lsb));
}

template <typename T>
std::vector<T> values(uint64_t seed, int n) {
  using L = std::numeric_limits<T>;
  std::mt19937_64 rng(seed);
  std::vector<T> v = {L::denorm_min(), L::min(), L::max(), T(1), T(2), T(3), T(0.5), T(1e-10), T(27), T(8)};
  for (int i = 0; i < n; ++i) {
    T x;
    if (i % 2 == 0) {
      do {
        const uint64_t b = rng();
        if constexpr (sizeof(T) == 8) {
          std::memcpy(&x, &b, 8);
        } else {
          const uint32_t b32 = static_cast<uint32_t>(b);
          std::memcpy(&x, &b32, 4);
        }
      } while (!std::isfinite(x));
    } else {
      std::uniform_real_distribution<double> d(0.5, 1);
      x = static_cast<T>(std::ldexp(d(rng), static_cast<int>(rng() % 60) - 30));
      if (rng() & 1) x = -x;
    }
    v.push_back(x);
  }
  return v;
}

struct Stats {
  double max_ulp = 0;
  double max_ulp_glibc = 0;
  long same = 0, total = 0;
};

template <typename T>
void record(Stats* s, T ours, T glibc, long double ref) {
  s->max_ulp = std::max(s->max_ulp, ulp_error(ours, ref));
  s->max_ulp_glibc = std::max(s->max_ulp_glibc, ulp_error(glibc, ref));
  s->same += std::memcmp(&ours, &glibc, sizeof(T)) == 0;
  ++s->total;
}

void report(const char* name, const Stats& s) {
  printf("%-7s max %.3f ulp (glibc's %.3f), equal to glibc's %ld of %ld\n", name, s.max_ulp, s.max_ulp_glibc, s.same,
         s.total);
}

TEST(Roots, Hypot) {
  const auto v = values<double>(1, 600);
  Stats s;
  for (double x : v)
    for (double y : v) record(&s, q::hypot(x, y), ::hypot(x, y), sqrtl(static_cast<long double>(x) * x + static_cast<long double>(y) * y));
  std::mt19937_64 rng(2);
  for (int i = 0; i < 200000; ++i) {
    const double x = std::ldexp(1.0 + static_cast<double>(rng() >> 12) * 0x1p-52, static_cast<int>(rng() % 2000) - 1000);
    const double y = std::ldexp(x, -static_cast<int>(rng() % 40)) * (1 + static_cast<double>(rng() >> 12) * 0x1p-52);
    record(&s, q::hypot(x, y), ::hypot(x, y), sqrtl(static_cast<long double>(x) * x + static_cast<long double>(y) * y));
  }
  report("hypot", s);
  EXPECT_LE(s.max_ulp, 1.0);
  const auto vf = values<float>(3, 600);
  Stats sf;
  for (float x : vf)
    for (float y : vf) record(&sf, q::hypotf(x, y), ::hypotf(x, y), sqrtl(static_cast<long double>(x) * x + static_cast<long double>(y) * y));
  report("hypotf", sf);
  EXPECT_LE(sf.max_ulp, 1.0);

  const double inf = HUGE_VAL, nan = NAN;
  EXPECT_EQ(q::hypot(inf, nan), inf);
  EXPECT_EQ(q::hypot(nan, -inf), inf);
  EXPECT_TRUE(std::isnan(q::hypot(nan, 1.0)));
  EXPECT_EQ(q::hypot(-0.0, 0.0), 0.0);
  EXPECT_FALSE(std::signbit(q::hypot(-0.0, -0.0)));
  EXPECT_EQ(q::hypot(3.0, 4.0), 5.0);
  EXPECT_EQ(q::hypotf(3.0f, -4.0f), 5.0f);
  q::set_errno(0);
  EXPECT_EQ(q::hypot(0x1.8p1023, 0x1.8p1023), inf);
  EXPECT_EQ(q::get_errno(), ERANGE);
  q::set_errno(0);
  EXPECT_EQ(q::hypot(0x1.fffffffffffffp1023, 1.0), 0x1.fffffffffffffp1023);
  EXPECT_EQ(q::get_errno(), 0);
}

TEST(Roots, Cbrt) {
  const auto v = values<double>(4, 400000);
  Stats s;
  for (double x : v) record(&s, q::cbrt(x), ::cbrt(x), cbrtl(static_cast<long double>(x)));
  report("cbrt", s);
  EXPECT_LE(s.max_ulp, 1.0);
  const auto vf = values<float>(5, 400000);
  Stats sf;
  for (float x : vf) record(&sf, q::cbrtf(x), ::cbrtf(x), cbrtl(static_cast<long double>(x)));
  report("cbrtf", sf);
  EXPECT_LE(sf.max_ulp, 1.0);
  const double exact[][2] = {{0.0, 0.0},   {-0.0, -0.0},          {HUGE_VAL, HUGE_VAL},   {-HUGE_VAL, -HUGE_VAL},
                             {27.0, 3.0}, {-8.0, -2.0},          {0x1p-1074, 0x1p-358},  {0x1p-1071, 0x1p-357},
                             {0x1p1023, 0x1p341}, {0x1.bp-1064, 0x1.8p-355}};
  for (const auto& c : exact) {
    const double a = q::cbrt(c[0]);
    EXPECT_EQ(std::memcmp(&a, &c[1], 8), 0) << std::hexfloat << c[0] << " " << a;
  }
  EXPECT_TRUE(std::isnan(q::cbrt(NAN)));
}

}  // namespace
