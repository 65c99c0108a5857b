/* QRV libc: libgen.h (POSIX basename and dirname: they may modify path). */
#ifndef _LIBGEN_H
#define _LIBGEN_H

#include <sys/cdefs.h>

__BEGIN_DECLS
char* basename(char* path);
char* dirname(char* path);
__END_DECLS

#endif /* _LIBGEN_H */
