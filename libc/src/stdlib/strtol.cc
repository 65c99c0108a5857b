// strtol, strtoll, strtoul, strtoull, strtoimax, strtoumax, atoi, atol, atoll
// over one parser. C17 7.22.1.4: optional space and sign, base prefix "0x"
// only when a hex digit follows, ERANGE with the clamped value on overflow,
// and unsigned results negate the magnitude ("-1" is ULONG_MAX).
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {
namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

struct Parsed {
  uint64_t magnitude;  // saturated at UINT64_MAX
  bool negative;
  bool overflow;  // magnitude did not fit 64 bits
};

// Parses s; *end (if given) gets the first unparsed character, or s when no
// digits were found. Invalid base: EINVAL and zero.
Parsed parse(const char* s, char** end, int base) {
  Parsed r = {0, false, false};
  if (base < 0 || base == 1 || base > 36) {
    set_errno(QRV_EINVAL);
    if (end != nullptr) *end = const_cast<char*>(s);
    return r;
  }
  const char* p = s;
  while (is_space(*p)) ++p;
  if (*p == '+' || *p == '-') r.negative = *p++ == '-';
  if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
      digit_value(p[2]) < 16) {
    p += 2;
    base = 16;
  } else if (base == 0) {
    base = p[0] == '0' ? 8 : 10;
  }
  const char* digits = p;
  const auto ubase = static_cast<uint64_t>(base);
  for (int d; (d = digit_value(*p)) < base; ++p) {
    if (!r.overflow && (__builtin_mul_overflow(r.magnitude, ubase, &r.magnitude) ||
                        __builtin_add_overflow(r.magnitude, static_cast<uint64_t>(d), &r.magnitude))) {
      r.overflow = true;
    }
  }
  if (r.overflow) r.magnitude = UINT64_MAX;
  if (end != nullptr) *end = const_cast<char*>(p == digits ? s : p);
  if (p == digits) r.negative = false;
  return r;
}

int64_t to_signed(const Parsed& r) {
  if (!r.negative) {
    if (r.overflow || r.magnitude > static_cast<uint64_t>(INT64_MAX)) {
      set_errno(QRV_ERANGE);
      return INT64_MAX;
    }
    return static_cast<int64_t>(r.magnitude);
  }
  if (r.overflow || r.magnitude > static_cast<uint64_t>(INT64_MAX) + 1) {
    set_errno(QRV_ERANGE);
    return INT64_MIN;
  }
  return static_cast<int64_t>(0 - r.magnitude);
}

uint64_t to_unsigned(const Parsed& r) {
  if (r.overflow) {
    set_errno(QRV_ERANGE);
    return UINT64_MAX;
  }
  return r.negative ? 0 - r.magnitude : r.magnitude;
}

}  // namespace

static_assert(sizeof(long) == 8 && sizeof(long long) == 8, "LP64: one parser serves long and long long");

QRV_LIBC_FN(long, strtol, (const char* __restrict s, char** __restrict end, int base)) {
  return to_signed(parse(s, end, base));
}
QRV_LIBC_FN(long long, strtoll, (const char* __restrict s, char** __restrict end, int base)) {
  return to_signed(parse(s, end, base));
}
QRV_LIBC_FN(unsigned long, strtoul, (const char* __restrict s, char** __restrict end, int base)) {
  return to_unsigned(parse(s, end, base));
}
QRV_LIBC_FN(unsigned long long, strtoull, (const char* __restrict s, char** __restrict end, int base)) {
  return to_unsigned(parse(s, end, base));
}
QRV_LIBC_FN(intmax_t, strtoimax, (const char* __restrict s, char** __restrict end, int base)) {
  return to_signed(parse(s, end, base));
}
QRV_LIBC_FN(uintmax_t, strtoumax, (const char* __restrict s, char** __restrict end, int base)) {
  return to_unsigned(parse(s, end, base));
}

// atoi: as (int)strtol, the conversion glibc performs (out-of-range is UB in C).
QRV_LIBC_FN(int, atoi, (const char* s)) { return static_cast<int>(strtol(s, nullptr, 10)); }
QRV_LIBC_FN(long, atol, (const char* s)) { return strtol(s, nullptr, 10); }
QRV_LIBC_FN(long long, atoll, (const char* s)) { return strtoll(s, nullptr, 10); }

}  // namespace qrv::libc
