// strtod, strtof, strtold, atof over the fmt library's correctly rounded
// converters; this layer only turns their range report into errno.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/fmt/strtod.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {

static_assert(QRV_FMT_ERANGE == QRV_ERANGE, "fmt and the ABI agree on ERANGE");

QRV_LIBC_FN(double, strtod, (const char* __restrict s, char** __restrict end)) {
  int err = 0;
  const double v = __qrv_strtod(s, end, &err);
  if (err != 0) set_errno(err);
  return v;
}

QRV_LIBC_FN(float, strtof, (const char* __restrict s, char** __restrict end)) {
  int err = 0;
  const float v = __qrv_strtof(s, end, &err);
  if (err != 0) set_errno(err);
  return v;
}

QRV_LIBC_FN(long double, strtold, (const char* __restrict s, char** __restrict end)) {
  int err = 0;
  const long double v = __qrv_strtold(s, end, &err);
  if (err != 0) set_errno(err);
  return v;
}

QRV_LIBC_FN(double, atof, (const char* s)) { return strtod(s, nullptr); }

}  // namespace qrv::libc
