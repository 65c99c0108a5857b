// __qrv_vformat against glibc on 130k random doubles: raw bit patterns,
// exact binary fractions (decimal ties), subnormals and extremes, through
// %f %e %g %a with precisions 0..20 and some up to 60, and default precisions.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cstdint>

#include "gtest/gtest.h"
#include "libc/src/fmt/glibc_compare.h"
#include "libc/src/fmt/test_util.h"

namespace qrv::fmt::testing {
namespace {

// Random doubles: raw bit patterns, exact binary fractions (decimal ties at
// many precisions), and values of everyday magnitude.
double random_double(Rng& rng) {
  const uint64_t bits = rng.next();
  switch (rng.below(4)) {
    case 0: {
      double d;
      memcpy(&d, &bits, sizeof d);
      return d;
    }
    case 1:
      return ldexp(static_cast<double>(bits >> (11 + rng.below(40))),
                   -static_cast<int>(rng.below(60)));
    case 2:
      return static_cast<double>(static_cast<int64_t>(bits) >> rng.below(63)) *
             pow(10.0, static_cast<double>(static_cast<int>(rng.below(60)) - 30));
    default: {
      // Subnormals and values near the extremes.
      double d;
      uint64_t b = bits & 0x800fffffffffffffull;
      if (rng.below(2) != 0) b |= 0x7fe0000000000000ull;
      memcpy(&d, &b, sizeof d);
      return d;
    }
  }
}

TEST(FormatTest, RandomDoubles) {
  Rng rng(0x5eed0001);
  const char convs[] = "feEgGaA";
  const char* flag_choices[] = {"", "", "#", "+", " ", "-", "0", "#0", "+#"};
  int failures = 0;
  for (int i = 0; i < 120000; ++i) {
    const double v = random_double(rng);
    const char conv = rng.below(3) == 0 ? convs[rng.below(7)] : "feg"[rng.below(3)];
    const int prec =
        rng.below(10) == 0 ? static_cast<int>(21 + rng.below(40)) : static_cast<int>(rng.below(21));
    const char* flags = flag_choices[rng.below(9)];
    char fmt[32];
    snprintf(fmt, sizeof fmt, "%%%s%d.%d%c", flags, static_cast<int>(rng.below(30)), prec, conv);
    failures += !same_as_glibc(fmt, v);
    ASSERT_LT(failures, 20);
  }
}

TEST(FormatTest, ShortestDefaults) {
  Rng rng(0x5eed0002);
  int failures = 0;
  for (int i = 0; i < 10000; ++i) {
    const double v = random_double(rng);
    failures += !same_as_glibc("%a|%g|%e|%.17g|%.0f|%#.0e|%#g", v, v, v, v, v, v, v);
    ASSERT_LT(failures, 20);
  }
}

}  // namespace
}  // namespace qrv::fmt::testing
