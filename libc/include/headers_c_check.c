/* Every public header compiled as C17 with only QRV's headers and the
 * compiler's (-nostdinc), with the layouts libc shares with the kernel ABI
 * checked; qrv_libc_headers_c_check lets a host test run what C computed. */
#include <assert.h>
#include <ctype.h>
#include <devctl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/iomsg.h>
#include <sys/mman.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>
#include <sys/resmgr.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
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
static_assert(sizeof(struct dirent) == 272, "dirent as libc's qrv::libc::Dirent");
static_assert(offsetof(struct dirent, d_name) == 16, "d_name");
static_assert(F_DUPFD_CLOEXEC == 1030 && FD_CLOEXEC == 1, "fcntl values as file.cc's");
static_assert(_IO_FLAG_NOACCESS == O_ACCMODE, "the no-access open is the one access mode open() refuses");
static_assert(sizeof(struct sigaction) == 24, "sigaction as libc's qrv::libc::Sigaction");
static_assert(offsetof(struct sigaction, sa_mask) == 8 && offsetof(struct sigaction, sa_flags) == 16, "sigaction");
static_assert(sizeof(jmp_buf) == 26 * 8, "jmp_buf holds ra, sp, s0-s11, fs0-fs11");
static_assert(sizeof(pthread_mutex_t) == sizeof(qrv_sync_t), "pthread_mutex_t is a sync object");
static_assert(sizeof(pthread_attr_t) == 16, "pthread_attr_t as libc's");
static_assert(sizeof(struct tm) == 56 && offsetof(struct tm, tm_gmtoff) == 40, "struct tm as libc's Tm");
static_assert(offsetof(struct tm, tm_zone) == 48, "tm_zone");
static_assert(sizeof(div_t) == 8 && sizeof(lldiv_t) == 16, "div results");
static_assert(INT_MAX == 2147483647 && LONG_MAX == 9223372036854775807L, "LP64 limits");
static_assert(UCHAR_MAX == 255 && ULLONG_MAX == 18446744073709551615ULL, "unsigned limits");

#if EDOM != 33 || ERANGE != 34 || EILSEQ != 84
#error "errno values must be preprocessor constants with the ABI's numbers"
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
    default: return -1;
  }
}
