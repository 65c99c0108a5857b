// clock_gettime and nanosleep over ClockTime and ClockNanosleep.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {
constexpr int64_t kNanosPerSecond = 1000000000;
}  // namespace

QRV_LIBC_FN(int, clock_gettime, (int32_t clock, qrv_timespec* ts)) {
  uint64_t now = 0;
  if (ClockTime(clock, nullptr, &now) < 0) return -1;
  ts->tv_sec = static_cast<int64_t>(now / kNanosPerSecond);
  ts->tv_nsec = static_cast<int64_t>(now % kNanosPerSecond);
  return 0;
}

QRV_LIBC_FN(int, nanosleep, (const qrv_timespec* req, qrv_timespec* rem)) {
  if (req == nullptr || req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= kNanosPerSecond) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  return ClockNanosleep(QRV_CLOCK_MONOTONIC, 0, req, rem);
}

}  // namespace qrv::libc
