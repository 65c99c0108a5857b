// A time zone as a POSIX TZ string describes it (POSIX.1-2024 8.3):
// std offset [dst [offset] [,start[/time],end[/time]]], names alphabetic or
// <quoted>, offsets west-positive [+-]hh[:mm[:ss]], rules Jn, n or Mm.w.d.
// TZ unset, empty, or in a form QRV cannot read (a tzfile name, ":...") is UTC.
#pragma once

#include <stdint.h>

namespace qrv::libc {

struct ZoneRule {
  enum Kind : uint8_t { kJulian1, kJulian0, kMonthWeekDay };
  Kind kind;
  int day;    // Jn: 1-365; n: 0-365; M: weekday 0-6
  int week;   // M: 1-5 (5 = last)
  int month;  // M: 1-12
  int64_t seconds;  // local time of day of the change (may be negative or past 24 h)
};

struct Zone {
  static constexpr int kMaxName = 31;
  char std_name[kMaxName + 1];
  char dst_name[kMaxName + 1];
  long std_east;  // seconds east of UTC
  long dst_east;
  bool has_dst;
  ZoneRule start, end;
};

// Parses TZ's current value (no TZ: UTC). Always yields a zone.
void current_zone(Zone* zone);

// Whether DST is in effect at t (seconds since the Epoch).
bool dst_at(const Zone& zone, int64_t t);

// A copy of name that lives as long as the program (one per distinct name).
const char* intern_zone_name(const char* name);

}  // namespace qrv::libc
