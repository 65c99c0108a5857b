// Decimal and hexadecimal strings to float, double and long double, correctly
// rounded: exact small cases in floating point (Clinger's fast path), all
// others by exact big-integer arithmetic — D * 10^e directly when e >= 0,
// otherwise the quotient D * 2^s / 5^-e to mant_bits + 3 bits (long division)
// and whether a remainder is left.
#include "libc/src/fmt/strtod.h"

#include <float.h>

#include "libc/src/fmt/bigint.h"
#include "libc/src/fmt/float_bits.h"
#include "libc/src/fmt/float_parse.h"
#include "libc/src/fmt/number_scan.h"

namespace qrv::fmt {
namespace {

// Digits beyond these only act as a sticky bit: every midpoint between two
// adjacent values of the format has fewer significant digits (767 for
// double, about 11565 for binary128).
constexpr int64_t kMaxDigitsDouble = 800;
constexpr int64_t kMaxDigitsLongDouble = 11700;
// Big integers for those bounds: D < 10^digits, 5^k with k < digits + 4970.
constexpr int32_t kLimbsDouble = 104;
constexpr int32_t kLimbsLongDouble = 1260;

struct Limits {
  int64_t max_digits;
  int64_t over;   // D * 10^exp10 >= 10^over is beyond the largest finite value
  int64_t under;  // D * 10^exp10 < 10^-under rounds to zero
};

Limits limits_for(const FloatFormat& f, int64_t max_digits) {
  // 30103 / 100000 bounds log10(2) from above; one unit of margin each way.
  return Limits{max_digits, int64_t{f.max_exp + 1} * 30103 / 100000 + 2,
                int64_t{f.mant_bits - f.min_exp} * 30103 / 100000 + 2};
}

// D as a big integer, from the scanned digit characters (skipping the point).
void load_digits(const ScannedNumber& sc, BigInt& d) {
  d.set_small(0);
  const char* p = sc.first;
  int64_t left = sc.ndigits;
  while (left > 0) {
    uint32_t chunk = 0;
    uint32_t scale = 1;
    for (int32_t i = 0; i < 9 && left > 0; ++p) {
      if (*p == '.') continue;
      chunk = chunk * 10 + static_cast<uint32_t>(*p - '0');
      scale *= 10;
      --left;
      ++i;
    }
    d.mul_small(scale);
    d.add_small(chunk);
  }
}

Rounded decimal_to_binary(const FloatFormat& f, const ScannedNumber& sc, const Limits& lim,
                          uint32_t* storage_a, uint32_t* storage_b, int32_t limbs) {
  const int64_t magnitude = sc.ndigits + sc.exp10;  // value < 10^magnitude
  if (magnitude - 1 >= lim.over)
    return round_to_format(f, sc.neg, 1, int64_t{f.max_exp} + 1, false);
  if (magnitude <= -lim.under) return Rounded{{FloatClass::kZero, sc.neg, 0, 0}, true};
  BigInt r(storage_a, limbs);
  load_digits(sc, r);
  if (sc.exp10 >= 0) {
    r.mul_pow10(sc.exp10);
    const int64_t nb = r.bit_length();
    const int64_t lo = nb > 125 ? nb - 125 : 0;
    const bool sticky = sc.sticky || r.any_bit_below(lo);
    return round_to_format(f, sc.neg, r.bits_at(lo), lo, sticky);
  }
  const int64_t k = -sc.exp10;
  BigInt b(storage_b, limbs);
  b.set_small(1);
  b.mul_pow5(k);
  // Scale so that the quotient r / b lies in [2^(p+2), 2^(p+4)).
  const int64_t s = int64_t{f.mant_bits} + 3 - (r.bit_length() - b.bit_length());
  if (s > 0)
    r.shift_left(s);
  else
    b.shift_left(-s);
  const u128 q = r.divide(b);
  return round_to_format(f, sc.neg, q, -s - k, sc.sticky || !r.is_zero());
}

// The value of a scanned number in format f; *err gets ERANGE when due.
FloatParts convert(const FloatFormat& f, const ScannedNumber& sc, const Limits& lim,
                   uint32_t* storage_a, uint32_t* storage_b, int32_t limbs, int* err) {
  Rounded r{{FloatClass::kZero, sc.neg, 0, 0}, false};
  switch (sc.kind) {
    case NumberKind::kNone:
      r.parts.neg = false;  // no conversion: +0
      break;
    case NumberKind::kZero:
      break;
    case NumberKind::kInf:
      r.parts.cls = FloatClass::kInf;
      break;
    case NumberKind::kNan:
      r.parts.cls = FloatClass::kNan;
      break;
    case NumberKind::kHex:
      r = round_to_format(f, sc.neg, sc.mant, sc.exp2, sc.sticky);
      break;
    case NumberKind::kDecimal:
      r = decimal_to_binary(f, sc, lim, storage_a, storage_b, limbs);
      break;
  }
  if (err != nullptr) *err = r.range_error ? QRV_FMT_ERANGE : 0;
  return r.parts;
}

void set_end(const char* s, const ScannedNumber& sc, char** end) {
  if (end != nullptr) *end = const_cast<char*>(sc.kind == NumberKind::kNone ? s : sc.end);
}

// Digits of a short decimal as an integer (at most 19 digits).
uint64_t small_digits(const ScannedNumber& sc) {
  uint64_t v = 0;
  const char* p = sc.first;
  for (int64_t left = sc.ndigits; left > 0; ++p) {
    if (*p == '.') continue;
    v = v * 10 + static_cast<uint64_t>(*p - '0');
    --left;
  }
  return v;
}

constexpr double kExactPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace
}  // namespace qrv::fmt

using namespace qrv::fmt;

extern "C" double __qrv_strtod(const char* s, char** end, int* err) {
  const ScannedNumber sc = scan_number(s, kMaxDigitsDouble);
  set_end(s, sc, end);
#if FLT_EVAL_METHOD == 0
  // One correctly rounded operation on exact operands is the exact answer.
  if (sc.kind == NumberKind::kDecimal && !sc.sticky && sc.ndigits <= 15 && sc.exp10 >= -22 &&
      sc.exp10 <= 22 + (15 - sc.ndigits)) {
    if (err != nullptr) *err = 0;
    double v = static_cast<double>(small_digits(sc));
    if (sc.exp10 < 0) {
      v /= kExactPow10[-sc.exp10];
    } else if (sc.exp10 > 22) {
      v = v * kExactPow10[sc.exp10 - 22] * kExactPow10[22];
    } else {
      v *= kExactPow10[sc.exp10];
    }
    return sc.neg ? -v : v;
  }
#endif
  uint32_t a[kLimbsDouble];
  uint32_t b[kLimbsDouble];
  return encode_double(convert(kDoubleFormat, sc, limits_for(kDoubleFormat, kMaxDigitsDouble), a, b,
                               kLimbsDouble, err));
}

extern "C" float __qrv_strtof(const char* s, char** end, int* err) {
  const ScannedNumber sc = scan_number(s, kMaxDigitsDouble);
  set_end(s, sc, end);
#if FLT_EVAL_METHOD == 0
  if (sc.kind == NumberKind::kDecimal && !sc.sticky && sc.ndigits <= 7 && sc.exp10 >= -10 &&
      sc.exp10 <= 10) {
    if (err != nullptr) *err = 0;
    constexpr float kPow10f[] = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    float v = static_cast<float>(small_digits(sc));
    if (sc.exp10 < 0) {
      v /= kPow10f[-sc.exp10];
    } else {
      v *= kPow10f[sc.exp10];
    }
    return sc.neg ? -v : v;
  }
#endif
  uint32_t a[kLimbsDouble];
  uint32_t b[kLimbsDouble];
  return encode_float(convert(kFloatFormat, sc, limits_for(kFloatFormat, kMaxDigitsDouble), a, b,
                              kLimbsDouble, err));
}

namespace qrv::fmt {

FloatParts parse_float_wide(const char* s, char** end, const FloatFormat& f, int* err) {
  const ScannedNumber sc = scan_number(s, kMaxDigitsLongDouble);
  set_end(s, sc, end);
  uint32_t a[kLimbsLongDouble];
  uint32_t b[kLimbsLongDouble];
  return convert(f, sc, limits_for(f, kMaxDigitsLongDouble), a, b, kLimbsLongDouble, err);
}

}  // namespace qrv::fmt

extern "C" long double __qrv_strtold(const char* s, char** end, int* err) {
  return encode_long_double(parse_float_wide(s, end, long_double_format(), err));
}
