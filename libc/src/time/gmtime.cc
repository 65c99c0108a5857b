// gmtime, gmtime_r, timegm (UTC, named "GMT" as glibc does) and difftime.
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/time/civil.h"
#include "libc/src/time/time_api.h"

namespace qrv::libc {

QRV_LIBC_FN(Tm*, gmtime_r, (const int64_t* __restrict t, Tm* __restrict tm)) {
  Tm out;
  if (!split_time(*t, 0, &out)) {
    set_errno(QRV_EOVERFLOW);
    return nullptr;
  }
  out.tm_isdst = 0;
  out.tm_zone = "GMT";
  *tm = out;
  return tm;
}

QRV_LIBC_FN(Tm*, gmtime, (const int64_t* t)) {
  static Tm result;  // C17 7.27.3: gmtime and localtime may share one static object
  return gmtime_r(t, &result);
}

// The inverse of gmtime, normalising tm's fields; -1 and EOVERFLOW when the
// normalised year does not fit tm_year (tm is then left alone).
QRV_LIBC_FN(int64_t, timegm, (Tm* tm)) {
  const int64_t t = join_fields(*tm);
  if (gmtime_r(&t, tm) == nullptr) return -1;
  return t;
}

// Exact: the difference of two int64 fits a uint64, which converts once.
QRV_LIBC_FN(double, difftime, (int64_t t1, int64_t t0)) {
  if (t1 >= t0) return static_cast<double>(static_cast<uint64_t>(t1) - static_cast<uint64_t>(t0));
  return -static_cast<double>(static_cast<uint64_t>(t0) - static_cast<uint64_t>(t1));
}

}  // namespace qrv::libc
