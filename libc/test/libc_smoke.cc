// A user program that exercises libc end to end on the board: start-up
// (argv, .bss, errno through tp), string, stdlib, malloc, stdio formatting,
// setjmp/longjmp, the environment, getopt, time conversion, scanf, regex. Ends with "N passed, N failed" for the QEMU test runner
// once the kernel runs user programs.
// Every public header, so they are also compiled as C++ for the board.
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <malloc.h>
#include <math.h>
#include <pthread.h>
#include <regex.h>
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

// regex.h on the board: groups, a back-reference, an error and its
// message, and a pattern that would be exponential for a backtracker.
void check_regex() {
  regex_t re;
  regmatch_t m[4];
  check(regcomp(&re, "(a|ab)(c|bcd)(d*)", REG_EXTENDED) == 0 && re.re_nsub == 3 &&
            regexec(&re, "xabcd", 4, m, 0) == 0 && m[0].rm_so == 1 && m[0].rm_eo == 5 && m[1].rm_eo == 3 &&
            m[2].rm_so == 3 && m[3].rm_so == 4,
        "regex: POSIX submatches");
  regfree(&re);
  check(regcomp(&re, "\\(ab*\\)x\\1", REG_ICASE) == 0 && regexec(&re, "-ABbxabb-", 2, m, 0) == 0 && m[0].rm_so == 1 &&
            m[0].rm_eo == 8 && m[1].rm_eo == 4,
        "regex: BRE back-reference, REG_ICASE");
  regfree(&re);
  char msg[64];
  check(regcomp(&re, "a\\{1", 0) == REG_EBRACE && regerror(REG_EBRACE, &re, msg, sizeof msg) > 1 &&
            strcmp(msg, "Unmatched \\{") == 0,
        "regex: REG_EBRACE and its message");
  static char as[4001];
  memset(as, 'a', sizeof as - 1);
  check(regcomp(&re, "(a*)*b", REG_EXTENDED | REG_NOSUB) == 0 && regexec(&re, as, 0, nullptr, 0) == REG_NOMATCH,
        "regex: (a*)*b in linear time");
  regfree(&re);
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
  check(setenv("QRV_SMOKE", "1", 1) == 0 && strcmp(getenv("QRV_SMOKE"), "1") == 0 && unsetenv("QRV_SMOKE") == 0 &&
            getenv("QRV_SMOKE") == nullptr,
        "setenv, getenv, unsetenv");
  char opt0[] = "smoke", opt1[] = "-vo", opt2[] = "out", opt3[] = "file";
  char* opt_argv[] = {opt0, opt1, opt2, opt3, nullptr};
  const int o1 = getopt(4, opt_argv, "vo:");
  const int o2 = getopt(4, opt_argv, "vo:");
  check(o1 == 'v' && o2 == 'o' && strcmp(optarg, "out") == 0 && getopt(4, opt_argv, "vo:") == -1 && optind == 3,
        "getopt");
  setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
  const time_t summer = 1719835200;  // 2024-07-01 12:00 UTC
  struct tm tm;
  check(localtime_r(&summer, &tm) != nullptr && tm.tm_hour == 14 && tm.tm_isdst == 1 && mktime(&tm) == summer,
        "localtime_r, mktime");
  check(strftime(buf, sizeof(buf), "%F %T %Z %z", &tm) == 30 && strcmp(buf, "2024-07-01 14:00:00 CEST +0200") == 0,
        "strftime");
  int n = 0;
  double d = 0;
  char word[8], letters[8];
  check(sscanf(" 42 0x1.8p1 word abc,", "%d %lf %7s %7[a-c]", &n, &d, word, letters) == 4 && n == 42 && d == 3.0 &&
            strcmp(word, "word") == 0 && strcmp(letters, "abc") == 0,
        "sscanf");
  check(memmem("haystack", 8, "st", 2) != nullptr && strlcpy(word, "truncated", sizeof(word)) == 9 &&
            strcmp(word, "truncat") == 0,
        "memmem, strlcpy");
  check_regex();
  printf("%d passed, %d failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
