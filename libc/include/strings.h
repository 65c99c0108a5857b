/* QRV libc: strings.h (ASCII case-insensitive comparison, lowest set bit). */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <stddef.h>
#include <sys/cdefs.h>

__BEGIN_DECLS
int strcasecmp(const char* a, const char* b);
int strncasecmp(const char* a, const char* b, size_t n);
int ffs(int v);
int ffsl(long v);
int ffsll(long long v);
__END_DECLS

#endif /* _STRINGS_H */
