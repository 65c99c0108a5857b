// Decoding and correctly rounded encoding of float, double and long double
// (x87 extended or IEEE binary128, chosen by LDBL_MANT_DIG).
#include "libc/src/fmt/float_bits.h"

#include <float.h>

#include <bit>

namespace qrv::fmt {
namespace {

constexpr u128 kOne = 1;

// Splits a generic IEEE layout: `frac_bits` stored fraction bits, `explicit_lead`
// for x87's stored integer bit.
FloatParts decode_fields(const FloatFormat& f, bool neg, uint32_t biased, u128 frac,
                         bool explicit_lead) {
  FloatParts p{FloatClass::kFinite, neg, 0, 0};
  const uint32_t max_biased = static_cast<uint32_t>(2 * f.max_exp + 1);
  const u128 frac_mask = (kOne << (f.mant_bits - 1)) - 1;
  if (biased == max_biased) {
    p.cls = (frac & frac_mask) == 0 ? FloatClass::kInf : FloatClass::kNan;
    return p;
  }
  u128 mant = explicit_lead ? frac : (frac & frac_mask);
  if (biased == 0) {
    p.exp = f.min_exp - f.mant_bits + 1;
  } else {
    if (!explicit_lead) mant |= kOne << (f.mant_bits - 1);
    p.exp = static_cast<int32_t>(biased) - f.max_exp - f.mant_bits + 1;
  }
  p.mant = mant;
  if (mant == 0) p.cls = FloatClass::kZero;
  return p;
}

// Shifts q right by `drop` bits rounding to nearest, ties to even.
u128 shift_round(u128 q, int64_t drop, bool sticky, bool* inexact) {
  if (drop <= 0) {
    *inexact = sticky;
    return q << -drop;
  }
  u128 m;
  bool round_bit;
  bool rest;
  if (drop > 128) {
    m = 0;
    round_bit = false;
    rest = q != 0 || sticky;
  } else if (drop == 128) {
    m = 0;
    round_bit = (q >> 127) != 0;
    rest = (q << 1) != 0 || sticky;
  } else {
    m = q >> drop;
    round_bit = ((q >> (drop - 1)) & 1) != 0;
    rest = (q & ((kOne << (drop - 1)) - 1)) != 0 || sticky;
  }
  *inexact = round_bit || rest;
  if (round_bit && (rest || (m & 1) != 0)) ++m;
  return m;
}

// Packs a finite/zero/inf/nan into (biased exponent, stored fraction).
void pack_fields(const FloatFormat& f, const FloatParts& p, bool explicit_lead, uint32_t* biased,
                 u128* frac) {
  const uint32_t max_biased = static_cast<uint32_t>(2 * f.max_exp + 1);
  const u128 lead = kOne << (f.mant_bits - 1);
  switch (p.cls) {
    case FloatClass::kZero:
      *biased = 0;
      *frac = 0;
      return;
    case FloatClass::kInf:
      *biased = max_biased;
      *frac = explicit_lead ? lead : 0;
      return;
    case FloatClass::kNan:
      *biased = max_biased;
      *frac = explicit_lead ? (lead | (lead >> 1)) : (lead >> 1);
      return;
    case FloatClass::kFinite:
      break;
  }
  if (p.mant >= lead) {
    *biased = static_cast<uint32_t>(p.exp + f.mant_bits - 1 + f.max_exp);
    *frac = explicit_lead ? p.mant : (p.mant & (lead - 1));
  } else {
    *biased = 0;
    *frac = p.mant;
  }
}

}  // namespace

const FloatFormat& long_double_format() {
#if LDBL_MANT_DIG == 64
  return kX87Format;
#elif LDBL_MANT_DIG == 113
  return kBinary128Format;
#elif LDBL_MANT_DIG == 53
  return kDoubleFormat;
#else
#error "unsupported long double format"
#endif
}

FloatParts decode_double(double v) {
  const uint64_t bits = std::bit_cast<uint64_t>(v);
  return decode_fields(kDoubleFormat, (bits >> 63) != 0,
                       static_cast<uint32_t>((bits >> 52) & 0x7ff),
                       bits & ((uint64_t{1} << 52) - 1), false);
}

FloatParts decode_long_double(long double v) {
#if LDBL_MANT_DIG == 64
  uint8_t raw[sizeof(long double)];
  __builtin_memcpy(raw, &v, sizeof raw);
  uint64_t mant;
  uint16_t se;
  __builtin_memcpy(&mant, raw, 8);
  __builtin_memcpy(&se, raw + 8, 2);
  return decode_fields(kX87Format, (se >> 15) != 0, se & 0x7fffu, mant, true);
#elif LDBL_MANT_DIG == 113
  u128 bits;
  static_assert(sizeof(long double) == sizeof(u128));
  __builtin_memcpy(&bits, &v, sizeof bits);
  return decode_binary128(bits);
#else
  return decode_double(static_cast<double>(v));
#endif
}

Rounded round_to_format(const FloatFormat& f, bool neg, u128 q, int64_t e2, bool sticky) {
  Rounded r{{FloatClass::kZero, neg, 0, 0}, false};
  if (q == 0) {
    r.range_error = sticky;
    return r;
  }
  const int32_t nb = bit_length(q);
  const int64_t top = e2 + nb - 1;
  if (top > f.max_exp) {
    r.parts.cls = FloatClass::kInf;
    r.range_error = true;
    return r;
  }
  const bool below_normal = top < f.min_exp;
  int64_t lsb = (below_normal ? f.min_exp : top) - f.mant_bits + 1;
  bool inexact = false;
  u128 m = shift_round(q, lsb - e2, sticky, &inexact);
  if (m == (kOne << f.mant_bits)) {
    m >>= 1;
    ++lsb;
  }
  if (lsb + f.mant_bits - 1 > f.max_exp) {
    r.parts.cls = FloatClass::kInf;
    r.range_error = true;
    return r;
  }
  bool tiny = below_normal;
  if (below_normal && m >= (kOne << (f.mant_bits - 1))) {
    // Rounded up to the smallest normal: tiny only if rounding to full
    // precision with an unbounded exponent would have stayed below it.
    bool unused = false;
    tiny = shift_round(q, nb - f.mant_bits, sticky, &unused) != (kOne << f.mant_bits);
  }
  r.range_error = tiny && inexact;
  if (m == 0) return r;
  r.parts.cls = FloatClass::kFinite;
  r.parts.mant = m;
  r.parts.exp = static_cast<int32_t>(lsb);
  return r;
}

FloatParts decode_binary128(u128 bits) {
  return decode_fields(kBinary128Format, (bits >> 127) != 0,
                       static_cast<uint32_t>((bits >> 112) & 0x7fff), bits & ((kOne << 112) - 1),
                       false);
}

u128 encode_binary128(const FloatParts& p) {
  uint32_t biased = 0;
  u128 frac = 0;
  pack_fields(kBinary128Format, p, false, &biased, &frac);
  return (u128{p.neg} << 127) | (u128{biased} << 112) | frac;
}

double encode_double(const FloatParts& p) {
  uint32_t biased = 0;
  u128 frac = 0;
  pack_fields(kDoubleFormat, p, false, &biased, &frac);
  const uint64_t bits =
      (uint64_t{p.neg} << 63) | (uint64_t{biased} << 52) | static_cast<uint64_t>(frac);
  return std::bit_cast<double>(bits);
}

float encode_float(const FloatParts& p) {
  uint32_t biased = 0;
  u128 frac = 0;
  pack_fields(kFloatFormat, p, false, &biased, &frac);
  const uint32_t bits = (uint32_t{p.neg} << 31) | (biased << 23) | static_cast<uint32_t>(frac);
  return std::bit_cast<float>(bits);
}

long double encode_long_double(const FloatParts& p) {
#if LDBL_MANT_DIG == 64
  uint32_t biased = 0;
  u128 frac = 0;
  pack_fields(kX87Format, p, true, &biased, &frac);
  uint8_t raw[sizeof(long double)] = {};
  const uint64_t mant = static_cast<uint64_t>(frac);
  const uint16_t se = static_cast<uint16_t>((uint32_t{p.neg} << 15) | biased);
  __builtin_memcpy(raw, &mant, 8);
  __builtin_memcpy(raw + 8, &se, 2);
  long double v;
  __builtin_memcpy(&v, raw, sizeof v);
  return v;
#elif LDBL_MANT_DIG == 113
  const u128 bits = encode_binary128(p);
  long double v;
  __builtin_memcpy(&v, &bits, sizeof v);
  return v;
#else
  return encode_double(p);
#endif
}

}  // namespace qrv::fmt
