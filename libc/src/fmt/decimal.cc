// Exact binary-to-decimal expansion: mant * 2^e becomes (mant * 2^e) or
// (mant * 5^-e) * 10^e in base 1e9, then decimal rounding on whole digits.
#include "libc/src/fmt/decimal.h"

namespace qrv::fmt {
namespace {

constexpr uint32_t kBase = 1000000000u;
constexpr uint32_t kPow10[10] = {1,      10,      100,      1000,      10000,
                                 100000, 1000000, 10000000, 100000000, 1000000000};
constexpr uint32_t kPow5_13 = 1220703125u;  // 5^13: limb * 5^13 + carry fits in 64 bits

int32_t digits_of(uint32_t v) {
  int32_t d = 1;
  while (d < 9 && v >= kPow10[d]) ++d;
  return d;
}

}  // namespace

void Decimal::mul_small(uint32_t f) {
  uint64_t carry = 0;
  for (int32_t i = 0; i < n_; ++i) {
    const uint64_t t = uint64_t{limbs_[i]} * f + carry;
    limbs_[i] = static_cast<uint32_t>(t % kBase);
    carry = t / kBase;
  }
  while (carry != 0 && n_ < cap_) {
    limbs_[n_++] = static_cast<uint32_t>(carry % kBase);
    carry /= kBase;
  }
}

void Decimal::assign(u128 mant, int32_t exp2) {
  n_ = 0;
  exp10_ = 0;
  if (mant == 0) return;
  // Trailing zero bits only lengthen the work: fold them into the exponent.
  while ((mant & 1) == 0 && exp2 < 0) {
    mant >>= 1;
    ++exp2;
  }
  while (mant != 0 && n_ < cap_) limbs_[n_++] = divmod_small(&mant, kBase);
  if (exp2 >= 0) {
    for (; exp2 >= 29; exp2 -= 29) mul_small(uint32_t{1} << 29);
    if (exp2 > 0) mul_small(uint32_t{1} << exp2);
    return;
  }
  const int32_t k = -exp2;
  exp10_ = -k;
  int32_t left = k;
  for (; left >= 13; left -= 13) mul_small(kPow5_13);
  uint32_t p = 1;
  for (; left > 0; --left) p *= 5;
  if (p != 1) mul_small(p);
}

int32_t Decimal::num_digits() const {
  if (n_ == 0) return 0;
  return 9 * (n_ - 1) + digits_of(limbs_[n_ - 1]);
}

uint32_t Decimal::digit(int64_t i) const {
  if (i < 0) return 0;
  const int64_t limb = i / 9;
  if (limb >= n_) return 0;
  return limbs_[limb] / kPow10[i % 9] % 10;
}

int32_t Decimal::trailing_zero_digits() const {
  int32_t tz = 0;
  int32_t i = 0;
  while (i < n_ && limbs_[i] == 0) {
    tz += 9;
    ++i;
  }
  if (i == n_) return 0;
  uint32_t v = limbs_[i];
  while (v % 10 == 0) {
    v /= 10;
    ++tz;
  }
  return tz;
}

void Decimal::add_one() {
  for (int32_t i = 0; i < n_; ++i) {
    if (++limbs_[i] < kBase) return;
    limbs_[i] = 0;
  }
  if (n_ < cap_) limbs_[n_++] = 1;
}

void Decimal::drop_digits_rounded(int32_t k) {
  if (k <= 0 || n_ == 0) return;
  exp10_ += k;
  const int32_t nd = num_digits();
  if (k > nd) {
    n_ = 0;  // below half of the last kept unit
    return;
  }
  // The first dropped digit decides, the rest break ties.
  const uint32_t round_digit = digit(k - 1);
  bool rest = false;
  const int32_t rlimb = (k - 1) / 9;
  for (int32_t i = 0; i < rlimb && !rest; ++i) rest = limbs_[i] != 0;
  if (!rest) rest = limbs_[rlimb] % kPow10[(k - 1) % 9] != 0;
  // Divide by 10^k: drop whole limbs, then shift the rest by k % 9 digits.
  const int32_t whole = k / 9;
  const int32_t part = k % 9;
  for (int32_t i = whole; i < n_; ++i) limbs_[i - whole] = limbs_[i];
  n_ -= whole;
  if (part != 0) {
    const uint32_t div = kPow10[part];
    const uint32_t mul = kPow10[9 - part];
    for (int32_t i = 0; i < n_; ++i) {
      const uint32_t hi = i + 1 < n_ ? limbs_[i + 1] % div : 0;
      limbs_[i] = limbs_[i] / div + hi * mul;
    }
  }
  while (n_ > 0 && limbs_[n_ - 1] == 0) --n_;
  const bool odd = n_ > 0 && (limbs_[0] & 1) != 0;
  if (round_digit > 5 || (round_digit == 5 && (rest || odd))) add_one();
}

void Decimal::write_digits(Sink& out, int64_t hi, int64_t lo) const {
  char buf[9];
  int64_t i = hi - 1;
  while (i >= lo) {
    const int64_t limb = i / 9;
    const int64_t first = limb * 9;  // index of this limb's lowest digit
    const int64_t stop = first > lo ? first : lo;
    uint32_t v = limb < n_ ? limbs_[limb] : 0;
    for (int32_t j = 0; j < 9; ++j) {
      buf[8 - j] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    // Digit index d sits at buf[8 - (d - first)].
    out.write(buf + (8 - (i - first)), static_cast<size_t>(i - stop + 1));
    i = stop - 1;
  }
}

}  // namespace qrv::fmt
