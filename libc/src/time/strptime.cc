// strptime in the C locale, field for field as glibc's: numbers may follow
// white space and stop at the field's digit count or range; names match
// case-insensitively, the longest first; composite conversions (%c %D %F %r
// %R %T %x %X) apply all or nothing. At the end the day of the week and of
// the year are derived from whatever date fields were read, and %U/%W with a
// weekday give the date. E and O only select the plain conversions (the C
// locale has neither eras nor alternative digits).
#include <stddef.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"
#include "libc/src/time/names.h"
#include "libc/src/time/time_api.h"

namespace qrv::libc {
namespace {

struct State {
  bool have_I, have_wday, have_yday, have_mon, have_mday, have_uweek, have_wweek;
  bool is_pm, want_century, want_xday;
  int week_no;
  int century;  // -1: none read
};

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// After optional white space, at most `digits` digits (fewer once another
// would pass `to`), in [from, to]; nullptr otherwise.
const char* get_number(const char* rp, int from, int to, int digits, int* out) {
  while (is_space(*rp)) ++rp;
  if (!is_digit(*rp)) return nullptr;
  long val = 0;
  do {
    val = val * 10 + (*rp++ - '0');
  } while (--digits > 0 && val * 10 <= to && is_digit(*rp));
  if (val < from || val > to) return nullptr;
  *out = static_cast<int>(val);
  return rp;
}

// The index of the longest name (full or three-letter) starting rp, or -1.
int match_name(const char** rp, const char* const* names, int count) {
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < count; ++i) {
    const size_t full = strlen(names[i]);
    if (strncasecmp(names[i], *rp, full) == 0 && full > best_len) {
      best = i;
      best_len = full;
    } else if (strncasecmp(names[i], *rp, 3) == 0 && best_len < 3) {
      best = i;
      best_len = 3;
    }
  }
  *rp += best_len;
  return best;
}

const unsigned short kMonthYday[2][13] = {{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
                                          {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

bool leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

// glibc's formula (truncating division and all), so odd years agree too.
void day_of_the_week(Tm* tm) {
  const int corr_year = 1900 + tm->tm_year - (tm->tm_mon < 2);
  const int q4 = corr_year / 4;
  const int wday = -473 + 365 * (tm->tm_year - 70) + q4 - q4 / 25 + (q4 % 25 < 0) + q4 / 25 / 4 +
                   kMonthYday[0][tm->tm_mon] + tm->tm_mday - 1;
  tm->tm_wday = (wday % 7 + 7) % 7;
}

void day_of_the_year(Tm* tm) {
  tm->tm_yday = kMonthYday[leap(1900 + tm->tm_year)][tm->tm_mon] + tm->tm_mday - 1;
}

// Month and day from tm_yday, for those not read. The search runs on through
// the leap-year row as glibc's does (so day 366 of a common year is "month
// 24, day 31" there too), and stops at the table's end.
void date_from_yday(Tm* tm, const State& s) {
  const unsigned short* flat = kMonthYday[0];
  const int base = leap(1900 + tm->tm_year) ? 13 : 0;
  int mon = 0;
  while (base + mon < 26 && flat[base + mon] <= tm->tm_yday) ++mon;
  if (!s.have_mon) tm->tm_mon = mon - 1;
  if (!s.have_mday && base + mon >= 1) tm->tm_mday = tm->tm_yday - flat[base + mon - 1] + 1;
}

const char* parse(const char* rp, const char* fmt, Tm* tm, State* s);

// A composite conversion: all its fields, or none (tm and s untouched).
const char* recurse(const char* rp, const char* sub, Tm* tm, State* s) {
  Tm tm_copy = *tm;
  State s_copy = *s;
  rp = parse(rp, sub, &tm_copy, &s_copy);
  if (rp == nullptr) return nullptr;
  *tm = tm_copy;
  *s = s_copy;
  return rp;
}

const char* parse(const char* rp, const char* fmt, Tm* tm, State* s) {
  while (*fmt != '\0') {
    if (is_space(*fmt)) {
      while (is_space(*rp)) ++rp;
      ++fmt;
      continue;
    }
    if (*fmt != '%') {
      if (*fmt++ != *rp++) return nullptr;
      continue;
    }
    ++fmt;
    while (*fmt == '-' || *fmt == '_' || *fmt == '0' || *fmt == '^' || *fmt == '#') ++fmt;  // strftime's flags
    while (is_digit(*fmt)) ++fmt;                                                            // and width
    char c = *fmt++;
    if (c == 'E') {
      c = *fmt++;
      if (c != 'c' && c != 'C' && c != 'y' && c != 'Y' && c != 'x' && c != 'X') return nullptr;
    } else if (c == 'O') {
      c = *fmt++;
      if (strchr("bBhdeHImMSUWVwy", c) == nullptr || c == '\0') return nullptr;
      if (c == 'y') {  // glibc's %Oy leaves any %C alone
        int v;
        if ((rp = get_number(rp, 0, 99, 2, &v)) == nullptr) return nullptr;
        tm->tm_year = v >= 69 ? v : v + 100;
        s->want_xday = true;
        continue;
      }
    }
    int v = 0;
    switch (c) {
      case '%':
        if (*rp++ != '%') return nullptr;
        break;
      case 'a':
      case 'A':
        if ((v = match_name(&rp, kDayNames, 7)) < 0) return nullptr;
        tm->tm_wday = v;
        s->have_wday = true;
        break;
      case 'b':
      case 'B':
      case 'h':
        if ((v = match_name(&rp, kMonthNames, 12)) < 0) return nullptr;
        tm->tm_mon = v;
        s->have_mon = s->want_xday = true;
        break;
      case 'c':
        if ((rp = recurse(rp, "%a %b %e %H:%M:%S %Y", tm, s)) == nullptr) return nullptr;
        s->want_xday = true;
        break;
      case 'C':
        if ((rp = get_number(rp, 0, 99, 2, &v)) == nullptr) return nullptr;
        s->century = v;
        s->want_xday = true;
        break;
      case 'd':
      case 'e':
        if ((rp = get_number(rp, 1, 31, 2, &v)) == nullptr) return nullptr;
        tm->tm_mday = v;
        s->have_mday = s->want_xday = true;
        break;
      case 'F':
        if ((rp = recurse(rp, "%Y-%m-%d", tm, s)) == nullptr) return nullptr;
        s->want_xday = true;
        break;
      case 'x':
      case 'D':
        if ((rp = recurse(rp, "%m/%d/%y", tm, s)) == nullptr) return nullptr;
        s->want_xday = true;
        break;
      case 'k':
      case 'H':
        if ((rp = get_number(rp, 0, 23, 2, &v)) == nullptr) return nullptr;
        tm->tm_hour = v;
        s->have_I = false;
        break;
      case 'l':
      case 'I':
        if ((rp = get_number(rp, 1, 12, 2, &v)) == nullptr) return nullptr;
        tm->tm_hour = v % 12;
        s->have_I = true;
        break;
      case 'j':
        if ((rp = get_number(rp, 1, 366, 3, &v)) == nullptr) return nullptr;
        tm->tm_yday = v - 1;
        s->have_yday = true;
        break;
      case 'm':
        if ((rp = get_number(rp, 1, 12, 2, &v)) == nullptr) return nullptr;
        tm->tm_mon = v - 1;
        s->have_mon = s->want_xday = true;
        break;
      case 'M':
        if ((rp = get_number(rp, 0, 59, 2, &v)) == nullptr) return nullptr;
        tm->tm_min = v;
        break;
      case 'n':
      case 't':
        while (is_space(*rp)) ++rp;
        break;
      case 'p':
        if (strncasecmp(rp, "AM", 2) == 0) {
          s->is_pm = false;
        } else if (strncasecmp(rp, "PM", 2) == 0) {
          s->is_pm = true;
        } else {
          return nullptr;
        }
        rp += 2;
        break;
      case 'r':
        if ((rp = recurse(rp, "%I:%M:%S %p", tm, s)) == nullptr) return nullptr;
        break;
      case 'R':
        if ((rp = recurse(rp, "%H:%M", tm, s)) == nullptr) return nullptr;
        break;
      case 's': {  // seconds since the Epoch, in the local time zone
        if (!is_digit(*rp)) return nullptr;
        uint64_t secs = 0;
        do {
          secs = secs * 10 + static_cast<uint64_t>(*rp++ - '0');  // wraps as glibc's time_t
        } while (is_digit(*rp));
        const auto t = static_cast<int64_t>(secs);
        if (localtime_r(&t, tm) == nullptr) return nullptr;
        break;
      }
      case 'S':
        if ((rp = get_number(rp, 0, 61, 2, &v)) == nullptr) return nullptr;
        tm->tm_sec = v;
        break;
      case 'X':
      case 'T':
        if ((rp = recurse(rp, "%H:%M:%S", tm, s)) == nullptr) return nullptr;
        break;
      case 'u':
        if ((rp = get_number(rp, 1, 7, 1, &v)) == nullptr) return nullptr;
        tm->tm_wday = v % 7;
        s->have_wday = true;
        break;
      case 'g':  // an ISO year without its week determines nothing
      case 'V':
        if ((rp = get_number(rp, 0, c == 'g' ? 99 : 53, 2, &v)) == nullptr) return nullptr;
        break;
      case 'G':
        if (!is_digit(*rp)) return nullptr;
        while (is_digit(*rp)) ++rp;
        break;
      case 'U':
      case 'W':
        if ((rp = get_number(rp, 0, 53, 2, &v)) == nullptr) return nullptr;
        s->week_no = v;
        (c == 'U' ? s->have_uweek : s->have_wweek) = true;
        break;
      case 'w':
        if ((rp = get_number(rp, 0, 6, 1, &v)) == nullptr) return nullptr;
        tm->tm_wday = v;
        s->have_wday = true;
        break;
      case 'y':  // 69-99 are 19xx, 00-68 20xx, unless %C says otherwise
        if ((rp = get_number(rp, 0, 99, 2, &v)) == nullptr) return nullptr;
        tm->tm_year = v >= 69 ? v : v + 100;
        s->want_century = s->want_xday = true;
        break;
      case 'Y':
        if ((rp = get_number(rp, 0, 9999, 4, &v)) == nullptr) return nullptr;
        tm->tm_year = v - 1900;
        s->want_century = false;
        s->want_xday = true;
        break;
      case 'Z':  // a zone name is skipped, not interpreted
        while (is_space(*rp)) ++rp;
        while (!is_space(*rp) && *rp != '\0') ++rp;
        break;
      case 'z': {  // Z, +hh, +hhmm or +hh:mm
        while (is_space(*rp)) ++rp;
        if (*rp == 'Z') {
          ++rp;
          tm->tm_gmtoff = 0;
          break;
        }
        if (*rp != '+' && *rp != '-') return nullptr;
        const bool negative = *rp++ == '-';
        int n = 0;
        long val = 0;
        while (n < 4 && is_digit(*rp)) {
          val = val * 10 + (*rp++ - '0');
          ++n;
          if (*rp == ':' && n == 2 && is_digit(rp[1])) ++rp;
        }
        if (n == 2) {
          val *= 100;
        } else if (n != 4 || val % 100 >= 60) {
          return nullptr;
        }
        tm->tm_gmtoff = (val / 100) * 3600 + (val % 100) * 60;
        if (negative) tm->tm_gmtoff = -tm->tm_gmtoff;
        break;
      }
      default:
        return nullptr;
    }
  }
  return rp;
}

}  // namespace

QRV_LIBC_FN(char*, strptime, (const char* __restrict s, const char* __restrict format, Tm* __restrict tm)) {
  State st = {};
  st.century = -1;
  const char* rp = parse(s, format, tm, &st);
  if (rp == nullptr) return nullptr;
  if (st.have_I && st.is_pm) tm->tm_hour += 12;
  if (st.century != -1) {
    tm->tm_year = st.want_century ? tm->tm_year % 100 + (st.century - 19) * 100 : (st.century - 19) * 100;
  }
  if (st.want_xday && !st.have_wday) {
    if (!(st.have_mon && st.have_mday) && st.have_yday) {
      date_from_yday(tm, st);
      st.have_mon = st.have_mday = true;
    }
    if (st.have_mon || static_cast<unsigned>(tm->tm_mon) <= 11) day_of_the_week(tm);
  }
  if (st.want_xday && !st.have_yday && (st.have_mon || static_cast<unsigned>(tm->tm_mon) <= 11)) {
    day_of_the_year(tm);
  }
  if ((st.have_uweek || st.have_wweek) && st.have_wday) {
    const int save_wday = tm->tm_wday, save_mday = tm->tm_mday, save_mon = tm->tm_mon;
    const int w_offset = st.have_uweek ? 0 : 1;
    tm->tm_mday = 1;
    tm->tm_mon = 0;
    day_of_the_week(tm);
    if (st.have_mday) tm->tm_mday = save_mday;
    if (st.have_mon) tm->tm_mon = save_mon;
    if (!st.have_yday) {
      tm->tm_yday = (7 - (tm->tm_wday - w_offset)) % 7 + (st.week_no - 1) * 7 + (save_wday - w_offset + 7) % 7;
    }
    if (!st.have_mday || !st.have_mon) date_from_yday(tm, st);
    tm->tm_wday = save_wday;
  }
  return const_cast<char*>(rp);
}

}  // namespace qrv::libc
