/* QRV libc: glob.h (POSIX pathname expansion). Layout of qrv::libc::Glob. */
#ifndef _GLOB_H
#define _GLOB_H

#include <stddef.h>
#include <sys/cdefs.h>

typedef struct {
  size_t gl_pathc; /* paths matched */
  char** gl_pathv; /* them, after gl_offs NULLs (GLOB_DOOFFS), then a NULL */
  size_t gl_offs;
} glob_t;

#define GLOB_ERR (1 << 0)      /* stop at a directory that cannot be read */
#define GLOB_MARK (1 << 1)     /* a '/' after each directory */
#define GLOB_NOSORT (1 << 2)   /* in the order found */
#define GLOB_DOOFFS (1 << 3)   /* gl_offs NULLs first */
#define GLOB_NOCHECK (1 << 4)  /* no match: the pattern itself */
#define GLOB_APPEND (1 << 5)   /* after the results of an earlier call */
#define GLOB_NOESCAPE (1 << 6) /* a backslash is a character */

#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3

__BEGIN_DECLS
int glob(const char* __QRV_RESTRICT pattern, int flags, int (*errfunc)(const char* epath, int eerrno),
         glob_t* __QRV_RESTRICT pglob);
void globfree(glob_t* pglob);
__END_DECLS

#endif /* _GLOB_H */
