// SignalKill with default actions: argument errors, signals whose default is
// to be ignored, then SIGTERM to ourselves while other threads sleep, wait
// on a mutex and spin: the whole process must end, killed by SIGTERM.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/tests/check.h"

using qrv_test::expect;

namespace {
sync_t g_held = {0, 0};

void* sleeper(void*) {
  const struct timespec ts = {10, 0};
  nanosleep(&ts, nullptr);
  return nullptr;
}

void* waiter(void*) {
  SyncMutexLock_r(&g_held);
  return nullptr;
}

void* spinner(void*) {
  for (;;) {
  }
}
}  // namespace

int main() {
  expect(SignalKill_r(0, 0, 0, 0, 0, 0) == 0, "signal 0 to ourselves: we exist");
  expect(SignalKill_r(0, 0, 0, 65, 0, 0) == -EINVAL, "signal 65 is EINVAL");
  expect(SignalKill_r(1, 0, 0, SIGTERM, 0, 0) == -EINVAL, "another node is EINVAL");
  expect(SignalKill_r(0, 4242, 0, SIGTERM, 0, 0) == -ESRCH, "no such process is ESRCH");
  expect(SignalKill_r(0, 0, 0, SIGCHLD, 0, 0) == 0, "SIGCHLD is ignored by default");
  expect(SignalKill_r(0, 0, 0, SIGCONT, 0, 0) == 0, "SIGCONT to a running process: nothing to continue");
  SyncMutexLock_r(&g_held);
  pthread_t t;
  pthread_create(&t, nullptr, sleeper, nullptr);
  pthread_create(&t, nullptr, waiter, nullptr);
  pthread_create(&t, nullptr, spinner, nullptr);
  const struct timespec settle = {0, 50000000};
  nanosleep(&settle, nullptr);  // let them reach their states
  qrv_test::report("signal_test");
  fflush(stdout);
  SignalKill_r(0, 0, 0, SIGTERM, 0, 0);
  printf("FAIL: still running after SIGTERM\n");
  return 1;
}
