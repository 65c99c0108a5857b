// Proleptic Gregorian calendar arithmetic on 64-bit day counts (day 0 is
// 1970-01-01), after Howard Hinnant's days_from_civil/civil_from_days: exact
// for every year an int64 day count reaches, negative years included.
#pragma once

#include <stdint.h>

#include "libc/src/time/time_api.h"

namespace qrv::libc {

inline constexpr int64_t kSecondsPerDay = 86400;

inline int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
inline int64_t floor_mod(int64_t a, int64_t b) {  // b > 0
  const int64_t r = a % b;
  return r < 0 ? r + b : r;
}

inline bool is_leap(int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

inline int days_in_month(int64_t year, int month /* 0-11 */) {
  static const unsigned char kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month] + (month == 1 && is_leap(year));
}

// Days before month (0-11) in a year.
inline int days_before_month(int64_t year, int month) {
  static const short kBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return kBefore[month] + (month > 1 && is_leap(year));
}

// The day number of year-month(1-12)-day(1-31).
inline int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;                                      // [0, 399]
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;    // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;              // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int month;  // 1-12
  int day;    // 1-31
};

inline Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;                                   // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                 // [0, 11]
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (month <= 2), month, day};
}

// 0 = Sunday; day 0 was a Thursday.
inline int weekday(int64_t days) { return static_cast<int>(floor_mod(days + 4, 7)); }

// Breaks t + offset (seconds east) into tm's calendar fields and sets
// tm_gmtoff; false when the year does not fit tm_year (EOVERFLOW).
inline bool split_time(int64_t t, long offset, Tm* tm) {
  int64_t local;
  if (__builtin_add_overflow(t, static_cast<int64_t>(offset), &local)) return false;
  const int64_t days = floor_div(local, kSecondsPerDay);
  const int64_t secs = floor_mod(local, kSecondsPerDay);
  const Civil c = civil_from_days(days);
  int year;
  if (__builtin_sub_overflow(c.year, int64_t{1900}, &year)) return false;
  tm->tm_year = year;
  tm->tm_mon = c.month - 1;
  tm->tm_mday = c.day;
  tm->tm_hour = static_cast<int>(secs / 3600);
  tm->tm_min = static_cast<int>(secs / 60 % 60);
  tm->tm_sec = static_cast<int>(secs % 60);
  tm->tm_wday = weekday(days);
  tm->tm_yday = days_before_month(c.year, c.month - 1) + c.day - 1;
  tm->tm_gmtoff = offset;
  return true;
}

// The seconds since the Epoch that tm's fields name as if in UTC, each field
// taken at face value however far out of range (int fields cannot overflow it).
inline int64_t join_fields(const Tm& tm) {
  const int64_t months = static_cast<int64_t>(tm.tm_mon);
  const int64_t year = int64_t{tm.tm_year} + 1900 + floor_div(months, 12);
  const int month = static_cast<int>(floor_mod(months, 12));
  const int64_t days = days_from_civil(year, month + 1, 1) + int64_t{tm.tm_mday} - 1;
  return days * kSecondsPerDay + int64_t{tm.tm_hour} * 3600 + int64_t{tm.tm_min} * 60 + tm.tm_sec;
}

}  // namespace qrv::libc
