/* Correctly rounded string-to-float conversion for QRV's libc (strtod, strtof,
 * strtold, atof): C17 7.22.1.3 syntax in the "C" locale — leading white space,
 * sign, decimal or hexadecimal (0x1.8p3) significand with optional exponent,
 * inf/infinity/nan/nan(n-char-sequence), case-insensitive. Rounding is to
 * nearest, ties to even, decided exactly (big integers), for any digit count.
 * `end` (may be null) gets the first unparsed character, or `s` itself when
 * there is no number. `err` (may be null) gets 0, or QRV_FMT_ERANGE when the
 * result overflowed to +-HUGE_VAL or underflowed (tiny after rounding and
 * inexact, as glibc): the libc wrapper copies it to errno.
 * NaN payloads from nan(...) are not kept (a default quiet NaN is returned).
 * Stack use on rv64: about 1.5 KiB for strtod/strtof, 10.5 KiB for strtold
 * (the exact comparison of up to 11700 significant digits). */
#ifndef QRV_LIBC_SRC_FMT_STRTOD_H_
#define QRV_LIBC_SRC_FMT_STRTOD_H_

/* Must equal ERANGE in QRV's <errno.h> (the Linux value). */
#define QRV_FMT_ERANGE 34

#ifdef __cplusplus
extern "C" {
#endif

double __qrv_strtod(const char* s, char** end, int* err);
float __qrv_strtof(const char* s, char** end, int* err);
long double __qrv_strtold(const char* s, char** end, int* err);

#ifdef __cplusplus
}
#endif

#endif /* QRV_LIBC_SRC_FMT_STRTOD_H_ */
