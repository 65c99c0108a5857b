/* QRV libc: format macros for <stdint.h> types (LP64) and intmax functions. */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <stdint.h>
#include <sys/cdefs.h>

#define PRId8 "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 "ld"
#define PRIi32 "i"
#define PRIi64 "li"
#define PRIu8 "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 "lu"
#define PRIx8 "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 "lx"
#define PRIX32 "X"
#define PRIX64 "lX"
#define PRIo32 "o"
#define PRIo64 "lo"
#define PRIdMAX "jd"
#define PRIuMAX "ju"
#define PRIxMAX "jx"
#define PRIdPTR "ld"
#define PRIuPTR "lu"
#define PRIxPTR "lx"
#define SCNd32 "d"
#define SCNd64 "ld"
#define SCNu32 "u"
#define SCNu64 "lu"
#define SCNx64 "lx"

__BEGIN_DECLS
intmax_t imaxabs(intmax_t v);
intmax_t strtoimax(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end, int base);
uintmax_t strtoumax(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end, int base);
__END_DECLS

#endif /* _INTTYPES_H */
