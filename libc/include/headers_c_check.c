/* Every public header compiled as C17 with only QRV's headers and the
 * compiler's (-nostdinc), with the layouts libc shares with the kernel ABI
 * checked; qrv_libc_headers_c_check lets a host test run what C computed. */
#include <assert.h>
#include <ctype.h>
#include <devctl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fenv.h>
#include <fnmatch.h>
#include <getopt.h>
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <malloc.h>
#include <math.h>
#include <pthread.h>
#include <regex.h>
#include <sched.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/dcmd_chr.h>
#include <sys/ioctl.h>
#include <sys/iomsg.h>
#include <sys/mman.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>
#include <sys/resmgr.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "libc/include/headers_c_check.h"

static_assert(sizeof(struct timespec) == sizeof(struct qrv_timespec), "timespec is the ABI's");
static_assert(offsetof(struct timespec, tv_nsec) == offsetof(struct qrv_timespec, tv_nsec), "tv_nsec");
static_assert(sizeof(struct sigevent) == sizeof(struct qrv_sigevent), "sigevent is the ABI's");
static_assert(offsetof(struct sigevent, sigev_value) == offsetof(struct qrv_sigevent, sigev_value), "value");
static_assert(offsetof(struct sigevent, sigev_code) == offsetof(struct qrv_sigevent, sigev_code), "code");
static_assert(offsetof(struct sigevent, sigev_priority) == offsetof(struct qrv_sigevent, sigev_priority), "prio");
static_assert(sizeof(struct sched_param) == sizeof(struct qrv_sched_param), "sched_param is the ABI's");
static_assert(sizeof(struct iovec) == sizeof(iov_t), "iovec is the ABI's iov_t");
static_assert(offsetof(struct iovec, iov_len) == offsetof(iov_t, iov_len), "iov_len");
static_assert(sizeof(struct utsname) == 5 * 65 && offsetof(struct utsname, machine) == 4 * 65, "utsname as libc's qrv::libc::Utsname");
static_assert(sizeof(struct lconv) == 10 * sizeof(char*) + 16 && LC_ALL == 6, "lconv as libc's qrv::libc::Lconv");
static_assert(sizeof(struct timeval) == 16 && offsetof(struct timeval, tv_usec) == 8, "timeval as libc's qrv::libc::Timeval");
static_assert(sizeof(struct rlimit) == 16 && offsetof(struct rlimit, rlim_max) == 8, "rlimit as libc's qrv::libc::Rlimit");
static_assert(RLIMIT_NOFILE == 7 && RLIMIT_AS == 9 && RLIM_INFINITY == ~(rlim_t)0, "Linux's numbers");
static_assert(sizeof(struct dirent) == 272, "dirent as libc's qrv::libc::Dirent");
static_assert(offsetof(struct dirent, d_name) == 16, "d_name");
static_assert(F_DUPFD_CLOEXEC == 1030 && FD_CLOEXEC == 1, "fcntl values as file.cc's");
static_assert(_IO_FLAG_NOACCESS == O_ACCMODE, "the no-access open is the one access mode open() refuses");
static_assert(sizeof(struct sigaction) == 24, "sigaction as libc's qrv::libc::Sigaction");
static_assert(offsetof(struct sigaction, sa_mask) == 8 && offsetof(struct sigaction, sa_flags) == 16, "sigaction");
static_assert(sizeof(jmp_buf) == 26 * 8, "jmp_buf holds ra, sp, s0-s11, fs0-fs11");
static_assert(sizeof(sigjmp_buf) == 28 * 8, "sigjmp_buf: a jmp_buf, the savemask flag, the mask");
static_assert(offsetof(struct sigaction, sa_sigaction) == 0 && offsetof(struct sigaction, sa_handler) == 0,
              "sa_sigaction and sa_handler share a word");
static_assert(sizeof(siginfo_t) == sizeof(struct qrv_siginfo), "siginfo_t is the kernel's report");
static_assert(offsetof(siginfo_t, si_code) == offsetof(struct qrv_siginfo, code), "si_code");
static_assert(offsetof(siginfo_t, si_pid) == offsetof(struct qrv_siginfo, pid), "si_pid");
static_assert(offsetof(siginfo_t, si_uid) == offsetof(struct qrv_siginfo, uid), "si_uid");
static_assert(offsetof(siginfo_t, si_addr) == offsetof(struct qrv_siginfo, addr), "si_addr");
static_assert(offsetof(siginfo_t, si_value) == offsetof(struct qrv_siginfo, value), "si_value");
static_assert(sizeof(ucontext_t) == sizeof(struct qrv_sigcontext), "ucontext_t is the kernel's saved context");
static_assert(offsetof(ucontext_t, uc_sigmask) == offsetof(struct qrv_sigcontext, mask), "uc_sigmask");
static_assert(offsetof(ucontext_t, uc_stack) == offsetof(struct qrv_sigcontext, stack), "uc_stack");
static_assert(offsetof(ucontext_t, uc_mcontext) == offsetof(struct qrv_sigcontext, regs), "uc_mcontext");
static_assert(sizeof(stack_t) == sizeof(struct qrv_stack), "stack_t is the kernel's qrv_stack");
static_assert(offsetof(stack_t, ss_size) == offsetof(struct qrv_stack, size), "ss_size");
static_assert(offsetof(stack_t, ss_flags) == offsetof(struct qrv_stack, flags), "ss_flags");
static_assert(SIGRTMIN == 34 && SIGRTMAX == 64 && SIGRTMAX <= NSIG - 1, "realtime signals, Linux's numbers");
static_assert(SI_USER == 0 && SI_QUEUE == -1 && SI_TIMER == -2, "Linux's si_code values");
static_assert(offsetof(pthread_mutex_t, __sync) == 0, "a pthread_mutex_t starts with its sync object");
static_assert(sizeof(pthread_attr_t) == 16, "pthread_attr_t as libc's");
static_assert(sizeof(struct tm) == 56 && offsetof(struct tm, tm_gmtoff) == 40, "struct tm as libc's Tm");
static_assert(offsetof(struct tm, tm_zone) == 48, "tm_zone");
static_assert(sizeof(div_t) == 8 && sizeof(lldiv_t) == 16, "div results");
static_assert(INT_MAX == 2147483647 && LONG_MAX == 9223372036854775807L, "LP64 limits");
static_assert(UCHAR_MAX == 255 && ULLONG_MAX == 18446744073709551615ULL, "unsigned limits");

static_assert(sizeof(regex_t) == 16 && offsetof(regex_t, re_nsub) == 0, "regex_t as libc's qrv::libc::Regex");
static_assert(sizeof(regmatch_t) == 16 && offsetof(regmatch_t, rm_eo) == 8, "regmatch_t as libc's RegMatch");

static_assert(FNM_NOMATCH == 1 && FNM_PATHNAME == 1 && FNM_NOESCAPE == 2 && FNM_PERIOD == 4, "fnmatch_api.h's");

static_assert(sizeof(struct termios) == 56 && offsetof(struct termios, c_cc) == 16, "termios as libc's Termios");
static_assert(offsetof(struct termios, c_ispeed) == 48 && offsetof(struct termios, c_ospeed) == 52, "speeds");
static_assert(sizeof(struct winsize) == 8 && offsetof(struct winsize, ws_xpixel) == 4, "winsize");
static_assert(NCCS == 32 && VMIN == 6 && VTIME == 5 && VEOL2 == 16 && _POSIX_VDISABLE == 0, "Linux's c_cc");
static_assert(B9600 == 0000015 && B38400 == 0000017 && B115200 == 0010002 && B4000000 == 0010017, "Linux's B*");
static_assert(ICANON == 2 && ECHO == 010 && IEXTEN == 0100000 && ECHOCTL == 01000 && ECHOPRT == 02000, "lflag");
static_assert(ICRNL == 0400 && IXON == 02000 && IMAXBEL == 020000 && OPOST == 1 && ONLCR == 4, "iflag, oflag");
static_assert(NLDLY == 0400 && CRDLY == 03000 && TABDLY == 014000 && BSDLY == 020000, "delay masks");
static_assert(VTDLY == 040000 && FFDLY == 0100000 && CR3 == 03000 && TAB3 == 014000, "delay masks");
static_assert(CS8 == 060 && CREAD == 0200 && CLOCAL == 04000 && CBAUD == 0010017, "cflag");
static_assert(TIOCGWINSZ == (unsigned)DCMD_CHR_GETSIZE && TIOCSWINSZ == (unsigned)DCMD_CHR_SETSIZE, "ioctl aliases");
static_assert(((TIOCGWINSZ >> 16) & 0x3fff) == sizeof(struct winsize), "ioctl() finds the size in the request");
static_assert(get_device_size(DCMD_CHR_TCSETATTR) == sizeof(struct termios), "devctl.h's size field");
static_assert(get_device_direction(DCMD_CHR_TCGETATTR) == DEVDIR_FROM && get_device_direction(DCMD_CHR_ISATTY) == 0,
              "direction");

static const int64_t kDcmdChr[] = {
    DCMD_CHR_TCGETATTR, DCMD_CHR_TCSETATTR, DCMD_CHR_TCSETATTRD, DCMD_CHR_TCSETATTRF, DCMD_CHR_TCGETPGRP,
    DCMD_CHR_TCSETPGRP, DCMD_CHR_TCGETSID,  DCMD_CHR_TCFLUSH,    DCMD_CHR_TCDRAIN,    DCMD_CHR_TCFLOW,
    DCMD_CHR_SETCTTY,   DCMD_CHR_GETSIZE,   DCMD_CHR_SETSIZE,    DCMD_CHR_SENDBREAK,  DCMD_CHR_ISATTY,
};
static const int64_t kSpeeds[] = {
    B0,      B50,     B75,     B110,     B134,     B150,     B200,     B300,     B600,     B1200,    B1800,
    B2400,   B4800,   B9600,   B19200,   B38400,   B57600,   B115200,  B230400,  B460800,  B500000,  B576000,
    B921600, B1000000, B1152000, B1500000, B2000000, B2500000, B3000000, B3500000, B4000000,
};
static const int64_t kTermios[] = {
    NCCS,   VTIME,   VMIN,    IGNBRK,   BRKINT,    PARMRK,    ISTRIP, INLCR,  IGNCR,  ICRNL,   IXON,
    OPOST,  CSIZE,   CS8,     PARENB,   CBAUD,     ISIG,      ICANON, ECHO,   ECHONL, IEXTEN,  TCSANOW,
    TCSADRAIN, TCSAFLUSH, TCIFLUSH, TCOFLUSH, TCIOFLUSH, TCOOFF, TCOON,  TCIOFF, TCION,
};

/* regex.h's flags and codes, in headers_test's order. */
static const int64_t kRegex[] = {
    REG_EXTENDED, REG_ICASE,  REG_NEWLINE, REG_NOSUB,   REG_NOTBOL, REG_NOTEOL, REG_NOMATCH, REG_BADPAT,
    REG_ECOLLATE, REG_ECTYPE, REG_EESCAPE, REG_ESUBREG, REG_EBRACK, REG_EPAREN, REG_EBRACE,  REG_BADBR,
    REG_ERANGE,   REG_ESPACE, REG_BADRPT,  RE_DUP_MAX,
};

/* The pthread.h and semaphore.h layouts and values, in headers_test's order. */
static const int64_t kPthread[] = {
    sizeof(pthread_mutex_t),  sizeof(pthread_mutexattr_t), sizeof(pthread_once_t),
    sizeof(pthread_rwlock_t), sizeof(pthread_barrier_t),   sizeof(pthread_spinlock_t),
    sizeof(sem_t),            PTHREAD_KEYS_MAX,            PTHREAD_DESTRUCTOR_ITERATIONS,
    PTHREAD_MUTEX_NORMAL,     PTHREAD_MUTEX_RECURSIVE,     PTHREAD_MUTEX_ERRORCHECK,
    PTHREAD_BARRIER_SERIAL_THREAD, SEM_VALUE_MAX,          _SC_PAGESIZE,
    _SC_THREAD_KEYS_MAX,      _SC_NPROCESSORS_ONLN,
};

static int64_t entry(const int64_t* list, size_t n, int32_t i) { return i >= 0 && (size_t)i < n ? list[i] : -1; }

#if EDOM != 33 || ERANGE != 34 || EILSEQ != 84
#error "errno values must be preprocessor constants with the ABI's numbers"
#endif

#if FP_ILOGB0 != -2147483647 || FP_ILOGBNAN != 2147483647 || MATH_ERRNO != 1 || MATH_ERREXCEPT != 2
#error "math.h's integer constants"
#endif
#if FE_ALL_EXCEPT != 0x1f || FE_INVALID != 0x10 || FE_INEXACT != 1 || FE_UPWARD != 3 || FE_TOWARDZERO != 1
#error "fenv.h's values are the fcsr's"
#endif

int64_t qrv_libc_headers_c_check(int32_t what) {
  switch (what) {
    case QRV_LIBC_CHECK_ENOSYS: return ENOSYS;
    case QRV_LIBC_CHECK_SIGABRT: return SIGABRT;
    case QRV_LIBC_CHECK_O_CREAT: return O_CREAT;
    case QRV_LIBC_CHECK_WEXITSTATUS: return WEXITSTATUS(3 << 8);
    case QRV_LIBC_CHECK_SIGSET: {
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, SIGTERM);
      return sigismember(&set, SIGTERM) == 1 && sigismember(&set, SIGINT) == 0 && sigaddset(&set, 0) == -1;
    }
    case QRV_LIBC_CHECK_PRI: return (int64_t)sizeof("%" PRId64);
    case QRV_LIBC_CHECK_STAT_SIZE: return (int64_t)sizeof(struct stat);
    case QRV_LIBC_CHECK_MATH: {
      volatile double sub = 0x1p-1030, nan = NAN;
      volatile float zero = -0.0f;
      volatile long double big = 1e300L;
      return fpclassify(sub) == FP_SUBNORMAL && fpclassify(zero) == FP_ZERO && fpclassify(big) == FP_NORMAL &&
             signbit(zero) && !signbit(sub) && isnan(nan) && !isnan(big) && isinf(HUGE_VAL) && isinf(-INFINITY) &&
             !isfinite(HUGE_VALF) && isfinite(sub) && isnormal(big) && !isnormal(sub) && isunordered(nan, sub) &&
             isgreater(1.0, zero) && !isless(nan, sub) && islessgreater(sub, zero) && isgreaterequal(zero, 0.0) &&
             islessequal(zero, 0.0L) && M_PI > 3.14159 && M_PI < 3.1416 && math_errhandling == 3;
    }
    default: break;
  }
  if (what >= QRV_LIBC_CHECK_REGEX(0)) return entry(kRegex, sizeof kRegex / sizeof kRegex[0], what - 500);
  if (what >= QRV_LIBC_CHECK_PTHREAD(0)) return entry(kPthread, sizeof kPthread / sizeof kPthread[0], what - 400);
  if (what >= QRV_LIBC_CHECK_TERMIOS(0)) return entry(kTermios, sizeof kTermios / sizeof kTermios[0], what - 300);
  if (what >= QRV_LIBC_CHECK_SPEED(0)) return entry(kSpeeds, sizeof kSpeeds / sizeof kSpeeds[0], what - 200);
  if (what >= QRV_LIBC_CHECK_DCMD_CHR(0)) return entry(kDcmdChr, sizeof kDcmdChr / sizeof kDcmdChr[0], what - 100);
  return -1;
}
