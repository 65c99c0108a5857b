// clock_gettime and nanosleep over ClockTime and ClockNanosleep,
// clock_settime through taskman; sleep; alarm over one process timer that
// raises SIGALRM.
#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"
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

// CLOCK_REALTIME only (CLOCK_MONOTONIC is never set: EINVAL), by root
// (taskman says EPERM to anyone else).
QRV_LIBC_FN(int, clock_settime, (int32_t clock, const qrv_timespec* ts)) {
  if (clock != QRV_CLOCK_REALTIME || ts == nullptr || ts->tv_sec < 0 || ts->tv_nsec < 0 ||
      ts->tv_nsec >= kNanosPerSecond || ts->tv_sec >= INT64_MAX / kNanosPerSecond) {
    set_errno(ts == nullptr && clock == QRV_CLOCK_REALTIME ? QRV_EFAULT : QRV_EINVAL);
    return -1;
  }
  const _proc_clock_set m = {{_PROC_CLOCK_SET, 0, sizeof m},
                             static_cast<uint64_t>(ts->tv_sec * kNanosPerSecond + ts->tv_nsec)};
  return from_kernel_result(taskman_send(&m, sizeof m, nullptr, 0)) < 0 ? -1 : 0;
}

// sys/time.h: CLOCK_REALTIME in microseconds. There are no time zones: a
// tz must be NULL (POSIX leaves any other value unspecified).
QRV_LIBC_FN(int, gettimeofday, (Timeval * tv, void* tz)) {
  if (tz != nullptr) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  if (tv == nullptr) return 0;
  qrv_timespec ts = {};
  if (clock_gettime(QRV_CLOCK_REALTIME, &ts) != 0) return -1;
  tv->tv_sec = ts.tv_sec;
  tv->tv_usec = ts.tv_nsec / 1000;
  return 0;
}

QRV_LIBC_FN(int, settimeofday, (const Timeval* tv, const void* tz)) {
  if (tz != nullptr || tv == nullptr || tv->tv_usec < 0 || tv->tv_usec >= 1000000) {
    set_errno(tv == nullptr && tz == nullptr ? QRV_EFAULT : QRV_EINVAL);
    return -1;
  }
  const qrv_timespec ts = {tv->tv_sec, tv->tv_usec * 1000};
  return clock_settime(QRV_CLOCK_REALTIME, &ts);
}

QRV_LIBC_FN(int, nanosleep, (const qrv_timespec* req, qrv_timespec* rem)) {
  if (req == nullptr || req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= kNanosPerSecond) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  return ClockNanosleep(QRV_CLOCK_MONOTONIC, 0, req, rem);
}

QRV_LIBC_FN(unsigned, sleep, (unsigned seconds)) {
  const qrv_timespec req = {static_cast<int64_t>(seconds), 0};
  qrv_timespec rem = {0, 0};
  if (nanosleep(&req, &rem) == 0) return 0;
  return static_cast<unsigned>(rem.tv_sec) + (rem.tv_nsec != 0 ? 1u : 0u);  // interrupted: what is left
}

// The timer is made at the first alarm and lives as long as the process
// (a spawned program or a fork's child starts without one, as POSIX says).
namespace {
int g_alarm_timer = -1;
}  // namespace

void fork_forget_alarm() { g_alarm_timer = -1; }

QRV_LIBC_FN(unsigned, alarm, (unsigned seconds)) {
  int& timer = g_alarm_timer;
  if (timer < 0) {
    if (seconds == 0) return 0;  // nothing was pending
    qrv_sigevent ev = {};
    ev.sigev_notify = QRV_SIGEV_SIGNAL;
    ev.sigev_signo_or_coid = QRV_SIGALRM;
    timer = TimerCreate(QRV_CLOCK_MONOTONIC, &ev);
    if (timer < 0) return 0;  // alarm cannot fail (POSIX)
  }
  const struct _itimer it = {uint64_t{seconds} * kNanosPerSecond, 0};
  struct _itimer old = {0, 0};
  if (TimerSettime(timer, 0, &it, &old) != 0) return 0;
  // What was left, in whole seconds rounded up: a pending alarm never reads as 0.
  return static_cast<unsigned>((old.nsec + kNanosPerSecond - 1) / kNanosPerSecond);
}

}  // namespace qrv::libc
