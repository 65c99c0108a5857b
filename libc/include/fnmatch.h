/* QRV libc: fnmatch.h — POSIX pattern matching (*, ?, [...]) in the C
 * locale. FNM_PATHNAME: '/' only by '/'; FNM_PERIOD: a leading '.' only by
 * '.'; FNM_NOESCAPE: '\' is an ordinary character. */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#include <sys/cdefs.h>

#define FNM_NOMATCH 1
#define FNM_PATHNAME 0x01
#define FNM_NOESCAPE 0x02
#define FNM_PERIOD 0x04

__BEGIN_DECLS
int fnmatch(const char* pattern, const char* string, int flags);
__END_DECLS

#endif /* _FNMATCH_H */
