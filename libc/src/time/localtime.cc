// localtime, localtime_r, mktime and tzset over the zone TZ names (zone.h),
// read afresh on every call. localtime and mktime also update tzname,
// timezone and daylight, as if they called tzset (POSIX); localtime_r does not.
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/time/civil.h"
#include "libc/src/time/time_api.h"
#include "libc/src/time/zone.h"

namespace qrv::libc {

char* tzname[2] = {const_cast<char*>("UTC"), const_cast<char*>("UTC")};
long timezone = 0;
int daylight = 0;

namespace {

void publish(const Zone& zone) {
  tzname[0] = const_cast<char*>(intern_zone_name(zone.std_name));
  tzname[1] = const_cast<char*>(intern_zone_name(zone.has_dst ? zone.dst_name : zone.std_name));
  timezone = -zone.std_east;
  daylight = zone.has_dst;
}

// t in zone; false (EOVERFLOW) when its year does not fit tm_year.
bool convert(const Zone& zone, int64_t t, Tm* tm) {
  Tm out;
  if (!split_time(t, 0, &out)) return false;  // keeps dst_at's arithmetic in range
  const bool dst = dst_at(zone, t);
  if (!split_time(t, dst ? zone.dst_east : zone.std_east, &out)) return false;
  out.tm_isdst = dst;
  out.tm_zone = intern_zone_name(dst ? zone.dst_name : zone.std_name);
  *tm = out;
  return true;
}

}  // namespace

QRV_LIBC_FN(void, tzset, ()) {
  Zone zone;
  current_zone(&zone);
  publish(zone);
}

QRV_LIBC_FN(Tm*, localtime_r, (const int64_t* __restrict t, Tm* __restrict tm)) {
  Zone zone;
  current_zone(&zone);
  if (!convert(zone, *t, tm)) {
    set_errno(QRV_EOVERFLOW);
    return nullptr;
  }
  return tm;
}

QRV_LIBC_FN(Tm*, localtime, (const int64_t* t)) {
  static Tm result;
  tzset();
  return localtime_r(t, &result);
}

// The local time tm names, as its fields say however far out of range.
// tm_isdst > 0 or == 0 reads it as daylight or standard time, whichever is
// in effect (so 12:00 standard time in summer is 13:00 daylight time); < 0
// picks the one in effect: in the hour a fall-back repeats, daylight time
// (the earlier instant); in the hour a spring-forward skips, standard time.
// Which one is in effect is judged with tm_sec clamped to 0-59 (as glibc,
// which allows for leap seconds so), the excess seconds added after.
// In a zone without DST, tm_isdst > 0 means an hour ahead (glibc's guess).
QRV_LIBC_FN(int64_t, mktime, (Tm* tm)) {
  Zone zone;
  current_zone(&zone);
  publish(zone);
  const int64_t local = join_fields(*tm);
  int64_t t;
  if (!zone.has_dst) {
    t = local - zone.std_east - (tm->tm_isdst > 0 ? 3600 : 0);
  } else if (tm->tm_isdst > 0) {
    t = local - zone.dst_east;
  } else if (tm->tm_isdst == 0) {
    t = local - zone.std_east;
  } else {
    Tm clamped = *tm;
    clamped.tm_sec = clamped.tm_sec < 0 ? 0 : clamped.tm_sec > 59 ? 59 : clamped.tm_sec;
    const bool dst = dst_at(zone, join_fields(clamped) - zone.dst_east);
    t = local - (dst ? zone.dst_east : zone.std_east);
  }
  if (!convert(zone, t, tm)) {
    set_errno(QRV_EOVERFLOW);
    return -1;
  }
  return t;
}

}  // namespace qrv::libc
