// The scanf engine: C17 7.21.6.2 conversions (d i o u x X a e f g A E F G c
// s [ p n %), assignment suppression, widths, hh h l ll j z t L q, POSIX's
// %n$ positions and the m (allocate) flag, read the way glibc reads them:
// white space in the format skips input white space (also at its end);
// every conversion but [ c n first skips white space; an integer is its
// longest digit run (a "0x" prefix consumed even when no hex digit follows),
// converted by strtoll/strtoull and truncated to its type; %c with a width
// stores what it got before the input ended. The wide forms (%lc %ls %l[
// %C %S, and any of l ll L q j z t before c s [, as glibc) store 32-bit
// wchar_t units in the C locale: ASCII only, any other byte is EILSEQ
// (which %l[ passes over, leaving that unit unwritten, as glibc does).
// Returns the assignments made, or EOF when the input ended (or memory ran
// out) before the first.
#include <stdarg.h>

#include "libc/src/common/errno.h"
#include "libc/src/stdio/scan.h"
#include "libc/src/stdio/scan_output.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {
namespace {

bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
bool is_xdigit(int c) { return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

// A digits-only decimal number at f (a width or a position); -1 past INT_MAX.
int read_int(const char*& f) {
  int v = 0;
  for (; is_digit(*f); ++f) {
    if (v >= 0) v = v > (__INT_MAX__ - (*f - '0')) / 10 ? -1 : v * 10 + (*f - '0');
  }
  return v;
}

}  // namespace

int scan_format(ScanInput& in, const char* f, va_list ap) {
  ScanArgs args(ap);
  int done = 0;
  bool skip_space = false;
  int c = 0;  // the character read last
  const auto input_failure = [&]() { return done == 0 ? kScanEof : done; };
  const auto out_of_memory = [&]() {
    set_errno(QRV_ENOMEM);
    return kScanEof;
  };

  while (*f != '\0') {
    const auto fc = static_cast<unsigned char>(*f++);
    if (is_space(fc)) {
      skip_space = true;
      continue;
    }
    if (fc != '%') {
      c = in.get();
      if (c == kScanEof) return input_failure();
      if (skip_space) {
        while (is_space(c)) {
          if ((c = in.get()) == kScanEof) return input_failure();
        }
        skip_space = false;
      }
      if (c != fc) {
        in.unget(c);
        return done;
      }
      continue;
    }

    int position = 0, width = 0;
    bool suppress = false, alloc = false, wide = false, need_width = true;
    if (is_digit(*f)) {
      const int n = read_int(f);
      if (*f == '$') {
        ++f;
        position = n;
      } else {
        width = n;
        need_width = false;
      }
    }
    if (need_width) {
      while (*f == '*') {
        suppress = true;
        ++f;
      }
      if (is_digit(*f)) width = read_int(f);
    }
    if (width == 0) width = -1;  // no width (also for an overflowing one)
    ScanSize size = ScanSize::kInt;
    bool long_double = false;
    switch (*f++) {
      case 'h':
        size = *f == 'h' ? (++f, ScanSize::kChar) : ScanSize::kShort;
        break;
      case 'l':
        if (*f == 'l') {
          ++f;
          size = ScanSize::kLongLong;
          long_double = true;
        } else {
          size = ScanSize::kLong;
        }
        wide = true;
        break;
      case 'L':
      case 'q':
        size = ScanSize::kLongLong;
        long_double = wide = true;
        break;
      case 'j':
      case 'z':
      case 't':
        size = ScanSize::kLong;
        wide = true;
        break;
      case 'm':
        alloc = true;
        break;
      default:
        --f;
        break;
    }
    if (*f == '\0') return done;
    char conv = *f++;
    if (conv == 'C' || conv == 'S') {  // %C is %lc, %S %ls
      conv = conv == 'C' ? 'c' : 's';
      wide = true;
    }
    if (skip_space || (conv != '[' && conv != 'c' && conv != 'n')) {
      if (c != kScanEof) {
        while (is_space(c = in.get())) {
        }
        in.unget(c);
      }
      skip_space = false;
    }

    switch (conv) {
      case '%':
        if ((c = in.get()) == kScanEof) return input_failure();
        if (c != '%') {
          in.unget(c);
          return done;
        }
        continue;
      case 'n':
        if (!suppress) store_integer(args.get(position), size, in.count());
        continue;
      case 'c':
      case 's':
      case '[': {
        void* arg = suppress ? nullptr : args.get(position);
        ScanString out(alloc ? nullptr : arg, alloc ? static_cast<void**>(arg) : nullptr,
                      conv == 'c' ? (width < 0 ? 1 : width > 1024 ? 1024 : static_cast<size_t>(width)) : 100, wide);
        // A wide conversion takes ASCII only (the C locale's multibyte set);
        // glibc converts for %lc and %ls even when suppressed, not for %l[.
        const auto encodable = [&](int ch) {
          if (!wide || (suppress && conv == '[') || ch < 0x80) return true;
          set_errno(QRV_EILSEQ);
          return false;
        };
        if (out.failed()) return out_of_memory();
        bool in_set[256] = {};
        bool negated = false;
        if (conv == '[') {
          if (*f == '^') {
            negated = true;
            ++f;
          }
          if (*f == ']' || *f == '-') in_set[static_cast<unsigned char>(*f++)] = true;
          unsigned char sc;
          while ((sc = static_cast<unsigned char>(*f++)) != '\0' && sc != ']') {
            const auto from = static_cast<unsigned char>(f[-2]), to = static_cast<unsigned char>(*f);
            if (sc == '-' && to != '\0' && to != ']' && from <= to) {
              for (unsigned k = from; k < to; ++k) in_set[k] = true;
            } else {
              in_set[sc] = true;
            }
          }
          if (sc == '\0') return done;  // an unterminated set
        }
        const size_t before = in.count();
        if ((c = in.get()) == kScanEof) return input_failure();
        if (conv == 'c') {
          if (width < 0) width = 1;
          do {
            if (!encodable(c)) return done;
            out.add(c);
          } while (--width > 0 && (c = in.get()) != kScanEof);
          out.finish(false);
        } else {
          if (conv == '[' && width < 0) width = __INT_MAX__;
          do {
            if (conv == 's' ? is_space(c) : in_set[c] == negated) {
              in.unget(c);
              break;
            }
            if (encodable(c)) {
              out.add(c);
            } else if (conv == '[') {
              out.skip();
            } else {
              return done;
            }
          } while ((conv == '[' ? --width > 0 : (width <= 0 || --width > 0)) && (c = in.get()) != kScanEof);
          if (in.count() == before) return done;  // %[ matched nothing
          out.finish(true);
        }
        if (out.failed()) return out_of_memory();
        if (!suppress) ++done;
        continue;
      }
      case 'd':
      case 'i':
      case 'o':
      case 'u':
      case 'x':
      case 'X':
      case 'p': {
        int base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' || conv == 'p' ? 16 : conv == 'i' ? 0 : 10;
        if (conv == 'p') size = ScanSize::kLong;
        ScanBuffer digits;
        if ((c = in.get()) == kScanEof) return input_failure();
        if (c == '-' || c == '+') {
          digits.add(static_cast<char>(c));
          if (width > 0) --width;
          c = in.get();
        }
        if (width != 0 && c == '0') {
          if (width > 0) --width;
          digits.add('0');
          c = in.get();
          if (width != 0 && lower(c) == 'x') {
            if (base == 0) base = 16;
            if (base == 16) {
              if (width > 0) --width;
              c = in.get();
            }
          } else if (base == 0) {
            base = 8;
          }
        }
        if (base == 0) base = 10;
        while (c != kScanEof && width != 0) {
          if (base == 16 ? !is_xdigit(c) : (!is_digit(c) || c - '0' >= base)) break;
          if (!digits.add(static_cast<char>(c))) return out_of_memory();
          if (width > 0) --width;
          c = in.get();
        }
        const char first = digits.c_str()[0];
        if (digits.size() == 0 || (digits.size() == 1 && (first == '+' || first == '-'))) {
          // No digits: %p also reads "(nil)", as glibc prints a null pointer.
          bool nil = false;
          if (conv == 'p' && digits.size() == 0 && (width < 0 || width >= 5) && c == '(') {
            nil = true;
            for (const char* rest = "nil)"; nil && *rest != '\0'; ++rest) {
              c = in.get();
              nil = (*rest == ')' ? c : lower(c)) == *rest;
            }
          }
          if (!nil) {
            in.unget(c);
            return done;
          }
          digits.add('0');
        } else {
          in.unget(c);
        }
        const bool is_signed = conv == 'd' || conv == 'i';
        const uint64_t v = is_signed ? static_cast<uint64_t>(strtoll(digits.c_str(), nullptr, base))
                                     : strtoull(digits.c_str(), nullptr, base);
        if (!suppress) {
          store_integer(args.get(position), size, v);
          ++done;
        }
        continue;
      }
      case 'a':
      case 'A':
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        ScanBuffer text;
        const int got = collect_float(in, width, text, &c);
        if (got == -2) return out_of_memory();
        if (got < 0) return input_failure();
        if (got == 0) return done;
        char* end = nullptr;
        void* arg = suppress ? nullptr : args.get(position);
        if (long_double) {
          const long double v = strtold(text.c_str(), &end);
          if (arg != nullptr && end != text.c_str()) *static_cast<long double*>(arg) = v;
        } else if (size == ScanSize::kLong) {
          const double v = strtod(text.c_str(), &end);
          if (arg != nullptr && end != text.c_str()) *static_cast<double*>(arg) = v;
        } else {
          const float v = strtof(text.c_str(), &end);
          if (arg != nullptr && end != text.c_str()) *static_cast<float*>(arg) = v;
        }
        if (end == text.c_str()) return done;
        if (!suppress) ++done;
        continue;
      }
      default:
        return done;  // not a conversion
    }
  }
  if (skip_space) {
    while (is_space(c = in.get())) {
    }
    in.unget(c);
  }
  return done;
}

}  // namespace qrv::libc
