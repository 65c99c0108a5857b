// __qrv_vformat against glibc on random long doubles over the whole
// exponent range (x87 on the host), through %Lf %Le %Lg %La %LE.
#include <math.h>
#include <stdio.h>

#include "gtest/gtest.h"
#include "libc/src/fmt/glibc_compare.h"
#include "libc/src/fmt/test_util.h"

namespace qrv::fmt::testing {
namespace {

TEST(FormatTest, RandomLongDoubles) {
  Rng rng(0x5eed0003);
  int failures = 0;
  for (int i = 0; i < 2000; ++i) {
    // Random x87 or binary128 encodings alike: build from a double and a random tail.
    long double v = ldexpl(static_cast<long double>(rng.next()) / 18446744073709551616.0L,
                           static_cast<int>(rng.below(32000)) - 16000);
    if (rng.below(2) != 0) v = -v;
    char fmt[32];
    snprintf(fmt, sizeof fmt, "%%.%dL%c", static_cast<int>(rng.below(26)), "fegaE"[rng.below(5)]);
    failures += !same_as_glibc(fmt, v);
    ASSERT_LT(failures, 20);
  }
}

}  // namespace
}  // namespace qrv::fmt::testing
