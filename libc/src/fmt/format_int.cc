// Integer, pointer, character and string conversions of the printf engine.
#include <stddef.h>

#include "libc/src/fmt/convert.h"

namespace qrv::fmt {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

// Writes the digits of v in `base` right-aligned ending at `end`; returns the start.
char* to_digits(uint64_t v, uint32_t base, const char* alphabet, char* end) {
  char* p = end;
  if (base == 10) {
    while (v >= 10) {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    *--p = static_cast<char>('0' + v);
    return p;
  }
  const uint32_t shift = base == 16 ? 4 : 3;
  do {
    *--p = alphabet[v & (base - 1)];
    v >>= shift;
  } while (v != 0);
  return p;
}

// UTF-8 encoding of a Unicode scalar value; 0 if `wc` is not one.
size_t utf8_encode(uint32_t wc, char* out) {
  if (wc < 0x80) {
    out[0] = static_cast<char>(wc);
    return 1;
  }
  if (wc < 0x800) {
    out[0] = static_cast<char>(0xc0 | (wc >> 6));
    out[1] = static_cast<char>(0x80 | (wc & 0x3f));
    return 2;
  }
  if (wc >= 0xd800 && wc < 0xe000) return 0;
  if (wc < 0x10000) {
    out[0] = static_cast<char>(0xe0 | (wc >> 12));
    out[1] = static_cast<char>(0x80 | ((wc >> 6) & 0x3f));
    out[2] = static_cast<char>(0x80 | (wc & 0x3f));
    return 3;
  }
  if (wc < 0x110000) {
    out[0] = static_cast<char>(0xf0 | (wc >> 18));
    out[1] = static_cast<char>(0x80 | ((wc >> 12) & 0x3f));
    out[2] = static_cast<char>(0x80 | ((wc >> 6) & 0x3f));
    out[3] = static_cast<char>(0x80 | (wc & 0x3f));
    return 4;
  }
  return 0;
}

}  // namespace

void format_integer(Sink& out, const Spec& spec, uint64_t magnitude, bool negative) {
  char buf[24];
  char* const end = buf + sizeof buf;
  uint32_t base = 10;
  const char* alphabet = kLowerHex;
  char prefix[2];
  size_t prefix_len = 0;
  switch (spec.conv) {
    case 'o':
      base = 8;
      break;
    case 'x':
      base = 16;
      break;
    case 'X':
      base = 16;
      alphabet = kUpperHex;
      break;
    default:
      break;
  }
  if (spec.conv == 'd' || spec.conv == 'i') {
    const char s = sign_char(spec, negative);
    if (s != 0) prefix[prefix_len++] = s;
  } else if (base == 16 && spec.alt && magnitude != 0) {
    prefix[0] = '0';
    prefix[1] = spec.conv;
    prefix_len = 2;
  }
  char* digits = end;
  if (magnitude != 0 || spec.precision != 0) digits = to_digits(magnitude, base, alphabet, end);
  int64_t ndigits = end - digits;
  int64_t zeros = spec.precision > ndigits ? spec.precision - ndigits : 0;
  // '#' with 'o' raises the precision just enough for a leading zero.
  if (base == 8 && spec.alt && zeros == 0 && (ndigits == 0 || *digits != '0')) zeros = 1;
  const int64_t len = static_cast<int64_t>(prefix_len) + zeros + ndigits;
  pad_start(out, spec, len, prefix, prefix_len, spec.precision < 0);
  out.fill('0', zeros);
  out.write(digits, static_cast<size_t>(ndigits));
  pad_end(out, spec, len);
}

void format_pointer(Sink& out, const Spec& spec, const void* p) {
  if (p == nullptr) {
    Spec s = spec;
    s.precision = -1;
    format_string(out, s, "(nil)");
    return;
  }
  Spec s = spec;
  s.conv = 'x';
  s.alt = true;
  format_integer(out, s, reinterpret_cast<uintptr_t>(p), false);
}

void format_char(Sink& out, const Spec& spec, unsigned char c) {
  const char ch = static_cast<char>(c);
  pad_start(out, spec, 1, nullptr, 0, false);
  out.write(&ch, 1);
  pad_end(out, spec, 1);
}

void format_string(Sink& out, const Spec& spec, const char* s) {
  if (s == nullptr) s = "(null)";
  // Never read past `precision` bytes: the array need not be terminated.
  int64_t n = 0;
  while ((spec.precision < 0 || n < spec.precision) && s[n] != '\0') ++n;
  pad_start(out, spec, n, nullptr, 0, false);
  out.write(s, static_cast<size_t>(n));
  pad_end(out, spec, n);
}

bool format_wide_char(Sink& out, const Spec& spec, uint32_t wc) {
  char buf[4];
  const size_t n = utf8_encode(wc, buf);
  if (n == 0) return false;
  pad_start(out, spec, static_cast<int64_t>(n), nullptr, 0, false);
  out.write(buf, n);
  pad_end(out, spec, static_cast<int64_t>(n));
  return true;
}

bool format_wide_string(Sink& out, const Spec& spec, const wchar_t* s) {
  if (s == nullptr) {
    Spec t = spec;
    format_string(out, t, "(null)");
    return true;
  }
  // First pass: the byte length, stopping before a character that would
  // exceed the precision.
  char buf[4];
  int64_t len = 0;
  size_t count = 0;
  for (; s[count] != 0; ++count) {
    const size_t n = utf8_encode(static_cast<uint32_t>(s[count]), buf);
    if (n == 0) return false;
    if (spec.precision >= 0 && len + static_cast<int64_t>(n) > spec.precision) break;
    len += static_cast<int64_t>(n);
  }
  pad_start(out, spec, len, nullptr, 0, false);
  for (size_t i = 0; i < count; ++i) {
    out.write(buf, utf8_encode(static_cast<uint32_t>(s[i]), buf));
  }
  pad_end(out, spec, len);
  return true;
}

}  // namespace qrv::fmt
