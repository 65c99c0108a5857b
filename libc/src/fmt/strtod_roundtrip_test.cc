// Round trips through __qrv_strtod: 100k random doubles printed with %.17g
// come back bit for bit (and strtof agrees with glibc on the same strings);
// random long doubles printed with %.21Lg and %La agree with glibc's strtold.
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cstdint>

#include "gtest/gtest.h"
#include "libc/src/fmt/strtod.h"
#include "libc/src/fmt/strtod_compare.h"
#include "libc/src/fmt/test_util.h"

namespace qrv::fmt::testing {
namespace {

TEST(StrtodTest, RoundTripRandomDoubles) {
  Rng rng(0x5eed0104);
  int failures = 0;
  for (int i = 0; i < 100000; ++i) {
    const uint64_t bits = rng.next();
    double d;
    memcpy(&d, &bits, sizeof d);
    if (isnan(d)) continue;
    char buf[64];
    snprintf(buf, sizeof buf, "%.17g", d);
    int err = 0;
    char* end = nullptr;
    const double got = __qrv_strtod(buf, &end, &err);
    if (!same_bits(got, d) || *end != '\0') {
      ++failures;
      ADD_FAILURE() << buf;
    }
    if (i % 4 == 0) failures += !parses_like_glibc<float>(buf);
    ASSERT_LT(failures, 20);
  }
}

TEST(StrtodTest, RoundTripRandomLongDoubles) {
  Rng rng(0x5eed0105);
  int failures = 0;
  for (int i = 0; i < 3000; ++i) {
    long double v = ldexpl(static_cast<long double>(rng.next()) / 18446744073709551616.0L,
                           static_cast<int>(rng.below(32000)) - 16000);
    char buf[96];
    snprintf(buf, sizeof buf, "%.*Lg", LDBL_DECIMAL_DIG, v);
    failures += !parses_like_glibc<long double>(buf);
    snprintf(buf, sizeof buf, "%La", v);
    failures += !parses_like_glibc<long double>(buf);
    ASSERT_LT(failures, 20);
  }
}

}  // namespace
}  // namespace qrv::fmt::testing
