// Helpers the test programs that run children share: waiting for a child's
// next news through signals that interrupt the wait, and sleeping through
// signals that interrupt the sleep.
#pragma once

#include <errno.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>

namespace qrv_test {

// pid's next news (options as waitpid's): its status, or -1.
inline int wait_news(pid_t pid, int options) {
  int st = 0;
  pid_t r;
  do {
    r = waitpid(pid, &st, options);
  } while (r < 0 && errno == EINTR);
  return r == pid ? st : -1;
}

// Sleeps `ms` milliseconds, however many signals come meanwhile.
inline void sleep_ms(long ms) {
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000};
  while (nanosleep(&t, &t) != 0 && errno == EINTR) {
  }
}

}  // namespace qrv_test
