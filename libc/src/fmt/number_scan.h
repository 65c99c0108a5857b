// Lexical scanning of a C17 floating constant for strtod (7.22.1.3): finds
// where the number ends and reduces it to significant digits and exponent,
// without doing any rounding.
#pragma once

#include <stdint.h>

#include "libc/src/fmt/float_bits.h"

namespace qrv::fmt {

enum class NumberKind : uint8_t { kNone, kZero, kDecimal, kHex, kInf, kNan };

struct ScannedNumber {
  NumberKind kind = NumberKind::kNone;
  bool neg = false;
  const char* end = nullptr;  // first character after the number
  // kDecimal: value = D * 10^exp10 (+ a tiny nonzero amount when sticky), where
  // D is the `ndigits` digits starting at `first`, skipping one '.'; D has no
  // trailing zeros and at most `max_digits` digits.
  const char* first = nullptr;
  int64_t ndigits = 0;
  int64_t exp10 = 0;
  // kHex: value = mant * 2^exp2 (+ a tiny nonzero amount when sticky); mant
  // has at least 120 bits whenever sticky is set.
  u128 mant = 0;
  int64_t exp2 = 0;
  bool sticky = false;
};

ScannedNumber scan_number(const char* s, int64_t max_digits);

}  // namespace qrv::fmt
