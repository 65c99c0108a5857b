// IEEE binary formats seen as (sign, integer significand, binary exponent):
// decoding for printf, encoding with correct rounding for strtod.
// Invariant: a finite value is exactly mant * 2^exp; mant < 2^mant_bits.
#pragma once

#include <stdint.h>

namespace qrv::fmt {

using u128 = unsigned __int128;

enum class FloatClass : uint8_t { kZero, kFinite, kInf, kNan };

// One binary interchange format (or x87 extended, which has an explicit lead bit).
struct FloatFormat {
  int32_t mant_bits;      // p, including the leading (implicit or explicit) bit
  int32_t min_exp;        // smallest normal is 2^min_exp
  int32_t max_exp;        // largest finite is below 2^(max_exp + 1)
  int32_t hex_lead_bits;  // %a: bits in the digit before the point (1, or 4 for x87)
};

inline constexpr FloatFormat kFloatFormat{24, -126, 127, 1};
inline constexpr FloatFormat kDoubleFormat{53, -1022, 1023, 1};
inline constexpr FloatFormat kX87Format{64, -16382, 16383, 4};
inline constexpr FloatFormat kBinary128Format{113, -16382, 16383, 1};

struct FloatParts {
  FloatClass cls;
  bool neg;
  u128 mant;    // raw significand: not normalised, subnormals keep exp = min_exp - p + 1
  int32_t exp;  // value = mant * 2^exp
};

// The format `long double` has on this target (binary128 on RISC-V LP64D, x87 on x86-64).
const FloatFormat& long_double_format();

FloatParts decode_double(double v);
FloatParts decode_long_double(long double v);

// The correctly rounded (to nearest, ties to even) result of an exact value
// (q + f) * 2^e2, where 0 <= f < 1 and f != 0 exactly when `sticky`.
// Requires that q has at least mant_bits + 2 bits whenever sticky is set.
struct Rounded {
  FloatParts parts;  // cls kZero, kFinite or kInf; mant normalised unless subnormal
  bool range_error;  // overflow, or tiny (after rounding) and inexact: ERANGE
};
Rounded round_to_format(const FloatFormat& f, bool neg, u128 q, int64_t e2, bool sticky);

// IEEE binary128 by its bits: what long double is on RISC-V, exposed so the
// host can test that path against libquadmath.
FloatParts decode_binary128(u128 bits);
u128 encode_binary128(const FloatParts& p);

double encode_double(const FloatParts& p);
float encode_float(const FloatParts& p);
long double encode_long_double(const FloatParts& p);

// Bit length of x (0 for 0). By halving rather than __builtin_clz: without
// Zbb that becomes a libgcc call, and the board links no libgcc.
inline int32_t bit_length64(uint64_t x) {
  int32_t n = 0;
  for (int32_t step = 32; step > 0; step /= 2) {
    if ((x >> step) != 0) {
      x >>= step;
      n += step;
    }
  }
  return n + static_cast<int32_t>(x);
}

inline int32_t bit_length(u128 x) {
  const uint64_t hi = static_cast<uint64_t>(x >> 64);
  return hi != 0 ? 64 + bit_length64(hi) : bit_length64(static_cast<uint64_t>(x));
}

// Divides *x by d in place and returns the remainder, with 64-bit
// arithmetic only (128-bit division would also need libgcc).
inline uint32_t divmod_small(u128* x, uint32_t d) {
  uint64_t rem = 0;
  u128 q = 0;
  for (int32_t shift = 96; shift >= 0; shift -= 32) {
    const uint64_t cur = (rem << 32) | static_cast<uint32_t>(*x >> shift);
    q |= static_cast<u128>(cur / d) << shift;
    rem = cur % d;
  }
  *x = q;
  return static_cast<uint32_t>(rem);
}

}  // namespace qrv::fmt
