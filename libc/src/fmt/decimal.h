// Exact decimal expansion of a binary float, for %f %e %g: an integer held in
// base-1e9 limbs (little-endian, in caller-provided storage) times 10^exp10.
// Invariant: limbs_[n_ - 1] != 0 unless n_ == 0 (the value zero).
#pragma once

#include <stdint.h>

#include "libc/src/fmt/float_bits.h"
#include "libc/src/fmt/sink.h"

namespace qrv::fmt {

// Limbs needed for any double, and for any long double (x87 or binary128):
// mant * 5^k with k <= 16494 has at most 11570 digits.
inline constexpr int32_t kDecimalLimbsDouble = 90;
inline constexpr int32_t kDecimalLimbsLongDouble = 1300;

class Decimal {
 public:
  Decimal(uint32_t* storage, int32_t capacity) : limbs_(storage), cap_(capacity) {}

  // Sets the value to mant * 2^exp2, exactly.
  void assign(u128 mant, int32_t exp2);

  bool is_zero() const { return n_ == 0; }
  int32_t exp10() const { return exp10_; }
  int32_t num_digits() const;
  // Digit i counted from the least significant (0); 0 beyond the top.
  uint32_t digit(int64_t i) const;
  int32_t trailing_zero_digits() const;

  // Divides the integer by 10^k, rounding to nearest with ties to even;
  // exp10 grows by k. The digit count may grow by one on a carry (999 -> 1000).
  void drop_digits_rounded(int32_t k);

  // Writes digits hi-1 down to lo (most significant first); digits above the
  // top are written as '0'.
  void write_digits(Sink& out, int64_t hi, int64_t lo) const;

 private:
  void mul_small(uint32_t f);
  void add_one();

  uint32_t* limbs_;
  int32_t cap_;
  int32_t n_ = 0;
  int32_t exp10_ = 0;
};

}  // namespace qrv::fmt
