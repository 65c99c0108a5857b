// printf(1) over snprintf: each conversion's flags, width and precision are
// rebuilt into a C format (a `*` replaced by the argument's value), its
// argument converted by POSIX's rules (a leading quote gives the next
// character's code), and the result written through PrintfOut.
#include "user/utils/printf_format.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace utils {
namespace {

struct Formatter {
  const PrintfOut& out;
  int argc;
  const char* const* argv;
  int next = 0;
  int status = 0;

  void put(const char* s, size_t n) {
    if (n > 0) out.write(out.ctx, s, n);
  }
  void put_char(char c) { put(&c, 1); }
  void error(const char* what, const char* arg) {
    char msg[160];
    snprintf(msg, sizeof msg, "printf: %.100s: %s", arg, what);
    out.error(out.ctx, msg);
    status = 1;
  }
  const char* arg() { return next < argc ? argv[next++] : nullptr; }

  // A numeric argument; a missing one is 0. `is_signed`: d and i.
  bool number(const char* a, bool is_signed, long long* s, unsigned long long* u) {
    *s = 0;
    *u = 0;
    if (a == nullptr || a[0] == '\0') return true;
    if (a[0] == '\'' || a[0] == '"') {
      *s = static_cast<unsigned char>(a[1]);
      *u = static_cast<unsigned long long>(*s);
      return true;
    }
    char* end = nullptr;
    errno = 0;
    if (is_signed) {
      *s = strtoll(a, &end, 0);
    } else {
      *u = strtoull(a, &end, 0);
    }
    if (end == a) {
      error("expected a number", a);
    } else if (*end != '\0') {
      error("not completely converted", a);
    } else if (errno == ERANGE) {
      error("out of range", a);
    }
    return true;
  }

  // `*`: the next argument as an int.
  long star() {
    const char* a = arg();
    long long v = 0;
    unsigned long long u = 0;
    number(a, true, &v, &u);
    if (v > 1000000 || v < -1000000) {
      error("field width or precision too large", a);
      return 0;
    }
    return static_cast<long>(v);
  }

  // snprintf into a buffer that grows to the result.
  template <typename T>
  void emit(const char* spec, T value) {
    char small[256];
    const int n = snprintf(small, sizeof small, spec, value);
    if (n < 0) return;
    if (static_cast<size_t>(n) < sizeof small) {
      put(small, static_cast<size_t>(n));
      return;
    }
    char* big = static_cast<char*>(malloc(static_cast<size_t>(n) + 1));
    if (big == nullptr) {
      error("out of memory", spec);
      return;
    }
    snprintf(big, static_cast<size_t>(n) + 1, spec, value);
    put(big, static_cast<size_t>(n));
    free(big);
  }

  // %b's argument with its escapes expanded into a malloc'd string; *stop at \c.
  char* expand_b(const char* a, bool* stop) {
    const size_t len = strlen(a);
    char* r = static_cast<char*>(malloc(len + 1));
    if (r == nullptr) return nullptr;
    size_t k = 0;
    for (size_t i = 0; i < len; ++i) {
      char c = a[i];
      if (c == '\\' && i + 1 < len) {
        size_t took = printf_simple_escape(a + i + 1, &c);
        if (took > 0) {
          i += took;
        } else if (a[i + 1] == 'c') {
          *stop = true;
          break;
        } else if (a[i + 1] == '0') {  // \0ddd
          int v = 0;
          ++i;
          for (int d = 0; d < 3 && a[i + 1] >= '0' && a[i + 1] <= '7'; ++d) v = v * 8 + (a[++i] - '0');
          c = static_cast<char>(v);
        }
      }
      r[k++] = c;
    }
    r[k] = '\0';
    return r;
  }

  // One conversion at *p (just after '%'); returns false to end all output.
  bool conversion(const char** pp) {
    const char* p = *pp;
    char spec[64];
    size_t k = 0;
    spec[k++] = '%';
    while (*p != '\0' && strchr("-+ #0", *p) != nullptr) {
      if (k < 8) spec[k++] = *p;
      ++p;
    }
    long width = -1;
    long precision = -1;
    if (*p == '*') {
      width = star();
      ++p;
    } else {
      for (width = 0; *p >= '0' && *p <= '9'; ++p) width = width < 1000000 ? width * 10 + (*p - '0') : width;
    }
    if (width < 0) {  // a negative `*` width: left-justified
      spec[k++] = '-';
      width = -width;
    }
    if (*p == '.') {
      ++p;
      if (*p == '*') {
        precision = star();
        ++p;
      } else {
        for (precision = 0; *p >= '0' && *p <= '9'; ++p) {
          precision = precision < 1000000 ? precision * 10 + (*p - '0') : precision;
        }
      }
    }
    while (*p != '\0' && strchr("hlLqjzt", *p) != nullptr) ++p;  // sizes mean nothing here
    const char conv = *p;
    *pp = p;
    if (conv == '\0') {
      error("missing conversion", "%");
      return false;
    }
    if (width > 1000000 || precision > 1000000) {
      error("field width or precision too large", "%");
      return false;
    }
    if (width > 0) k += static_cast<size_t>(snprintf(spec + k, sizeof spec - k, "%ld", width));
    if (precision >= 0) k += static_cast<size_t>(snprintf(spec + k, sizeof spec - k, ".%ld", precision));
    if (strchr("diouxX", conv) != nullptr) {
      long long s = 0;
      unsigned long long u = 0;
      const bool is_signed = conv == 'd' || conv == 'i';
      number(arg(), is_signed, &s, &u);
      snprintf(spec + k, sizeof spec - k, "ll%c", conv);
      if (is_signed) {
        emit(spec, s);
      } else {
        emit(spec, u);
      }
      return true;
    }
    if (strchr("eEfFgGaA", conv) != nullptr) {
      const char* a = arg();
      double v = 0;
      if (a != nullptr && (a[0] == '\'' || a[0] == '"')) {
        v = static_cast<unsigned char>(a[1]);
      } else if (a != nullptr && a[0] != '\0') {
        char* end = nullptr;
        v = strtod(a, &end);
        if (end == a || *end != '\0') error("expected a number", a);
      }
      snprintf(spec + k, sizeof spec - k, "%c", conv);
      emit(spec, v);
      return true;
    }
    if (conv == 'c') {
      const char* a = arg();
      char c[2] = {a != nullptr ? a[0] : '\0', '\0'};
      snprintf(spec + k, sizeof spec - k, "s");
      if (c[0] == '\0' && width > 0) {
        emit(spec, "");
      } else if (c[0] != '\0') {
        emit(spec, c);
      }
      return true;
    }
    if (conv == 's' || conv == 'b') {
      const char* a = arg();
      if (a == nullptr) a = "";
      snprintf(spec + k, sizeof spec - k, "s");
      if (conv == 's') {
        emit(spec, a);
        return true;
      }
      bool stop = false;
      char* expanded = expand_b(a, &stop);
      if (expanded == nullptr) {
        error("out of memory", a);
        return false;
      }
      emit(spec, static_cast<const char*>(expanded));
      free(expanded);
      return !stop;
    }
    char bad[3] = {'%', conv, '\0'};
    error("invalid conversion", bad);
    return false;
  }

  // One pass over the format; false once output must end.
  bool pass(const char* fmt) {
    for (const char* p = fmt; *p != '\0'; ++p) {
      if (*p == '\\') {
        char c = '\\';
        if (p[1] == '\0') {
          put_char('\\');
        } else if (size_t took = printf_simple_escape(p + 1, &c); took > 0) {
          put_char(c);
          p += took;
        } else if (p[1] == 'c') {
          return false;
        } else if (p[1] >= '0' && p[1] <= '7') {  // \ddd
          int v = 0;
          for (int d = 0; d < 3 && p[1] >= '0' && p[1] <= '7'; ++d) v = v * 8 + (*++p - '0');
          put_char(static_cast<char>(v));
        } else {
          put_char('\\');
        }
        continue;
      }
      if (*p != '%') {
        const char* q = p;
        while (q[1] != '\0' && q[1] != '%' && q[1] != '\\') ++q;
        put(p, static_cast<size_t>(q - p) + 1);
        p = q;
        continue;
      }
      if (p[1] == '%') {
        put_char('%');
        ++p;
        continue;
      }
      ++p;
      if (!conversion(&p)) return false;
    }
    return true;
  }
};

}  // namespace

size_t printf_simple_escape(const char* s, char* c) {
  static const char kFrom[] = "\\abfnrtv";
  static const char kTo[] = "\\\a\b\f\n\r\t\v";
  const char* at = *s != '\0' ? strchr(kFrom, *s) : nullptr;
  if (at == nullptr) return 0;
  *c = kTo[at - kFrom];
  return 1;
}

int printf_format(const char* format, int argc, const char* const* argv, const PrintfOut& out) {
  Formatter f{out, argc, argv};
  do {  // the format is reused while arguments remain
    const int before = f.next;
    if (!f.pass(format)) break;
    if (f.next == before) break;  // it took none: once is enough
  } while (f.next < f.argc);
  return f.status;
}

}  // namespace utils
