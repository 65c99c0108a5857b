// Process timers: TimerCreate/TimerSettime/TimerDestroy with SIGEV_NONE
// (arming, reading back, disarming) and their errors; then a SIGEV_SIGNAL
// timer with SIGALRM, whose default action must end us while we sleep;
// alarm() arms and cancels its own.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;

int main() {
  struct sigevent none = {};
  none.sigev_notify = SIGEV_NONE;
  const int t = TimerCreate_r(CLOCK_MONOTONIC, &none);
  expect(t >= 0, "TimerCreate");
  const struct _itimer arm = {200000000, 50000000};  // 200 ms, then every 50 ms
  struct _itimer old = {1, 1};
  expect(TimerSettime_r(t, 0, &arm, &old) == 0, "arm");
  expect(old.nsec == 0 && old.interval_nsec == 0, "it was disarmed");
  const struct _itimer off = {0, 0};
  expect(TimerSettime_r(t, 0, &off, &old) == 0, "disarm");
  expect(old.nsec > 0 && old.nsec <= 200000000 && old.interval_nsec == 50000000, "reads back what is left");
  expect(TimerDestroy_r(t) == 0, "destroy");
  expect(TimerDestroy_r(t) == -EINVAL, "destroying twice is EINVAL");
  expect(TimerSettime_r(t, 0, &arm, nullptr) == -EINVAL, "a destroyed timer is EINVAL");
  expect(TimerCreate_r(77, &none) == -EINVAL, "an unknown clock is EINVAL");
  expect(TimerCreate_r(CLOCK_MONOTONIC, nullptr) == -EFAULT, "no event is EFAULT");
  struct sigevent bad = {};
  bad.sigev_notify = SIGEV_SIGNAL;
  bad.sigev_signo = 99;
  expect(TimerCreate_r(CLOCK_MONOTONIC, &bad) == -EINVAL, "signal 99 is EINVAL");

  expect(::alarm(0) == 0, "alarm: none pending");
  expect(::alarm(30) == 0, "alarm(30): none was pending");
  expect(::alarm(0) == 30, "alarm(0) cancels it, with its 30 s left (rounded up)");

  struct sigevent alarm = {};
  alarm.sigev_notify = SIGEV_SIGNAL;
  alarm.sigev_signo = SIGALRM;
  const int a = TimerCreate_r(CLOCK_MONOTONIC, &alarm);
  const struct _itimer soon = {30000000, 0};
  expect(a >= 0 && TimerSettime_r(a, 0, &soon, nullptr) == 0, "arm SIGALRM in 30 ms");
  qrv_test::report("timer_test");
  fflush(stdout);
  const struct timespec long_sleep = {5, 0};
  nanosleep(&long_sleep, nullptr);
  printf("FAIL: SIGALRM did not end the process\n");
  return 1;
}
