// __qrv_strtod/strtof/strtold against glibc: edge strings (halfway cases,
// the 2^-1074 boundary, overflow, underflow, 800+ digit strings, hex floats,
// junk suffixes), random decimal strings and round trips of random doubles.
#include "libc/src/fmt/strtod.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libc/src/fmt/strtod_compare.h"
#include "libc/src/fmt/test_util.h"

namespace qrv::fmt::testing {
namespace {

TEST(StrtodTest, EdgeStrings) {
  const std::vector<std::string> cases = {
      "0",
      "-0",
      "+0.0e10",
      "1",
      "-1",
      "1.5",
      "  \t\n 42abc",
      "3.14159265358979323846",
      "1e23",
      "8.5e-5",
      ".5",
      "5.",
      ".",
      "-.",
      "+",
      "",
      "   ",
      "e5",
      "1e",
      "1e+",
      "1e-x",
      "1.e3",
      "0x",
      "0x.",
      "0xg",
      "0x1p",
      "0x1p+",
      "0x1.8p3",
      "0X1.8P3",
      "-0x1.fffffffffffffp1023",
      "0x1p-1074",
      "0x1p-1075",
      "0x1.8p-1074",
      "0x1.0000000000000800000000000001p0",
      "0x1.00000000000008p0",
      "0x1.00000000000018p0",
      "0x.8",
      "0x1234567890abcdef1234567890abcdefp-100",
      "inf",
      "-INF",
      "infinity",
      "INFINITYx",
      "infin",
      "nan",
      "-nan",
      "NaN(123)",
      "nan(abc_9)x",
      "nan(",
      "nan(a b)",
      "nan()",
      "1e400",
      "-1e400",
      "1e-400",
      "-1e-400",
      "1e308",
      "1.7976931348623157e308",
      "1.7976931348623158e308",
      "1.7976931348623159e308",
      "2.2250738585072014e-308",
      "2.2250738585072011e-308",
      "2.2250738585072012e-308",
      "2.2250738585072013e-308",
      "4.9406564584124654e-324",
      "2.4703282292062327e-324",
      "2.4703282292062328e-324",
      "2."
      "47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180"
      "81799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858"
      "39244910518443593180284993653615250031937045767824921936562366986365848075700158576926990370"
      "63119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999"
      "77096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537"
      "45851666113422376667860416215968046191446729184030053005753084904876539171138659164623952491"
      "26236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551"
      "89313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591"
      "327667236328125e-324",
      "9007199254740993",
      "9007199254740993.0000000000000000000001",
      "9007199254740992.9999999999999",
      "9007199254740995",
      "1.00000000000000011102230246251565404236316680908203125",
      "1.00000000000000011102230246251565404236316680908203124",
      "1.00000000000000011102230246251565404236316680908203126",
      "7.038531e-26",
      "3.4028235e38",
      "3.4028236e38",
      "1.17549435e-38",
      "1.4e-45",
      "7e-46",
      "1e-45",
      "123456789012345678901234567890",
      "0.000000000000000000000000000000000000000000001e45",
      "1e-2147483648",
      "1e2147483648",
      "1e99999999999999999999",
      "0e99999999999999999999",
      "1e-99999999999999999999",
      "000000001.5",
      "1_000",
      "1,5",
      "0x1.fffffffffffff8p1023",
      "0x1.fffffffffffff7ffp1023",
      "1.18973149535723176502e+4932",
      "1.18973149535723176508e+4932",
      "3.6451995318824746025e-4951",
      "1.8225997659412373012e-4951",
      "1e-4951",
      "1e4933",
  };
  for (const std::string& s : cases) EXPECT_TRUE(all_types_like_glibc(s));
  // Extreme exponents and digit counts that only the scanner's clamps and
  // trimming keep in range.
  const std::vector<std::string> extremes = {
      "0x1p99999999999999999999",
      "-0x1p-99999999999999999999",
      "0x0.0000001p-1060",
      "0x123456789abcdef0123456789abcdef0123p-1100",
      "0x123456789abcdef0123456789abcdef0123p-16500",
      "0x.000000000000000000000000000000000000000000001p0",
      "1" + std::string(5000, '0') + "e-5000",
      "0." + std::string(400, '0') + "1e400",
      "0." + std::string(400, '0') + "1e-99999999999999999999",
      std::string(400, '9') + "e-99999999999999999999",
      std::string(400, '9') + "e99999999999999999999",
  };
  for (const std::string& s : extremes) EXPECT_TRUE(all_types_like_glibc(s));
}

TEST(StrtodTest, LongDigitStrings) {
  Rng rng(0x5eed0101);
  for (int i = 0; i < 300; ++i) {
    std::string s = rng.below(2) != 0 ? "0." : "";
    const int n = 700 + static_cast<int>(rng.below(1500));
    for (int k = 0; k < n; ++k) s += static_cast<char>('0' + rng.below(10));
    if (rng.below(2) != 0) s += "e" + std::to_string(static_cast<int>(rng.below(1400)) - 1100);
    EXPECT_TRUE(all_types_like_glibc(s));
  }
  // Exact halfway between two doubles, then a nonzero digit far beyond 800 digits.
  const std::string half = "9007199254740993";
  EXPECT_TRUE(parses_like_glibc<double>(half + "." + std::string(2000, '0')));
  EXPECT_TRUE(parses_like_glibc<double>(half + "." + std::string(2000, '0') + "1"));
  EXPECT_TRUE(parses_like_glibc<double>("9007199254740992." + std::string(2000, '9')));
}

TEST(StrtodTest, Midpoints) {
  // Exact decimal midpoints between adjacent doubles (printed exactly from
  // x87 long double), plus the same nudged up or down in the last digit.
  Rng rng(0x5eed0102);
  for (int i = 0; i < 3000; ++i) {
    uint64_t bits = rng.next() & 0x7fefffffffffffffull;
    if (rng.below(4) == 0) bits &= 0x000fffffffffffffull;  // subnormal
    double d;
    memcpy(&d, &bits, sizeof d);
    const long double mid =
        (static_cast<long double>(d) + static_cast<long double>(nextafter(d, INFINITY))) / 2;
    char buf[1200];
    snprintf(buf, sizeof buf, "%.800Le", mid);
    std::string s(buf);
    EXPECT_TRUE(parses_like_glibc<double>(s));
    const size_t e = s.find('e');
    std::string up = s.substr(0, e) + "1" + s.substr(e);
    EXPECT_TRUE(parses_like_glibc<double>(up));
  }
}

TEST(StrtodTest, RandomDecimalStrings) {
  Rng rng(0x5eed0103);
  int failures = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string s = rng.below(3) == 0 ? "-" : "";
    const int n = 1 + static_cast<int>(rng.below(rng.below(4) == 0 ? 40 : 20));
    for (int k = 0; k < n; ++k) s += static_cast<char>('0' + rng.below(10));
    if (rng.below(2) != 0) s.insert(s.size() - rng.below(static_cast<uint32_t>(n)), ".");
    const int exp_range = rng.below(4) == 0 ? 9900 : 700;
    s += "e" + std::to_string(static_cast<int>(rng.below(static_cast<uint32_t>(exp_range))) -
                              exp_range / 2);
    failures += !parses_like_glibc<double>(s) + !parses_like_glibc<float>(s);
    if (i % 8 == 0) failures += !parses_like_glibc<long double>(s);
    ASSERT_LT(failures, 20);
  }
}

TEST(StrtodTest, NullEndAndErrAreAllowed) {
  EXPECT_EQ(__qrv_strtod("2.5", nullptr, nullptr), 2.5);
  EXPECT_EQ(__qrv_strtof("2.5", nullptr, nullptr), 2.5f);
  EXPECT_EQ(__qrv_strtold("2.5", nullptr, nullptr), 2.5L);
  int err = 0;
  EXPECT_EQ(__qrv_strtod("1e999", nullptr, &err), HUGE_VAL);
  EXPECT_EQ(err, QRV_FMT_ERANGE);
}

}  // namespace
}  // namespace qrv::fmt::testing
