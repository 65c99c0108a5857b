// The wall clock: CLOCK_REALTIME is CLOCK_MONOTONIC plus an offset the kernel
// takes from the board's RTC at boot (qemu_virt's goldfish RTC; 0 on a
// board without one), and root moves it with clock_settime (through
// taskman). Checks: realtime runs with monotonic; gettimeofday reads it;
// clock_settime's errors; root sets it and it reads back; an absolute
// CLOCK_REALTIME timeout (sem_timedwait) follows the new time; a non-root
// caller gets EPERM; the clock is put back where it would have been.
#include <errno.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

int64_t ns_of(clockid_t c) {
  struct timespec t = {};
  clock_gettime(c, &t);
  return t.tv_sec * 1000000000ll + t.tv_nsec;
}

int settime_errno(clockid_t c, const struct timespec* ts) { return clock_settime(c, ts) == 0 ? 0 : errno; }

}  // namespace

int main() {
  const int64_t rt0 = ns_of(CLOCK_REALTIME), mono0 = ns_of(CLOCK_MONOTONIC);
  printf("clock_test: realtime %lld s, monotonic %lld ms\n", static_cast<long long>(rt0 / 1000000000),
         static_cast<long long>(mono0 / 1000000));
  expect(rt0 >= mono0 - 1000000, "realtime is at least the time since boot (no RTC: the Epoch is the boot)");
  const int64_t offset = rt0 - mono0;
  expect(ns_of(CLOCK_REALTIME) - ns_of(CLOCK_MONOTONIC) - offset < 5000000, "and runs with it");

  struct timeval tv = {};
  expect_eq(gettimeofday(&tv, nullptr), 0, "gettimeofday");
  const int64_t tv_ns = tv.tv_sec * 1000000000ll + tv.tv_usec * 1000;
  expect(tv_ns - ns_of(CLOCK_REALTIME) < 10000000 && ns_of(CLOCK_REALTIME) - tv_ns < 10000000,
         "gettimeofday reads CLOCK_REALTIME");
  int tz = 0;
  expect(gettimeofday(&tv, &tz) == -1 && errno == EINVAL, "no time zones: a tz is EINVAL");
  const struct timeval bad_usec = {946684800, 1000000};
  expect(settimeofday(&bad_usec, nullptr) == -1 && errno == EINVAL, "settimeofday: tv_usec past a second");

  const struct timespec y2000 = {946684800, 0};  // 2000-01-01 00:00:00 UTC
  const struct timespec bad_ns = {946684800, 1000000000};
  const struct timespec negative = {-1, 0};
  expect_eq(settime_errno(CLOCK_MONOTONIC, &y2000), EINVAL, "CLOCK_MONOTONIC cannot be set");
  expect_eq(settime_errno(CLOCK_REALTIME, &bad_ns), EINVAL, "tv_nsec past a second: EINVAL");
  expect_eq(settime_errno(CLOCK_REALTIME, &negative), EINVAL, "before the Epoch: EINVAL");
  expect_eq(settime_errno(CLOCK_REALTIME, nullptr), EFAULT, "no time: EFAULT");
  expect_eq(settime_errno(99, &y2000), EINVAL, "no such clock: EINVAL");

  expect_eq(settime_errno(CLOCK_REALTIME, &y2000), 0, "root sets the wall clock");
  const int64_t now = ns_of(CLOCK_REALTIME);
  expect(now >= 946684800ll * 1000000000ll && now < 946684805ll * 1000000000ll, "and it reads 2000-01-01");
  char when[32];
  const time_t secs = static_cast<time_t>(now / 1000000000);
  struct tm tm;
  strftime(when, sizeof when, "%Y-%m-%d", gmtime_r(&secs, &tm));
  printf("clock_test: the wall clock now says %s\n", when);

  // An absolute timeout on the moved clock: 100 ms from the new "now".
  sem_t sem;
  sem_init(&sem, 0, 0);
  struct timespec deadline = {};
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_nsec += 100000000;
  if (deadline.tv_nsec >= 1000000000) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1000000000;
  }
  const int64_t before = ns_of(CLOCK_MONOTONIC);
  const int r = sem_timedwait(&sem, &deadline);
  const int err = errno;
  const int64_t waited = ns_of(CLOCK_MONOTONIC) - before;
  expect(r == -1 && err == ETIMEDOUT, "sem_timedwait on the new time times out");
  expect(waited >= 90000000 && waited < 3000000000ll, "after about 100 ms, not the years between");
  sem_destroy(&sem);

  expect_eq(seteuid(1000), 0, "seteuid(1000)");
  expect_eq(settime_errno(CLOCK_REALTIME, &y2000), EPERM, "a user cannot set the clock");
  expect_eq(seteuid(0), 0, "seteuid(0): root again");

  const int64_t back = ns_of(CLOCK_MONOTONIC) + offset;  // where it would be had nobody set it
  const struct timespec restore = {back / 1000000000, back % 1000000000};
  expect_eq(settime_errno(CLOCK_REALTIME, &restore), 0, "and puts it back");
  expect(ns_of(CLOCK_REALTIME) - ns_of(CLOCK_MONOTONIC) - offset < 5000000, "where it was");
  return qrv_test::report("clock_test");
}
