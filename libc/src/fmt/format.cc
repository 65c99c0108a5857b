// __qrv_vformat: walks the format string, parses each conversion
// specification (C17 7.21.6.1), fetches its argument and dispatches.
#include "libc/src/fmt/format.h"

#include <stdint.h>

#include <type_traits>

#include "libc/src/fmt/convert.h"
#include "libc/src/fmt/decimal.h"

namespace qrv::fmt {

// <limits.h> does not resolve in the freestanding board toolchain; GCC predefines INT_MAX.
constexpr int64_t kIntMax = __INT_MAX__;
namespace {

using ssize = std::make_signed_t<size_t>;
using uptrdiff = std::make_unsigned_t<ptrdiff_t>;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Parses a decimal field; false when it exceeds kIntMax.
bool parse_number(const char*& p, int32_t* value) {
  int64_t v = 0;
  while (is_digit(*p)) {
    v = v * 10 + (*p++ - '0');
    if (v > kIntMax) return false;
  }
  *value = static_cast<int32_t>(v);
  return true;
}

Length parse_length(const char*& p) {
  switch (*p) {
    case 'h':
      if (p[1] == 'h') {
        p += 2;
        return Length::kHH;
      }
      ++p;
      return Length::kH;
    case 'l':
      if (p[1] == 'l') {
        p += 2;
        return Length::kLL;
      }
      ++p;
      return Length::kL;
    case 'j':
      ++p;
      return Length::kJ;
    case 'z':
      ++p;
      return Length::kZ;
    case 't':
      ++p;
      return Length::kT;
    case 'L':
      ++p;
      return Length::kBigL;
    default:
      return Length::kNone;
  }
}

void signed_arg(Length len, va_list* ap, uint64_t* magnitude, bool* negative) {
  int64_t v = 0;
  switch (len) {
    case Length::kHH:
      v = static_cast<signed char>(va_arg(*ap, int));
      break;
    case Length::kH:
      v = static_cast<short>(va_arg(*ap, int));
      break;
    case Length::kL:
      v = va_arg(*ap, long);
      break;
    case Length::kLL:
      v = va_arg(*ap, long long);
      break;
    case Length::kJ:
      v = va_arg(*ap, intmax_t);
      break;
    case Length::kZ:
      v = va_arg(*ap, ssize);
      break;
    case Length::kT:
      v = va_arg(*ap, ptrdiff_t);
      break;
    default:
      v = va_arg(*ap, int);
      break;
  }
  *negative = v < 0;
  // Negate in unsigned arithmetic so that INT64_MIN is fine.
  *magnitude = *negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

uint64_t unsigned_arg(Length len, va_list* ap) {
  switch (len) {
    case Length::kHH:
      return static_cast<unsigned char>(va_arg(*ap, unsigned));
    case Length::kH:
      return static_cast<unsigned short>(va_arg(*ap, unsigned));
    case Length::kL:
      return va_arg(*ap, unsigned long);
    case Length::kLL:
      return va_arg(*ap, unsigned long long);
    case Length::kJ:
      return va_arg(*ap, uintmax_t);
    case Length::kZ:
      return va_arg(*ap, size_t);
    case Length::kT:
      return va_arg(*ap, uptrdiff);
    default:
      return va_arg(*ap, unsigned);
  }
}

void store_count(Length len, va_list* ap, int64_t count) {
  switch (len) {
    case Length::kHH:
      *va_arg(*ap, signed char*) = static_cast<signed char>(count);
      break;
    case Length::kH:
      *va_arg(*ap, short*) = static_cast<short>(count);
      break;
    case Length::kL:
      *va_arg(*ap, long*) = static_cast<long>(count);
      break;
    case Length::kLL:
      *va_arg(*ap, long long*) = static_cast<long long>(count);
      break;
    case Length::kJ:
      *va_arg(*ap, intmax_t*) = static_cast<intmax_t>(count);
      break;
    case Length::kZ:
      *va_arg(*ap, ssize*) = static_cast<ssize>(count);
      break;
    case Length::kT:
      *va_arg(*ap, ptrdiff_t*) = static_cast<ptrdiff_t>(count);
      break;
    default:
      *va_arg(*ap, int*) = static_cast<int>(count);
      break;
  }
}

// Separate, never-inlined frames: only %L conversions pay for the long
// double scratch (5 KiB); plain double conversions use about 0.4 KiB.
[[gnu::noinline]] void format_long_double_arg(Sink& out, const Spec& spec, long double v) {
  uint32_t scratch[kDecimalLimbsLongDouble];
  format_float(out, spec, decode_long_double(v), long_double_format(), scratch,
               kDecimalLimbsLongDouble);
}

[[gnu::noinline]] void format_double_arg(Sink& out, const Spec& spec, double v) {
  uint32_t scratch[kDecimalLimbsDouble];
  format_float(out, spec, decode_double(v), kDoubleFormat, scratch, kDecimalLimbsDouble);
}

// Parses one specification after '%' and performs it; false on a bad format.
bool convert(Sink& out, const char*& p, va_list* ap) {
  Spec spec;
  for (;; ++p) {
    if (*p == '-')
      spec.left = true;
    else if (*p == '+')
      spec.plus = true;
    else if (*p == ' ')
      spec.space = true;
    else if (*p == '#')
      spec.alt = true;
    else if (*p == '0')
      spec.zero = true;
    else
      break;
  }
  if (*p == '*') {
    ++p;
    const int w = va_arg(*ap, int);
    if (w < 0) {
      if (w == -__INT_MAX__ - 1) return false;
      spec.left = true;
      spec.width = -w;
    } else {
      spec.width = w;
    }
  } else if (!parse_number(p, &spec.width)) {
    return false;
  }
  if (*p == '.') {
    ++p;
    if (*p == '*') {
      ++p;
      const int pr = va_arg(*ap, int);
      spec.precision = pr < 0 ? -1 : pr;
    } else if (!parse_number(p, &spec.precision)) {
      return false;
    }
  }
  if (*p == '$') return false;  // POSIX positional arguments are not supported
  spec.length = parse_length(p);
  spec.conv = *p;
  if (spec.conv == '\0') return false;
  ++p;
  const Length len = spec.length;
  const bool int_length = len != Length::kBigL;
  switch (spec.conv) {
    case 'd':
    case 'i': {
      if (!int_length) return false;
      uint64_t magnitude = 0;
      bool negative = false;
      signed_arg(len, ap, &magnitude, &negative);
      format_integer(out, spec, magnitude, negative);
      return true;
    }
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      if (!int_length) return false;
      format_integer(out, spec, unsigned_arg(len, ap), false);
      return true;
    case 'c':
      if (len == Length::kL)
        return format_wide_char(out, spec, static_cast<uint32_t>(va_arg(*ap, __WINT_TYPE__)));
      if (len != Length::kNone) return false;
      format_char(out, spec, static_cast<unsigned char>(va_arg(*ap, int)));
      return true;
    case 's':
      if (len == Length::kL) return format_wide_string(out, spec, va_arg(*ap, const wchar_t*));
      if (len != Length::kNone) return false;
      format_string(out, spec, va_arg(*ap, const char*));
      return true;
    case 'p':
      if (len != Length::kNone) return false;
      format_pointer(out, spec, va_arg(*ap, const void*));
      return true;
    case 'n':
      if (!int_length) return false;
      store_count(len, ap, out.count());
      return true;
    case '%':
      if (len != Length::kNone) return false;
      out.put_char('%');
      return true;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      if (len != Length::kNone && len != Length::kL && len != Length::kBigL) return false;
      if (len == Length::kBigL) {
        format_long_double_arg(out, spec, va_arg(*ap, long double));
      } else {
        format_double_arg(out, spec, va_arg(*ap, double));
      }
      return true;
    default:
      return false;
  }
}

}  // namespace
}  // namespace qrv::fmt

extern "C" int __qrv_vformat(__qrv_put_fn put, void* ctx, const char* fmt, va_list ap) {
  using qrv::fmt::Sink;
  Sink out(put, ctx);
  va_list args;
  va_copy(args, ap);
  bool ok = true;
  const char* p = fmt;
  while (*p != '\0') {
    const char* run = p;
    while (*p != '\0' && *p != '%') ++p;
    out.write(run, static_cast<size_t>(p - run));
    if (*p == '\0') break;
    ++p;
    if (!qrv::fmt::convert(out, p, &args)) {
      ok = false;
      break;
    }
  }
  va_end(args);
  out.flush();
  if (!ok || out.overflowed()) return -1;
  return static_cast<int>(out.count());
}
