/* What headers_c_check.c (the public headers compiled as C) reports. */
#ifndef QRV_LIBC_INCLUDE_HEADERS_C_CHECK_H_
#define QRV_LIBC_INCLUDE_HEADERS_C_CHECK_H_

#include <stdint.h>

#define QRV_LIBC_CHECK_ENOSYS 0
#define QRV_LIBC_CHECK_SIGABRT 1
#define QRV_LIBC_CHECK_O_CREAT 2
#define QRV_LIBC_CHECK_WEXITSTATUS 3
#define QRV_LIBC_CHECK_SIGSET 4
#define QRV_LIBC_CHECK_PRI 5
#define QRV_LIBC_CHECK_STAT_SIZE 6
#define QRV_LIBC_CHECK_MATH 7 /* math.h's type-generic macros on float, double, long double: 1 */
/* The i-th entry of a list, in termios_api.h's order: -1 past its end. */
#define QRV_LIBC_CHECK_DCMD_CHR(i) (100 + (i)) /* tty::kAllDcmds */
#define QRV_LIBC_CHECK_SPEED(i) (200 + (i))    /* tty::kSpeeds' codes */
#define QRV_LIBC_CHECK_TERMIOS(i) (300 + (i))  /* the flags and values of headers_test */
#define QRV_LIBC_CHECK_PTHREAD(i) (400 + (i))  /* pthread.h, semaphore.h, sysconf names */
#define QRV_LIBC_CHECK_REGEX(i) (500 + (i))    /* regex.h's flags and codes */

#ifdef __cplusplus
extern "C" {
#endif

int64_t qrv_libc_headers_c_check(int32_t what);

#ifdef __cplusplus
}
#endif

#endif /* QRV_LIBC_INCLUDE_HEADERS_C_CHECK_H_ */
