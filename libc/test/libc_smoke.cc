// A user program that exercises libc end to end on the board: start-up
// (argv, .bss, errno through tp), string, stdlib, malloc, stdio formatting,
// setjmp/longjmp, the environment, getopt, time conversion, scanf, regex, math and fenv. Ends with "N passed, N failed" for the QEMU test runner
// once the kernel runs user programs.
// Every public header, so they are also compiled as C++ for the board.
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <fenv.h>
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

// math.h and fenv.h on the fcsr: the rounding mode steers rint and lrint
// (nearbyint leaves FE_INEXACT alone), the flags the hardware raises are the
// ones fetestexcept reports, environments save and merge, fsqrt and fmadd
// round once, errno reports domain and range errors. volatile keeps the
// compiler from folding the arithmetic at compile time.
void check_math() {
  volatile double half = 2.5, neg = -2.5, one = 1, zero = 0, big = 0x1p1023, tiny = 0x1p-1074;
  const int modes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
  const double up[4] = {2, 2, 2, 3}, down[4] = {-2, -2, -3, -2};
  bool ok = true;
  for (int i = 0; i < 4; ++i) {
    ok = ok && fesetround(modes[i]) == 0 && fegetround() == modes[i];
    ok = ok && rint(half) == up[i] && rint(neg) == down[i] && rintf(2.5f) == static_cast<float>(up[i]);
    ok = ok && lrint(half) == static_cast<long>(up[i]) && llrint(neg) == static_cast<long long>(down[i]);
    feclearexcept(FE_ALL_EXCEPT);
    ok = ok && nearbyint(half) == up[i] && fetestexcept(FE_INEXACT) == 0;
    ok = ok && rint(half) == up[i] && fetestexcept(FE_ALL_EXCEPT) == FE_INEXACT;
  }
  fesetround(FE_TONEAREST);
  check(ok && fesetround(4) != 0 && fegetround() == FE_TONEAREST, "fenv: rounding modes steer rint, lrint, nearbyint");

  feclearexcept(FE_ALL_EXCEPT);
  volatile double r = one / zero;
  const bool dz = fetestexcept(FE_ALL_EXCEPT) == FE_DIVBYZERO && isinf(r);
  r = big * 2;
  const bool of = fetestexcept(FE_OVERFLOW | FE_INEXACT) == (FE_OVERFLOW | FE_INEXACT);
  feclearexcept(FE_ALL_EXCEPT);
  r = tiny / 2;
  const bool uf = fetestexcept(FE_UNDERFLOW) != 0 && r == 0;
  feclearexcept(FE_ALL_EXCEPT);
  r = zero / zero;
  check(dz && of && uf && fetestexcept(FE_ALL_EXCEPT) == FE_INVALID && isnan(r), "fenv: the fcsr's flags");

  fenv_t env, held;
  fexcept_t flag;
  feclearexcept(FE_ALL_EXCEPT);
  feraiseexcept(FE_OVERFLOW);
  fesetround(FE_UPWARD);
  fegetenv(&env);
  fesetenv(FE_DFL_ENV);
  const bool dfl = fegetround() == FE_TONEAREST && fetestexcept(FE_ALL_EXCEPT) == 0;
  fesetenv(&env);
  feholdexcept(&held);
  const bool hold = fetestexcept(FE_ALL_EXCEPT) == 0 && fegetround() == FE_UPWARD;
  feraiseexcept(FE_DIVBYZERO);
  feupdateenv(&held);
  fegetexceptflag(&flag, FE_OVERFLOW | FE_INVALID);
  check(dfl && hold && fegetround() == FE_UPWARD && fetestexcept(FE_ALL_EXCEPT) == (FE_OVERFLOW | FE_DIVBYZERO) &&
            flag == FE_OVERFLOW,
        "fenv: fegetenv, fesetenv(FE_DFL_ENV), feholdexcept, feupdateenv");
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT);

  volatile double two = 2, third = 1.0 / 3;
  check(sqrt(two) == 0x1.6a09e667f3bcdp+0 && sqrtf(2.0f) == 0x1.6a09e6p+0f &&
            fma(third, 3.0, -1.0) == -0x1p-54 && fmaf(static_cast<float>(third), 3.0f, -1.0f) == 0x1p-25f,
        "math: fsqrt and fmadd round once");
  int quo = 0, e = 0;
  check(fmod(10.5, 3.0) == 1.5 && remainder(10.5, 3.0) == -1.5 && remquo(10.5, 3.0, &quo) == -1.5 && quo == 4 &&
            frexp(48.0, &e) == 0.75 && e == 6 && ldexp(0.75, 6) == 48.0 && ilogb(tiny) == -1074 &&
            nextafter(1.0, 2.0) == 1.0 + 0x1p-52 && floor(-0.5) == -1.0 && signbit(ceil(-0.5)) && round(2.5) == 3.0 &&
            trunc(-2.7) == -2.0 && copysign(1.0, -0.0) == -1.0 && fmax(NAN, 1.0) == 1.0 && fdim(3.0, 5.0) == 0 &&
            hypot(two * 1.5, 4.0) == 5.0 && cbrt(-27.0 * one) == -3.0 && hypotf(3.0f, 4.0f) == 5.0f &&
            exp(-zero) == 1.0 && log(one) == 0.0 && fabs(exp(log(two)) - 2.0) <= 0x1p-51 &&
            fabs(log(exp(half)) - 2.5) <= 0x1p-51 && expf(0.0f) == 1.0f && logf(1.0f) == 0.0f &&
            log2(8 * one) == 3.0 && log2(tiny) == -1074.0 && fabs(log10(100 * one) - 2.0) <= 0x1p-51 &&
            log2f(0.25f) == -2.0f && exp2(10 * one) == 1024.0 && exp2(-1074 * one) == tiny && exp2f(-3.0f) == 0.125f &&
            expm1(0x1p-60 * one) == 0x1p-60 && fabs(expm1(one) - 1.718281828459045) <= 0x1p-51 &&
            log1p(0x1p-60 * one) == 0x1p-60 && fabs(log1p(one) - 0.6931471805599453) <= 0x1p-53,
        "math: exact functions");
  errno = 0;
  r = sqrt(-one);
  const bool edom = errno == EDOM && isnan(r);
  errno = 0;
  r = ldexp(big, 2);
  check(edom && errno == ERANGE && r == HUGE_VAL && ilogb(0.0) == FP_ILOGB0, "math: errno EDOM, ERANGE");
}

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
  check_math();
  printf("%d passed, %d failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
