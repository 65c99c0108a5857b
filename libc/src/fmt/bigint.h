// A non-negative big integer in base 2^32 limbs (little-endian) over
// caller-provided storage, with just the operations exact decimal-to-binary
// conversion needs. Invariant: n_ == 0 or limbs_[n_ - 1] != 0. Results that
// would exceed the capacity are truncated, so callers size storage from the
// input bounds they enforce (see strtod.cc).
#pragma once

#include <stdint.h>

#include "libc/src/fmt/float_bits.h"

namespace qrv::fmt {

class BigInt {
 public:
  BigInt(uint32_t* storage, int32_t capacity) : limbs_(storage), cap_(capacity) {}

  void set_small(uint32_t v);
  void mul_small(uint32_t f);
  void add_small(uint32_t v);
  void mul_pow5(int64_t k);
  void mul_pow10(int64_t k);
  void shift_left(int64_t bits);
  void shift_right1();
  void sub(const BigInt& b);  // requires *this >= b
  int compare(const BigInt& b) const;
  // Long division (Knuth 4.3.1 algorithm D on 32-bit digits): returns the
  // quotient, which must be below 2^128, and leaves a remainder in *this that
  // is zero exactly when the division was exact (it is scaled, not reduced).
  // `divisor` is normalised in place. Needs one spare limb of capacity here.
  u128 divide(BigInt& divisor);

  bool is_zero() const { return n_ == 0; }
  int64_t bit_length() const;
  // The 128 bits starting at bit `lo` (bits above the top are 0).
  u128 bits_at(int64_t lo) const;
  bool any_bit_below(int64_t pos) const;

 private:
  uint32_t* limbs_;
  int32_t cap_;
  int32_t n_ = 0;
};

}  // namespace qrv::fmt
