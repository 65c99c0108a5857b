// The IEEE formats as bits for libm's exact functions: one template over
// double and float (Fp<T>), plus raising exceptions by real arithmetic
// (volatile, so the compiler cannot fold it away at compile time).
#pragma once

#include <stdint.h>

#include "libc/src/common/errno.h"

namespace qrv::libc::math {

template <typename T>
struct Fp;

template <>
struct Fp<double> {
  using Bits = uint64_t;
  static constexpr int kMantBits = 52;  // stored fraction bits
  static constexpr int kBias = 1023;
  static constexpr int kExpMax = 0x7ff;
};

template <>
struct Fp<float> {
  using Bits = uint32_t;
  static constexpr int kMantBits = 23;
  static constexpr int kBias = 127;
  static constexpr int kExpMax = 0xff;
};

template <typename T>
inline typename Fp<T>::Bits bits_of(T x) {
  return __builtin_bit_cast(typename Fp<T>::Bits, x);
}

template <typename T>
inline T from_bits(typename Fp<T>::Bits b) {
  return __builtin_bit_cast(T, b);
}

template <typename T>
inline constexpr typename Fp<T>::Bits kSignBit = static_cast<typename Fp<T>::Bits>(1) << (sizeof(T) * 8 - 1);

template <typename T>
inline constexpr typename Fp<T>::Bits kMantMask = (static_cast<typename Fp<T>::Bits>(1) << Fp<T>::kMantBits) - 1;

// The biased exponent field.
template <typename T>
inline int exp_field(T x) {
  return static_cast<int>((bits_of(x) >> Fp<T>::kMantBits) & static_cast<unsigned>(Fp<T>::kExpMax));
}

template <typename T>
inline T abs_of(T x) {
  return from_bits<T>(bits_of(x) & ~kSignBit<T>);
}

template <typename T>
inline T with_sign_of(T mag, T sign) {
  return from_bits<T>((bits_of(mag) & ~kSignBit<T>) | (bits_of(sign) & kSignBit<T>));
}

template <typename T>
inline bool is_nan(T x) {
  return (bits_of(x) & ~kSignBit<T>) > (static_cast<typename Fp<T>::Bits>(Fp<T>::kExpMax) << Fp<T>::kMantBits);
}

// A NaN whose quiet bit (the fraction's top bit) is clear.
template <typename T>
inline bool is_signaling(T x) {
  return is_nan(x) && (bits_of(x) & (static_cast<typename Fp<T>::Bits>(1) << (Fp<T>::kMantBits - 1))) == 0;
}

// 2^e for e in the normal range, exactly.
template <typename T>
inline T pow2(int e) {
  return from_bits<T>(static_cast<typename Fp<T>::Bits>(e + Fp<T>::kBias) << Fp<T>::kMantBits);
}

// A NaN from an invalid operation, raising FE_INVALID: 0/0 at run time.
template <typename T>
inline T raise_invalid() {
  volatile T zero = 0;
  return zero / zero;
}

// A domain error: errno EDOM and FE_INVALID.
template <typename T>
inline T domain_error() {
  set_errno(QRV_EDOM);
  return raise_invalid<T>();
}

// Raises FE_INEXACT, and FE_UNDERFLOW or FE_OVERFLOW as the flag says.
template <typename T>
inline void raise_underflow() {
  volatile T tiny = from_bits<T>(1);
  tiny = tiny * tiny;
}
template <typename T>
inline void raise_overflow() {
  volatile T huge = from_bits<T>((static_cast<typename Fp<T>::Bits>(Fp<T>::kExpMax - 1) << Fp<T>::kMantBits));
  huge = huge * huge;
}
inline void raise_inexact() {
  volatile double one = 1.0, tiny = 0x1p-100;
  one = one + tiny;
}

}  // namespace qrv::libc::math
