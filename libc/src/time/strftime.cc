// strftime in the C locale: every C17 and POSIX conversion and glibc's
// extensions (%k %l %P %s, the flags _ - 0 ^ #, a field width), each with
// glibc's output: an unknown or ill-modified conversion is copied as
// written, a width pads text too (with zeros under the 0 flag), composite
// conversions (%c %D %F %r %R %T %x %X) pad as a whole. E and O change
// nothing in the C locale. 0 when the result and its terminator do not fit.
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"
#include "libc/src/time/names.h"
#include "libc/src/time/time_api.h"

namespace qrv::libc {
namespace {

char to_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Output into s (nullptr: only count) of at most max bytes, terminator included.
class Out {
 public:
  Out(char* s, size_t max) : s_(s), max_(max) {}
  // n bytes of c; false when they and a terminator do not fit.
  bool fill(size_t n, char c) {
    if (n >= max_ - used_) return false;
    if (s_ != nullptr) memset(s_ + used_, c, n);
    used_ += n;
    return true;
  }
  // text, padded on the left to width (zeros when pad is '0'), case changed
  // (case_change > 0 upper, < 0 lower).
  bool add(const char* text, size_t n, int width, char pad, int case_change = 0) {
    const size_t fill_n = width > 0 && static_cast<size_t>(width) > n ? static_cast<size_t>(width) - n : 0;
    if (n + fill_n >= max_ - used_) return false;
    fill(fill_n, pad == '0' ? '0' : ' ');
    if (s_ != nullptr) {
      for (size_t k = 0; k < n; ++k) {
        const char c = text[k];
        s_[used_ + k] = case_change > 0 ? to_upper(c) : case_change < 0 ? to_lower(c) : c;
      }
    }
    used_ += n;
    return true;
  }
  size_t used() const { return used_; }
  size_t room() const { return max_ - used_; }

 private:
  char* s_;
  size_t max_;
  size_t used_ = 0;
};

// A number at least `digits` wide (with merge_width, at least the width),
// zero-padded unless pad is '_' (spaces) or '-' (none); a width the digits
// did not absorb then pads the whole on the left.
bool add_number(Out& out, int64_t value, int digits, int width, char pad, bool merge_width = true) {
  char buf[24];
  char* p = buf + sizeof(buf);
  uint64_t u = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (value < 0) *--p = '-';
  size_t len = static_cast<size_t>(buf + sizeof(buf) - p);
  if (merge_width && width > digits) digits = width;
  const int64_t padding = static_cast<int64_t>(digits) - static_cast<int64_t>(len);
  if (pad != '-' && padding > 0) {
    if (pad == '_') {
      if (!out.fill(static_cast<size_t>(padding), ' ')) return false;
      width = width > padding ? width - static_cast<int>(padding) : 0;
    } else {
      if (static_cast<size_t>(digits) >= out.room()) return false;
      if (value < 0) {
        out.fill(1, '-');
        ++p;
        --len;
      }
      out.fill(static_cast<size_t>(padding), '0');
      width = 0;
    }
  }
  return out.add(p, len, width, pad);
}

// Days from the first day of the first ISO week (the one with the year's
// first Thursday) to day yday, weekday wday; negative in the previous ISO year.
int iso_week_days(int yday, int wday) {
  const int big_multiple_of_7 = (366 / 7 + 2) * 7;
  return yday - (yday - wday + 4 + big_multiple_of_7) % 7 + 3;
}

bool is_leap_int(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

bool format(Out& out, const char* f, const Tm& tm);

// The conversion at f (its '%'); leaves f on its last character.
bool convert(Out& out, const char*& f, const Tm& tm) {
  char pad = 0;
  bool upper = false, lower = false, swap_case = false;
  for (;;) {
    const char c = *++f;
    if (c == '_' || c == '-' || c == '0') {
      pad = c;
    } else if (c == '^') {
      upper = true;
    } else if (c == '#') {
      swap_case = true;
    } else {
      break;
    }
  }
  int width = -1;
  if (*f >= '0' && *f <= '9') {
    width = 0;
    for (; *f >= '0' && *f <= '9'; ++f) width = width > (__INT_MAX__ - 9) / 10 ? __INT_MAX__ : width * 10 + (*f - '0');
  }
  char modifier = 0;
  if (*f == 'E' || *f == 'O') modifier = *f++;

  auto text = [&](const char* s, size_t n) { return out.add(s, n, width, pad, lower ? -1 : upper ? 1 : 0); };
  auto bad = [&]() {
    const char* from = f;
    while (*from != '%') --from;
    return text(from, static_cast<size_t>(f - from) + 1);
  };
  auto number = [&](int64_t value, int digits) { return add_number(out, value, digits, width, pad); };
  auto spaced = [&](int64_t value) {
    if (pad != '0' && pad != '-') pad = '_';
    return add_number(out, value, 2, width, pad);
  };
  auto composite = [&](const char* sub) {
    char buf[160];  // the longest expansion, "%a %b %e %H:%M:%S %Y" of 11-digit fields, fits
    Out inner(buf, sizeof(buf));
    if (!format(inner, sub, tm)) return false;
    return out.add(buf, inner.used(), width, pad, upper ? 1 : 0);
  };
  const int year = tm.tm_year + 1900;  // int arithmetic, as glibc's
  const int hour12 = tm.tm_hour > 12 ? tm.tm_hour - 12 : tm.tm_hour == 0 ? 12 : tm.tm_hour;
  const char* day = tm.tm_wday < 0 || tm.tm_wday > 6 ? "?" : kDayNames[tm.tm_wday];
  const char* month = tm.tm_mon < 0 || tm.tm_mon > 11 ? "?" : kMonthNames[tm.tm_mon];

  switch (*f) {
    case '%':
      return modifier != 0 ? bad() : text("%", 1);
    case 'a':
    case 'A':
      if (modifier != 0) return bad();
      if (swap_case) upper = true;
      return text(day, *f == 'a' ? strnlen(day, 3) : strlen(day));
    case 'b':
    case 'h':
    case 'B':
      if (swap_case) upper = true;
      if (modifier == 'E') return bad();
      return text(month, *f == 'B' ? strlen(month) : strnlen(month, 3));
    case 'c':
      return modifier == 'O' ? bad() : composite("%a %b %e %H:%M:%S %Y");
    case 'C':
      return number(year / 100 - (year % 100 < 0), 1);
    case 'x':
      return modifier == 'O' ? bad() : composite("%m/%d/%y");
    case 'D':
      return modifier != 0 ? bad() : composite("%m/%d/%y");
    case 'F':
      return modifier != 0 ? bad() : composite("%Y-%m-%d");
    case 'X':
      return modifier == 'O' ? bad() : composite("%H:%M:%S");
    case 'T':
      return composite("%H:%M:%S");
    case 'R':
      return composite("%H:%M");
    case 'r':
      return composite("%I:%M:%S %p");
    case 'n':
      return text("\n", 1);
    case 't':
      return text("\t", 1);
    case 'P':
    case 'p':
      if (*f == 'P' || swap_case) {
        lower = true;
        if (swap_case) upper = false;
      }
      return text(tm.tm_hour > 11 ? "PM" : "AM", 2);
    case 'Z': {
      if (swap_case) {
        upper = false;
        lower = true;
      }
      const char* zone = tm.tm_zone;
      if ((zone == nullptr || *zone == '\0') && tm.tm_isdst >= 0) {
        tzset();
        zone = tm.tm_isdst <= 1 ? tzname[tm.tm_isdst] : "?";
      }
      if (zone == nullptr) zone = "";
      return text(zone, strlen(zone));
    }
    case 'z': {
      if (tm.tm_isdst < 0) return true;
      int diff = static_cast<int>(tm.tm_gmtoff);
      if (!text(diff < 0 ? "-" : "+", 1)) return false;
      diff = (diff < 0 ? -diff : diff) / 60;
      return number(diff / 60 * 100 + diff % 60, 4);
    }
    case 's': {
      Tm copy = tm;
      return add_number(out, mktime(&copy), 1, width, pad, false);
    }
    case 'u':
      return number((tm.tm_wday - 1 + 7) % 7 + 1, 1);
    case 'Y':
      return modifier == 'O' ? bad() : number(year, 1);
    case 'y':
      return number((tm.tm_year % 100 + 100) % 100, 2);
    case '\0':  // a '%' (and flags) ending the format: copied as written
      --f;
      return bad();
    default:
      break;
  }
  if (modifier == 'E') return bad();  // the numbers below have no E form
  switch (*f) {
    case 'd':
      return number(tm.tm_mday, 2);
    case 'e':
      return spaced(tm.tm_mday);
    case 'H':
      return number(tm.tm_hour, 2);
    case 'I':
      return number(hour12, 2);
    case 'k':
      return spaced(tm.tm_hour);
    case 'l':
      return spaced(hour12);
    case 'j':
      return number(1 + tm.tm_yday, 3);
    case 'M':
      return number(tm.tm_min, 2);
    case 'm':
      return number(tm.tm_mon + 1, 2);
    case 'S':
      return number(tm.tm_sec, 2);
    case 'U':
      return number((tm.tm_yday - tm.tm_wday + 7) / 7, 2);
    case 'W':
      return number((tm.tm_yday - (tm.tm_wday - 1 + 7) % 7 + 7) / 7, 2);
    case 'w':
      return number(tm.tm_wday, 1);
    case 'G':
    case 'g':
    case 'V': {
      int iso_year = year;
      int days = iso_week_days(tm.tm_yday, tm.tm_wday);
      if (days < 0) {
        --iso_year;
        days = iso_week_days(tm.tm_yday + (365 + is_leap_int(iso_year)), tm.tm_wday);
      } else {
        const int next = iso_week_days(tm.tm_yday - (365 + is_leap_int(iso_year)), tm.tm_wday);
        if (next >= 0) {
          ++iso_year;
          days = next;
        }
      }
      if (*f == 'G') return number(iso_year, 1);
      if (*f == 'g') return number((iso_year % 100 + 100) % 100, 2);
      return number(days / 7 + 1, 2);
    }
    default:
      return bad();
  }
}

bool format(Out& out, const char* f, const Tm& tm) {
  for (; *f != '\0'; ++f) {
    if (*f != '%') {
      if (!out.add(f, 1, -1, 0)) return false;
    } else if (!convert(out, f, tm)) {
      return false;
    }
  }
  return true;
}

}  // namespace

QRV_LIBC_FN(size_t, strftime,
            (char* __restrict s, size_t max, const char* __restrict format_string, const Tm* __restrict tm)) {
  Out out(s, max);
  if (!format(out, format_string, *tm)) return 0;
  if (max != 0) s[out.used()] = '\0';
  return out.used();
}

}  // namespace qrv::libc
