/* QRV libc: regex.h — POSIX regular expressions, basic and extended, in the
 * C locale: leftmost-longest matches, POSIX submatches, back-references
 * (bounded: past the budget regexec answers REG_ESPACE). The values are
 * those of libc/src/regex/regex_api.h (glibc's). */
#ifndef _REGEX_H
#define _REGEX_H

#include <stddef.h>
#include <sys/cdefs.h>

typedef long regoff_t;

typedef struct {
  size_t re_nsub; /* the number of parenthesised subexpressions */
  void* __re_impl;
} regex_t;

typedef struct {
  regoff_t rm_so;
  regoff_t rm_eo;
} regmatch_t;

#define REG_EXTENDED 1
#define REG_ICASE 2
#define REG_NEWLINE 4
#define REG_NOSUB 8

#define REG_NOTBOL 1
#define REG_NOTEOL 2

#define REG_NOMATCH 1
#define REG_BADPAT 2
#define REG_ECOLLATE 3
#define REG_ECTYPE 4
#define REG_EESCAPE 5
#define REG_ESUBREG 6
#define REG_EBRACK 7
#define REG_EPAREN 8
#define REG_EBRACE 9
#define REG_BADBR 10
#define REG_ERANGE 11
#define REG_ESPACE 12
#define REG_BADRPT 13

#define RE_DUP_MAX 0x7fff /* also in limits.h */

__BEGIN_DECLS
int regcomp(regex_t* __QRV_RESTRICT preg, const char* __QRV_RESTRICT pattern, int cflags);
int regexec(const regex_t* __QRV_RESTRICT preg, const char* __QRV_RESTRICT string, size_t nmatch,
            regmatch_t* __QRV_RESTRICT pmatch, int eflags);
size_t regerror(int errcode, const regex_t* __QRV_RESTRICT preg, char* __QRV_RESTRICT errbuf, size_t errbuf_size);
void regfree(regex_t* preg);
__END_DECLS

#endif /* _REGEX_H */
