/* The printf engine of QRV's libc: the whole C17 conversion language, with
 * %f %e %g correctly rounded (exact big-integer expansion) and %a exact.
 * Output goes to `put` in runs. Returns the number of characters produced,
 * or -1 on a malformed directive, an invalid wide character, or a count above
 * INT_MAX (output already produced is not taken back).
 * Choices where C leaves freedom (all as glibc): "(nil)" for a null %p,
 * "(null)" for a null %s, "-nan" for negative NaNs, %La on x87 prints the top
 * nibble before the point (0x8p-3 for 1.0L). %lc/%ls encode UTF-8.
 * Not supported (-1): POSIX positional arguments (%1$d), length modifiers
 * with conversions they do not apply to (e.g. %hf, %Ld, %hhs), unknown
 * conversions. Stack use on rv64: about 1.5 KiB, 6.5 KiB for %Lf %Le %Lg %La. */
#ifndef QRV_LIBC_SRC_FMT_FORMAT_H_
#define QRV_LIBC_SRC_FMT_FORMAT_H_

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*__qrv_put_fn)(const char* s, size_t n, void* ctx);

int __qrv_vformat(__qrv_put_fn put, void* ctx, const char* fmt, va_list ap);

#ifdef __cplusplus
}
#endif

#endif /* QRV_LIBC_SRC_FMT_FORMAT_H_ */
