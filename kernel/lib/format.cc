// kvformat: one pass over the format string, numbers converted into a small
// stack buffer (64-bit octal needs 22 digits); padding and precision zeros
// are emitted in loops, so no width or precision can overflow a buffer.
#include "kernel/lib/format.h"

#include <cstdint>

namespace {

enum class Length : uint8_t { kNone, kChar, kShort, kLong, kLongLong, kSize, kPtrdiff, kMax };

struct Spec {
  bool left = false;   // '-'
  bool plus = false;   // '+'
  bool space = false;  // ' '
  bool zero = false;   // '0'
  bool alt = false;    // '#'
  int width = 0;
  int precision = -1;  // -1: none given
  Length length = Length::kNone;
};

struct Out {
  void (*put)(char, void*);
  void* ctx;
  size_t count;

  void c(char ch) {
    put(ch, ctx);
    ++count;
  }
  void repeat(char ch, int n) {
    for (int i = 0; i < n; ++i) {
      c(ch);
    }
  }
  void str(const char* s, int n) {
    for (int i = 0; i < n; ++i) {
      c(s[i]);
    }
  }
};

int clamp_width(long v) { return v > kFormatMaxWidth ? kFormatMaxWidth : static_cast<int>(v); }

// Parses decimal digits at *p, saturating at kFormatMaxWidth.
int parse_number(const char** p) {
  long v = 0;
  while (**p >= '0' && **p <= '9') {
    if (v <= kFormatMaxWidth) {
      v = v * 10 + (**p - '0');
    }
    ++*p;
  }
  return clamp_width(v);
}

// Writes the digits of v in base (8, 10 or 16) to the end of buf; returns
// their count. v == 0 gives no digits (the caller applies precision).
int to_digits(uint64_t v, unsigned base, bool upper, char* buf_end) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  int n = 0;
  while (v != 0) {
    *--buf_end = digits[v % base];
    v /= base;
    ++n;
  }
  return n;
}

// Formats an integer: sign or prefix, zero padding to precision, width.
void format_integer(Out& out, const Spec& s, uint64_t magnitude, bool negative, char conv) {
  unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
  char buf[24];
  int ndigits = to_digits(magnitude, base, conv == 'X', buf + sizeof(buf));
  const char* digits = buf + sizeof(buf) - ndigits;

  int precision = s.precision < 0 ? 1 : s.precision;
  int zeros = precision > ndigits ? precision - ndigits : 0;
  if (conv == 'o' && s.alt && zeros == 0 && (ndigits == 0 || digits[0] != '0')) {
    zeros = 1;  // '#' makes the first octal digit a 0
  }

  const char* prefix = "";
  if (conv == 'd' || conv == 'i') {
    prefix = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
  } else if (conv == 'p' || (s.alt && magnitude != 0 && (conv == 'x' || conv == 'X'))) {
    prefix = conv == 'X' ? "0X" : "0x";
  }
  int prefix_len = prefix[0] == '\0' ? 0 : prefix[1] == '\0' ? 1 : 2;

  int body = prefix_len + zeros + ndigits;
  int pad = s.width > body ? s.width - body : 0;
  if (s.zero && !s.left && s.precision < 0) {
    zeros += pad;  // '0' pads between the sign/prefix and the digits
    pad = 0;
  }
  if (!s.left) {
    out.repeat(' ', pad);
  }
  out.str(prefix, prefix_len);
  out.repeat('0', zeros);
  out.str(digits, ndigits);
  if (s.left) {
    out.repeat(' ', pad);
  }
}

void format_padded(Out& out, const Spec& s, const char* text, int len) {
  int pad = s.width > len ? s.width - len : 0;
  if (!s.left) {
    out.repeat(' ', pad);
  }
  out.str(text, len);
  if (s.left) {
    out.repeat(' ', pad);
  }
}

// Signed argument of the spec's length, widened to 64 bits.
int64_t signed_arg(const Spec& s, va_list& ap) {
  switch (s.length) {
    case Length::kChar:
      return static_cast<signed char>(va_arg(ap, int));
    case Length::kShort:
      return static_cast<short>(va_arg(ap, int));
    case Length::kLong:
      return va_arg(ap, long);
    case Length::kLongLong:
      return va_arg(ap, long long);
    case Length::kSize:
      return static_cast<int64_t>(va_arg(ap, size_t));  // %zd: the signed size_t
    case Length::kPtrdiff:
      return va_arg(ap, ptrdiff_t);
    case Length::kMax:
      return va_arg(ap, intmax_t);
    case Length::kNone:
      break;
  }
  return va_arg(ap, int);
}

uint64_t unsigned_arg(const Spec& s, va_list& ap) {
  switch (s.length) {
    case Length::kChar:
      return static_cast<unsigned char>(va_arg(ap, unsigned int));
    case Length::kShort:
      return static_cast<unsigned short>(va_arg(ap, unsigned int));
    case Length::kLong:
      return va_arg(ap, unsigned long);
    case Length::kLongLong:
      return va_arg(ap, unsigned long long);
    case Length::kSize:
      return va_arg(ap, size_t);
    case Length::kPtrdiff:
      return static_cast<uint64_t>(va_arg(ap, ptrdiff_t));
    case Length::kMax:
      return va_arg(ap, uintmax_t);
    case Length::kNone:
      break;
  }
  return va_arg(ap, unsigned int);
}

// Parses flags, width, precision and length at *p (just after '%').
Spec parse_spec(const char** p, va_list& ap) {
  Spec s;
  for (;; ++*p) {
    char f = **p;
    if (f == '-') {
      s.left = true;
    } else if (f == '+') {
      s.plus = true;
    } else if (f == ' ') {
      s.space = true;
    } else if (f == '0') {
      s.zero = true;
    } else if (f == '#') {
      s.alt = true;
    } else {
      break;
    }
  }
  if (**p == '*') {
    ++*p;
    int w = va_arg(ap, int);
    if (w < 0) {
      s.left = true;  // C: a negative '*' width is '-' with its magnitude
      s.width = clamp_width(-static_cast<long>(w));
    } else {
      s.width = clamp_width(w);
    }
  } else {
    s.width = parse_number(p);
  }
  if (**p == '.') {
    ++*p;
    if (**p == '*') {
      ++*p;
      int prec = va_arg(ap, int);
      s.precision = prec < 0 ? -1 : clamp_width(prec);  // negative: as if omitted
    } else {
      s.precision = parse_number(p);
    }
  }
  switch (**p) {
    case 'h':
      ++*p;
      s.length = Length::kShort;
      if (**p == 'h') {
        ++*p;
        s.length = Length::kChar;
      }
      break;
    case 'l':
      ++*p;
      s.length = Length::kLong;
      if (**p == 'l') {
        ++*p;
        s.length = Length::kLongLong;
      }
      break;
    case 'z':
      ++*p;
      s.length = Length::kSize;
      break;
    case 't':
      ++*p;
      s.length = Length::kPtrdiff;
      break;
    case 'j':
      ++*p;
      s.length = Length::kMax;
      break;
    default:
      break;
  }
  return s;
}

void format_string(Out& out, const Spec& s, const char* str) {
  if (str == nullptr) {
    str = s.precision >= 0 && s.precision < 6 ? "" : "(null)";
  }
  int len = 0;  // never reads past the precision: the string may be unterminated
  while ((s.precision < 0 || len < s.precision) && str[len] != '\0') {
    ++len;
  }
  format_padded(out, s, str, len);
}

struct BufferSink {
  char* buf;
  size_t size;
  size_t pos;
};

void put_buffer(char c, void* ctx) {
  BufferSink* b = static_cast<BufferSink*>(ctx);
  if (b->pos + 1 < b->size) {
    b->buf[b->pos] = c;
  }
  ++b->pos;
}

}  // namespace

size_t kvformat(void (*put)(char c, void* ctx), void* ctx, const char* fmt, va_list ap) {
  Out out{put, ctx, 0};
  va_list args;
  va_copy(args, ap);
  const char* p = fmt;
  while (*p != '\0') {
    if (*p != '%') {
      out.c(*p++);
      continue;
    }
    const char* start = p++;
    Spec s = parse_spec(&p, args);
    char conv = *p;
    if (conv == '\0') {
      out.str(start, static_cast<int>(p - start));  // a lone trailing '%...'
      break;
    }
    ++p;
    switch (conv) {
      case 'd':
      case 'i': {
        int64_t v = signed_arg(s, args);
        uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
        format_integer(out, s, mag, v < 0, 'd');
        break;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        format_integer(out, s, unsigned_arg(s, args), false, conv);
        break;
      case 'p': {
        uintptr_t v = reinterpret_cast<uintptr_t>(va_arg(args, void*));
        if (v == 0) {
          format_padded(out, s, "(nil)", 5);
        } else {
          Spec ps = s;
          ps.plus = false;
          ps.space = false;
          format_integer(out, ps, v, false, 'p');
        }
        break;
      }
      case 'c': {
        char ch = static_cast<char>(va_arg(args, int));
        format_padded(out, s, &ch, 1);
        break;
      }
      case 's':
        format_string(out, s, va_arg(args, const char*));
        break;
      case '%':
        out.c('%');
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
      case 'a':
      case 'A':
        out.str("<no-fp>", 7);  // no FP registers in the kernel: consume nothing
        break;
      default:
        out.str(start, static_cast<int>(p - start));
        break;
    }
  }
  va_end(args);
  return out.count;
}

int kvsnprintf(char* buf, size_t size, const char* fmt, va_list ap) {
  BufferSink sink{buf, size, 0};
  size_t n = kvformat(put_buffer, &sink, fmt, ap);
  if (size > 0) {
    buf[n < size ? n : size - 1] = '\0';
  }
  constexpr size_t kIntMax = static_cast<size_t>(__INT_MAX__);
  return static_cast<int>(n > kIntMax ? kIntMax : n);
}

int ksnprintf(char* buf, size_t size, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = kvsnprintf(buf, size, fmt, ap);
  va_end(ap);
  return n;
}
