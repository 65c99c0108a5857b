// The binary128 paths that `long double` takes on RISC-V, run on the host:
// printing (%Le %Lf %Lg %La) and parsing against GCC's libquadmath
// (quadmath_snprintf, strtoflt128) on random __float128 values and strings.
#include <errno.h>
#include <quadmath.h>
#include <string.h>

#include <cstdint>
#include <string>

#include "gtest/gtest.h"
#include "libc/src/fmt/convert.h"
#include "libc/src/fmt/decimal.h"
#include "libc/src/fmt/float_bits.h"
#include "libc/src/fmt/float_parse.h"
#include "libc/src/fmt/sink.h"
#include "libc/src/fmt/strtod.h"
#include "libc/src/fmt/test_util.h"

namespace qrv::fmt::testing {
namespace {

u128 bits_of(__float128 v) {
  u128 b;
  memcpy(&b, &v, sizeof b);
  return b;
}

__float128 random_quad(Rng& rng) {
  u128 b = (u128{rng.next()} << 64) | rng.next();
  const uint32_t kind = rng.below(4);
  if (kind == 1) {
    b &= ~(u128{0x7fff} << 112);  // subnormal
  } else if (kind == 2) {
    // Moderate exponents, where %f output stays short.
    b = (b & ~(u128{0x7fff} << 112)) | (u128{16383 - 80 + rng.below(160)} << 112);
  }
  __float128 v;
  memcpy(&v, &b, sizeof v);
  return v;
}

std::string qrv_print(char conv, int prec, __float128 v) {
  std::string out;
  Sink sink(append_put, &out);
  Spec spec;
  spec.conv = conv;
  spec.precision = prec;
  spec.length = Length::kBigL;
  uint32_t scratch[kDecimalLimbsLongDouble];
  format_float(sink, spec, decode_binary128(bits_of(v)), kBinary128Format, scratch,
               kDecimalLimbsLongDouble);
  sink.flush();
  return out;
}

std::string quad_print(char conv, int prec, __float128 v) {
  const std::string fmt = std::string("%.*Q") + conv;
  const int n = quadmath_snprintf(nullptr, 0, fmt.c_str(), prec, v);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  quadmath_snprintf(out.data(), out.size(), fmt.c_str(), prec, v);
  out.resize(static_cast<size_t>(n));
  return out;
}

TEST(Binary128Test, PrintsLikeLibquadmath) {
  Rng rng(0x5eed0201);
  int failures = 0;
  for (int i = 0; i < 600; ++i) {
    const __float128 v = random_quad(rng);
    if (isnanq(v)) continue;
    const char conv = "eegfa"[rng.below(5)];
    if (conv == 'f' && fabsq(v) > 1e60Q) continue;
    const int prec = static_cast<int>(rng.below(40));
    const std::string want = quad_print(conv, prec, v);
    const std::string got = qrv_print(conv, prec, v);
    if (want != got) {
      ++failures;
      ADD_FAILURE() << "%." << prec << "L" << conv << ": quadmath \"" << want << "\" qrv \"" << got
                    << "\"";
    }
    ASSERT_LT(failures, 20);
  }
}

TEST(Binary128Test, ExtremesPrint) {
  const __float128 values[] = {FLT128_MAX, FLT128_MIN, FLT128_DENORM_MIN, 1.0Q, 0.1Q,
                               -2.5Q,      1e4000Q};
  for (__float128 v : values) {
    for (char conv : {'e', 'g', 'a'}) {
      for (int prec : {0, 3, 36, 60})
        EXPECT_EQ(qrv_print(conv, prec, v), quad_print(conv, prec, v));
    }
  }
  EXPECT_EQ(qrv_print('f', 10, FLT128_MAX), quad_print('f', 10, FLT128_MAX));
  EXPECT_EQ(qrv_print('f', 11500, FLT128_DENORM_MIN), quad_print('f', 11500, FLT128_DENORM_MIN));
}

bool parses_like_quadmath(const std::string& s) {
  char* want_end = nullptr;
  errno = 0;
  const __float128 want = strtoflt128(s.c_str(), &want_end);
  const bool want_erange = errno == ERANGE;
  char* got_end = nullptr;
  int err = -1;
  const u128 got = encode_binary128(parse_float_wide(s.c_str(), &got_end, kBinary128Format, &err));
  const bool value_ok =
      isnanq(want) ? ((got >> 112) & 0x7fff) == 0x7fff && (got << 16) != 0 : got == bits_of(want);
  if (value_ok && got_end == want_end && want_erange == (err == QRV_FMT_ERANGE)) return true;
  char buf[64];
  quadmath_snprintf(buf, sizeof buf, "%.36Qg", want);
  ADD_FAILURE() << "\"" << s.substr(0, 100) << "\": quadmath " << buf << " end+"
                << (want_end - s.c_str()) << " erange " << want_erange << "; qrv end+"
                << (got_end - s.c_str()) << " err " << err;
  return false;
}

TEST(Binary128Test, ParsesLikeLibquadmath) {
  Rng rng(0x5eed0202);
  int failures = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    if (rng.below(2) == 0) {
      char buf[128];
      quadmath_snprintf(buf, sizeof buf, rng.below(2) == 0 ? "%.36Qg" : "%Qa", random_quad(rng));
      s = buf;
    } else {
      const int n = 1 + static_cast<int>(rng.below(rng.below(8) == 0 ? 1200 : 40));
      for (int k = 0; k < n; ++k) s += static_cast<char>('0' + rng.below(10));
      s += "e" + std::to_string(static_cast<int>(rng.below(10000)) - 5000);
    }
    failures += !parses_like_quadmath(s);
    ASSERT_LT(failures, 20);
  }
  const char* edges[] = {"1e4933",
                         "1e-4966",
                         "6.475175119438025110924438958227646552e-4966",
                         "1.189731495357231765085759326628007016e4932",
                         "0x1p-16494",
                         "0x1.8p-16494",
                         "0x3p-16496",
                         "3.3621031431120935062626778173217526e-4932",
                         "inf",
                         "-0"};
  for (const char* e : edges) EXPECT_TRUE(parses_like_quadmath(e));
  // Half the smallest subnormal is a tie between 0 (even) and 2^-16494: 0.
  // libquadmath rounds this one up, unlike glibc's strtod ("0x1p-1075" -> 0)
  // and strtold ("0x1p-16446" -> 0), so the expectation is explicit.
  int err = 0;
  const FloatParts half = parse_float_wide("0x1p-16495", nullptr, kBinary128Format, &err);
  EXPECT_EQ(half.cls, FloatClass::kZero);
  EXPECT_EQ(err, QRV_FMT_ERANGE);
  const FloatParts above =
      parse_float_wide("0x1.0000000000000000000000000001p-16495", nullptr, kBinary128Format, &err);
  EXPECT_EQ(encode_binary128(above), u128{1});
}

}  // namespace
}  // namespace qrv::fmt::testing
