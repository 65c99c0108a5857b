// string.h and strings.h inside QRV's libc (namespace qrv::libc).
#pragma once

#include <stddef.h>

namespace qrv::libc {

void* memcpy(void* __restrict dst, const void* __restrict src, size_t n);
void* memmove(void* dst, const void* src, size_t n);
void* memccpy(void* __restrict dst, const void* __restrict src, int c, size_t n);
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
size_t strxfrm(char* __restrict dst, const char* __restrict src, size_t n);
int strcasecmp(const char* a, const char* b);
int strncasecmp(const char* a, const char* b, size_t n);
int ffs(int v);
int ffsl(long v);
int ffsll(long long v);

char* strcpy(char* __restrict dst, const char* __restrict src);
char* strncpy(char* __restrict dst, const char* __restrict src, size_t n);
char* stpcpy(char* __restrict dst, const char* __restrict src);
char* stpncpy(char* __restrict dst, const char* __restrict src, size_t n);
char* strcat(char* __restrict dst, const char* __restrict src);
char* strncat(char* __restrict dst, const char* __restrict src, size_t n);
size_t strlcpy(char* __restrict dst, const char* __restrict src, size_t n);
size_t strlcat(char* __restrict dst, const char* __restrict src, size_t n);

char* strchr(const char* s, int c);
char* strrchr(const char* s, int c);
char* strstr(const char* haystack, const char* needle);
size_t strspn(const char* s, const char* accept);
size_t strcspn(const char* s, const char* reject);
char* strpbrk(const char* s, const char* accept);

char* strtok(char* __restrict s, const char* __restrict delim);
char* strtok_r(char* __restrict s, const char* __restrict delim, char** __restrict save);
char* strsep(char** __restrict sp, const char* __restrict delim);

char* strdup(const char* s);
char* strndup(const char* s, size_t n);

char* strerror(int errnum);
int strerror_r(int errnum, char* buf, size_t len);
char* strsignal(int signo);

// libgen.h (libgen.cc): POSIX's; they may write into path.
char* basename(char* path);
char* dirname(char* path);

}  // namespace qrv::libc
