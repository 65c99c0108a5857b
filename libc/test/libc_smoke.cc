// A user program that exercises libc end to end on the board: start-up
// (argv, .bss, errno through tp), string, stdlib, malloc, stdio formatting,
// setjmp/longjmp. Ends with "N passed, N failed" for the QEMU test runner
// once the kernel runs user programs.
// Every public header, so they are also compiled as C++ for the board.
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace {

int g_passed = 0;
int g_failed = 0;
int g_bss_word;  // must read 0: crt0 clears .bss

void check(bool ok, const char* what) {
  if (ok) {
    ++g_passed;
  } else {
    ++g_failed;
    printf("FAIL: %s\n", what);
  }
}

jmp_buf g_jump;

[[noreturn]] void jump_back(int value) { longjmp(g_jump, value); }

}  // namespace

int main(int argc, char** argv, char** envp) {
  (void)envp;
  check(argc >= 1 && argv[0] != nullptr, "argv");
  check(g_bss_word == 0, ".bss cleared");
  errno = 0;
  check(strtol("99999999999999999999", nullptr, 10) == __LONG_MAX__ && errno == ERANGE, "strtol ERANGE");
  char buf[64];
  check(snprintf(buf, sizeof(buf), "%d %s %.2f", 42, "qrv", 1.005) == 11 && strcmp(buf, "42 qrv 1.00") == 0,
        "snprintf");
  void* blocks[64];
  for (int i = 0; i < 64; ++i) blocks[i] = malloc(static_cast<size_t>(i) * 100 + 1);
  bool distinct = true;
  for (int i = 1; i < 64; ++i) distinct = distinct && blocks[i] != blocks[i - 1] && blocks[i] != nullptr;
  for (int i = 0; i < 64; ++i) free(blocks[i]);
  check(distinct, "malloc");
  const int jumped = setjmp(g_jump);
  if (jumped == 0) jump_back(0);
  check(jumped == 1, "longjmp(0) returns 1");
  check(toupper('q') == 'Q' && strcasecmp("QRV", "qrv") == 0, "ctype, strings");
  sigset_t set;
  sigemptyset(&set);
  check(sigaddset(&set, SIGTERM) == 0 && sigismember(&set, SIGTERM) == 1, "sigset");
  printf("%d passed, %d failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
