// One parsed printf conversion specification, and the padding rules shared by
// every conversion: [spaces][prefix][zeros][body][spaces].
#pragma once

#include <stdint.h>

#include "libc/src/fmt/sink.h"

namespace qrv::fmt {

enum class Length : uint8_t { kNone, kHH, kH, kL, kLL, kJ, kZ, kT, kBigL };

struct Spec {
  bool left = false;   // '-'
  bool plus = false;   // '+'
  bool space = false;  // ' '
  bool alt = false;    // '#'
  bool zero = false;   // '0'
  int32_t width = 0;
  int32_t precision = -1;  // -1: none given
  Length length = Length::kNone;
  char conv = 0;
};

// Emits the left padding and the prefix for a field whose total length
// (prefix included) is `len`; zero padding goes after the prefix when the
// spec asks for it and `zero_ok`.
inline void pad_start(Sink& out, const Spec& spec, int64_t len, const char* prefix,
                      size_t prefix_len, bool zero_ok) {
  const int64_t pad = spec.width > len ? spec.width - len : 0;
  const bool zeros = spec.zero && zero_ok && !spec.left;
  if (!spec.left && !zeros) out.fill(' ', pad);
  out.write(prefix, prefix_len);
  if (zeros) out.fill('0', pad);
}

inline void pad_end(Sink& out, const Spec& spec, int64_t len) {
  if (spec.left && spec.width > len) out.fill(' ', spec.width - len);
}

// The sign character a signed conversion shows, or 0.
inline char sign_char(const Spec& spec, bool negative) {
  if (negative) return '-';
  if (spec.plus) return '+';
  if (spec.space) return ' ';
  return 0;
}

}  // namespace qrv::fmt
