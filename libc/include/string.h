/* QRV libc: string.h. */
#ifndef _STRING_H
#define _STRING_H

#include <stddef.h>
#include <sys/cdefs.h>

__BEGIN_DECLS
void* memcpy(void* __QRV_RESTRICT dst, const void* __QRV_RESTRICT src, size_t n);
void* memmove(void* dst, const void* src, size_t n);
void* memccpy(void* __QRV_RESTRICT dst, const void* __QRV_RESTRICT src, int c, size_t n);
void* memset(void* dst, int c, size_t n);
int memcmp(const void* a, const void* b, size_t n);
void* memchr(const void* s, int c, size_t n);
void* memrchr(const void* s, int c, size_t n);
void* memmem(const void* haystack, size_t hlen, const void* needle, size_t nlen);
size_t strlen(const char* s);
size_t strnlen(const char* s, size_t max);
int strcmp(const char* a, const char* b);
int strncmp(const char* a, const char* b, size_t n);
int strcoll(const char* a, const char* b);
size_t strxfrm(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src, size_t n);
char* strcpy(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src);
char* strncpy(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src, size_t n);
char* stpcpy(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src);
char* stpncpy(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src, size_t n);
char* strcat(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src);
char* strncat(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src, size_t n);
size_t strlcpy(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src, size_t n);
size_t strlcat(char* __QRV_RESTRICT dst, const char* __QRV_RESTRICT src, size_t n);
char* strchr(const char* s, int c);
char* strrchr(const char* s, int c);
char* strstr(const char* haystack, const char* needle);
size_t strspn(const char* s, const char* accept);
size_t strcspn(const char* s, const char* reject);
char* strpbrk(const char* s, const char* accept);
char* strtok(char* __QRV_RESTRICT s, const char* __QRV_RESTRICT delim);
char* strtok_r(char* __QRV_RESTRICT s, const char* __QRV_RESTRICT delim, char** __QRV_RESTRICT save);
char* strsep(char** __QRV_RESTRICT sp, const char* __QRV_RESTRICT delim);
char* strdup(const char* s);
char* strndup(const char* s, size_t n);
char* strerror(int errnum);
int strerror_r(int errnum, char* buf, size_t len);
char* strsignal(int signo);
__END_DECLS

#endif /* _STRING_H */
