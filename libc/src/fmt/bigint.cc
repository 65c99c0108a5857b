// BigInt: schoolbook arithmetic on 32-bit limbs.
#include "libc/src/fmt/bigint.h"

namespace qrv::fmt {

void BigInt::set_small(uint32_t v) {
  n_ = 0;
  if (v != 0 && cap_ > 0) {
    limbs_[0] = v;
    n_ = 1;
  }
}

void BigInt::mul_small(uint32_t f) {
  uint64_t carry = 0;
  for (int32_t i = 0; i < n_; ++i) {
    const uint64_t t = uint64_t{limbs_[i]} * f + carry;
    limbs_[i] = static_cast<uint32_t>(t);
    carry = t >> 32;
  }
  if (carry != 0 && n_ < cap_) limbs_[n_++] = static_cast<uint32_t>(carry);
  while (n_ > 0 && limbs_[n_ - 1] == 0) --n_;
}

void BigInt::add_small(uint32_t v) {
  uint64_t carry = v;
  for (int32_t i = 0; i < n_ && carry != 0; ++i) {
    const uint64_t t = uint64_t{limbs_[i]} + carry;
    limbs_[i] = static_cast<uint32_t>(t);
    carry = t >> 32;
  }
  if (carry != 0 && n_ < cap_) limbs_[n_++] = static_cast<uint32_t>(carry);
}

void BigInt::mul_pow5(int64_t k) {
  for (; k >= 13; k -= 13) mul_small(1220703125u);  // 5^13
  uint32_t p = 1;
  for (; k > 0; --k) p *= 5;
  if (p != 1) mul_small(p);
}

void BigInt::mul_pow10(int64_t k) {
  for (; k >= 9; k -= 9) mul_small(1000000000u);
  uint32_t p = 1;
  for (; k > 0; --k) p *= 10;
  if (p != 1) mul_small(p);
}

void BigInt::shift_left(int64_t bits) {
  if (n_ == 0 || bits <= 0) return;
  const int64_t words = bits / 32;
  const uint32_t sh = static_cast<uint32_t>(bits % 32);
  int64_t top = n_ + words + (sh != 0 ? 1 : 0);
  if (top > cap_) top = cap_;
  for (int64_t i = top - 1; i >= 0; --i) {
    const int64_t src = i - words;
    uint32_t v = 0;
    if (src >= 0 && src < n_) v = limbs_[src] << sh;
    if (sh != 0 && src - 1 >= 0 && src - 1 < n_) v |= limbs_[src - 1] >> (32 - sh);
    limbs_[i] = v;
  }
  n_ = static_cast<int32_t>(top);
  while (n_ > 0 && limbs_[n_ - 1] == 0) --n_;
}

void BigInt::shift_right1() {
  for (int32_t i = 0; i < n_; ++i) {
    const uint32_t hi = i + 1 < n_ ? limbs_[i + 1] << 31 : 0;
    limbs_[i] = (limbs_[i] >> 1) | hi;
  }
  while (n_ > 0 && limbs_[n_ - 1] == 0) --n_;
}

void BigInt::sub(const BigInt& b) {
  int64_t borrow = 0;
  for (int32_t i = 0; i < n_; ++i) {
    int64_t t = int64_t{limbs_[i]} - borrow - (i < b.n_ ? int64_t{b.limbs_[i]} : 0);
    borrow = t < 0 ? 1 : 0;
    limbs_[i] = static_cast<uint32_t>(t + (borrow << 32));
  }
  while (n_ > 0 && limbs_[n_ - 1] == 0) --n_;
}

int BigInt::compare(const BigInt& b) const {
  if (n_ != b.n_) return n_ < b.n_ ? -1 : 1;
  for (int32_t i = n_ - 1; i >= 0; --i) {
    if (limbs_[i] != b.limbs_[i]) return limbs_[i] < b.limbs_[i] ? -1 : 1;
  }
  return 0;
}

u128 BigInt::divide(BigInt& divisor) {
  if (divisor.n_ == 0 || compare(divisor) < 0) return 0;
  // Normalise: the divisor's top limb gets its high bit set.
  const int32_t sh = 32 - bit_length64(divisor.limbs_[divisor.n_ - 1]);
  divisor.shift_left(sh);
  shift_left(sh);
  const int32_t n = divisor.n_;
  const int32_t m = n_ - n;
  uint32_t* const u = limbs_;
  const uint32_t* const v = divisor.limbs_;
  if (n_ >= cap_) return 0;  // capacity is sized so this cannot happen
  u[n_] = 0;
  u128 q = 0;
  for (int32_t j = m; j >= 0; --j) {
    const uint64_t num = (uint64_t{u[j + n]} << 32) | u[j + n - 1];
    uint64_t qhat = num / v[n - 1];
    uint64_t rhat = num % v[n - 1];
    while (qhat > 0xffffffffu || (n >= 2 && qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2]))) {
      --qhat;
      rhat += v[n - 1];
      if (rhat > 0xffffffffu) break;
    }
    // u[j..j+n] -= qhat * v, then add back once if that went negative.
    int64_t borrow = 0;
    for (int32_t i = 0; i < n; ++i) {
      const uint64_t p = qhat * v[i];
      const int64_t t = int64_t{u[i + j]} - borrow - static_cast<int64_t>(p & 0xffffffffu);
      u[i + j] = static_cast<uint32_t>(t);
      borrow = static_cast<int64_t>(p >> 32) - (t >> 32);
    }
    const int64_t t = int64_t{u[j + n]} - borrow;
    u[j + n] = static_cast<uint32_t>(t);
    if (t < 0) {
      --qhat;
      uint64_t carry = 0;
      for (int32_t i = 0; i < n; ++i) {
        const uint64_t s = uint64_t{u[i + j]} + v[i] + carry;
        u[i + j] = static_cast<uint32_t>(s);
        carry = s >> 32;
      }
      u[j + n] = static_cast<uint32_t>(u[j + n] + carry);
    }
    if (j < 4) q |= static_cast<u128>(qhat) << (32 * j);
  }
  n_ = n;
  while (n_ > 0 && limbs_[n_ - 1] == 0) --n_;
  return q;
}

int64_t BigInt::bit_length() const {
  if (n_ == 0) return 0;
  return int64_t{n_ - 1} * 32 + bit_length64(limbs_[n_ - 1]);
}

u128 BigInt::bits_at(int64_t lo) const {
  u128 r = 0;
  // Gather five limbs around `lo` and shift into place.
  const int64_t w = lo / 32;
  const uint32_t sh = static_cast<uint32_t>(lo % 32);
  for (int64_t i = 4; i >= 0; --i) {
    const int64_t idx = w + i;
    const uint32_t v = idx < n_ ? limbs_[idx] : 0;
    if (i == 4) {
      if (sh != 0) r = u128{v} << (128 - sh);
    } else {
      r |= (u128{v} << (32 * i)) >> sh;
    }
  }
  return r;
}

bool BigInt::any_bit_below(int64_t pos) const {
  const int64_t w = pos / 32;
  for (int64_t i = 0; i < w && i < n_; ++i) {
    if (limbs_[i] != 0) return true;
  }
  const uint32_t sh = static_cast<uint32_t>(pos % 32);
  return sh != 0 && w < n_ && (limbs_[w] & ((uint32_t{1} << sh) - 1)) != 0;
}

}  // namespace qrv::fmt
