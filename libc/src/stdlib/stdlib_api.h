// stdlib.h (except malloc, see malloc_api.h) inside QRV's libc (namespace qrv::libc).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "libc/src/common/environ.h"

namespace qrv::libc {

long strtol(const char* __restrict s, char** __restrict end, int base);
long long strtoll(const char* __restrict s, char** __restrict end, int base);
unsigned long strtoul(const char* __restrict s, char** __restrict end, int base);
unsigned long long strtoull(const char* __restrict s, char** __restrict end, int base);
intmax_t strtoimax(const char* __restrict s, char** __restrict end, int base);
uintmax_t strtoumax(const char* __restrict s, char** __restrict end, int base);
int atoi(const char* s);
long atol(const char* s);
long long atoll(const char* s);

double strtod(const char* __restrict s, char** __restrict end);
float strtof(const char* __restrict s, char** __restrict end);
long double strtold(const char* __restrict s, char** __restrict end);
double atof(const char* s);

void qsort(void* base, size_t count, size_t size, int (*compare)(const void*, const void*));
void* bsearch(const void* key, const void* base, size_t count, size_t size,
              int (*compare)(const void*, const void*));

int abs(int v);
long labs(long v);
long long llabs(long long v);
intmax_t imaxabs(intmax_t v);

struct DivResult {
  int quot;
  int rem;
};
struct LDivResult {
  long quot;
  long rem;
};
struct LLDivResult {
  long long quot;
  long long rem;
};
DivResult div(int num, int den);
LDivResult ldiv(long num, long den);
LLDivResult lldiv(long long num, long long den);

int rand();
void srand(unsigned seed);

// The environment (environ.cc) over environ (common/environ.h).
char* getenv(const char* name);
int setenv(const char* name, const char* value, int overwrite);
int unsetenv(const char* name);
int putenv(char* string);
int clearenv();

int atexit(void (*fn)());
[[noreturn]] void exit(int status);
[[noreturn]] void _Exit(int status);
[[noreturn]] void abort();
[[noreturn]] void _exit(int status);
[[noreturn]] void __qrv_assert_fail(const char* expr, const char* file, int line, const char* func);

}  // namespace qrv::libc
