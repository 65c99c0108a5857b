// TZ strings and the instants their rules name. A change happens at the
// rule's local time: the start in standard time, the end in daylight time.
// Rules are evaluated for t's UTC year, as glibc does (a southern-hemisphere
// zone, whose DST spans the new year, is in DST before the end or after the
// start); unlike glibc, years before 1970 get their own dates.
#include "libc/src/time/zone.h"

#include "libc/src/neutrino/lock.h"
#include "libc/src/stdlib/stdlib_api.h"
#include "libc/src/string/string_api.h"
#include "libc/src/time/civil.h"

namespace qrv::libc {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// An abbreviation: three or more letters, or <three or more of [A-Za-z0-9+-]>.
bool parse_name(const char** sp, char* out) {
  const char* s = *sp;
  const bool quoted = *s == '<';
  size_t n = 0;
  if (quoted) {
    ++s;
    while (is_alpha(s[n]) || is_digit(s[n]) || s[n] == '+' || s[n] == '-') ++n;
    if (s[n] != '>') return false;
  } else {
    while (is_alpha(s[n])) ++n;
  }
  if (n < 3 || n > static_cast<size_t>(Zone::kMaxName)) return false;
  memcpy(out, s, n);
  out[n] = '\0';
  *sp = s + n + (quoted ? 1 : 0);
  return true;
}

// Up to three colon-separated numbers (hh[:mm[:ss]]); false without the first.
bool parse_hms(const char** sp, int64_t part[3]) {
  const char* s = *sp;
  part[0] = part[1] = part[2] = 0;
  for (int i = 0; i < 3; ++i) {
    if (i > 0) {
      if (*s != ':' || !is_digit(s[1])) break;
      ++s;
    }
    if (!is_digit(*s)) return false;
    int64_t v = 0;
    while (is_digit(*s)) {
      if (v < 100000) v = v * 10 + (*s - '0');
      ++s;
    }
    part[i] = v;
  }
  *sp = s;
  return true;
}

// An offset, west-positive in the string, returned east-positive. Fields
// clamp to 24:59:59, as glibc's do.
bool parse_offset(const char** sp, long* east) {
  const char* s = *sp;
  int sign = 1;
  if (*s == '+' || *s == '-') sign = *s++ == '-' ? -1 : 1;
  int64_t part[3];
  if (!parse_hms(&s, part)) return false;
  const int64_t h = part[0] > 24 ? 24 : part[0];
  const int64_t m = part[1] > 59 ? 59 : part[1];
  const int64_t sec = part[2] > 59 ? 59 : part[2];
  *east = static_cast<long>(-sign * (h * 3600 + m * 60 + sec));
  *sp = s;
  return true;
}

int64_t parse_number(const char** sp) {
  int64_t v = 0;
  while (is_digit(**sp)) {
    if (v < 100000) v = v * 10 + (**sp - '0');
    ++*sp;
  }
  return v;
}

// ",rule[/time]"; the default time is 02:00.
bool parse_rule(const char** sp, ZoneRule* rule) {
  const char* s = *sp;
  if (*s++ != ',') return false;
  if (*s == 'J') {
    ++s;
    if (!is_digit(*s)) return false;
    rule->kind = ZoneRule::kJulian1;
    rule->day = static_cast<int>(parse_number(&s));
    if (rule->day < 1 || rule->day > 365) return false;
  } else if (*s == 'M') {
    ++s;
    rule->kind = ZoneRule::kMonthWeekDay;
    if (!is_digit(*s)) return false;
    rule->month = static_cast<int>(parse_number(&s));
    if (*s++ != '.' || !is_digit(*s)) return false;
    rule->week = static_cast<int>(parse_number(&s));
    if (*s++ != '.' || !is_digit(*s)) return false;
    rule->day = static_cast<int>(parse_number(&s));
    if (rule->month < 1 || rule->month > 12 || rule->week < 1 || rule->week > 5 || rule->day > 6) return false;
  } else if (is_digit(*s)) {
    rule->kind = ZoneRule::kJulian0;
    rule->day = static_cast<int>(parse_number(&s));
    if (rule->day > 365) return false;
  } else {
    return false;
  }
  rule->seconds = 2 * 3600;
  if (*s == '/') {
    ++s;
    int sign = 1;
    if (*s == '+' || *s == '-') sign = *s++ == '-' ? -1 : 1;
    int64_t part[3];
    if (!parse_hms(&s, part)) return false;
    rule->seconds = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
  }
  *sp = s;
  return true;
}

bool parse_zone(const char* s, Zone* z) {
  if (!parse_name(&s, z->std_name) || !parse_offset(&s, &z->std_east)) return false;
  z->has_dst = false;
  if (*s == '\0') return true;
  if (!parse_name(&s, z->dst_name)) return false;
  z->has_dst = true;
  z->dst_east = z->std_east + 3600;
  if (*s != ',' && *s != '\0' && !parse_offset(&s, &z->dst_east)) return false;
  if (*s == '\0') {  // no rules: the United States' since 2007, glibc's default too
    z->start = {ZoneRule::kMonthWeekDay, 0, 2, 3, 2 * 3600};
    z->end = {ZoneRule::kMonthWeekDay, 0, 1, 11, 2 * 3600};
    return true;
  }
  return parse_rule(&s, &z->start) && parse_rule(&s, &z->end) && *s == '\0';
}

void set_utc(Zone* z) {
  memcpy(z->std_name, "UTC", 4);
  memcpy(z->dst_name, "UTC", 4);
  z->std_east = z->dst_east = 0;
  z->has_dst = false;
}

// The day (since the Epoch) a rule names in year.
int64_t rule_day(const ZoneRule& rule, int64_t year) {
  const int64_t jan1 = days_from_civil(year, 1, 1);
  switch (rule.kind) {
    case ZoneRule::kJulian1:  // Feb 29 is never counted
      return jan1 + rule.day - 1 + (rule.day >= 60 && is_leap(year));
    case ZoneRule::kJulian0:
      return jan1 + rule.day;
    case ZoneRule::kMonthWeekDay:
      break;
  }
  const int64_t first = jan1 + days_before_month(year, rule.month - 1);
  int d = (rule.day - weekday(first) + 7) % 7;  // the first such weekday, 0-based
  const int length = days_in_month(year, rule.month - 1);
  for (int w = 1; w < rule.week && d + 7 < length; ++w) d += 7;
  return first + d;
}

}  // namespace

void current_zone(Zone* zone) {
  const char* tz = getenv("TZ");
  if (tz == nullptr || !parse_zone(tz, zone)) set_utc(zone);
}

bool dst_at(const Zone& zone, int64_t t) {
  if (!zone.has_dst) return false;
  const int64_t year = civil_from_days(floor_div(t, kSecondsPerDay)).year;
  const int64_t start = rule_day(zone.start, year) * kSecondsPerDay + zone.start.seconds - zone.std_east;
  const int64_t end = rule_day(zone.end, year) * kSecondsPerDay + zone.end.seconds - zone.dst_east;
  if (start > end) return t < end || t >= start;
  return t >= start && t < end;
}

namespace {

// Interned names, end to end, each NUL-terminated (guarded by g_pool_lock).
constexpr size_t kPoolSize = 2048;
char g_pool[kPoolSize];
size_t g_pool_used = 0;
Lock g_pool_lock;

}  // namespace

const char* intern_zone_name(const char* name) {
  LockGuard guard(g_pool_lock);
  for (size_t at = 0; at < g_pool_used; at += strlen(g_pool + at) + 1) {
    if (strcmp(g_pool + at, name) == 0) return g_pool + at;
  }
  const size_t n = strlen(name) + 1;
  if (n > kPoolSize - g_pool_used) return "???";  // a program cycling through ~100 zones
  memcpy(g_pool + g_pool_used, name, n);
  g_pool_used += n;
  return g_pool + g_pool_used - n;
}

}  // namespace qrv::libc
