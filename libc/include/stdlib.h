/* QRV libc: stdlib.h. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>
#include <sys/cdefs.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX ((size_t)1)

typedef struct {
  int quot;
  int rem;
} div_t;
typedef struct {
  long quot;
  long rem;
} ldiv_t;
typedef struct {
  long long quot;
  long long rem;
} lldiv_t;

__BEGIN_DECLS
long strtol(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end, int base);
long long strtoll(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end, int base);
unsigned long strtoul(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end, int base);
unsigned long long strtoull(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end, int base);
int atoi(const char* s);
long atol(const char* s);
long long atoll(const char* s);
double strtod(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end);
float strtof(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end);
long double strtold(const char* __QRV_RESTRICT s, char** __QRV_RESTRICT end);
double atof(const char* s);

void qsort(void* base, size_t count, size_t size, int (*compare)(const void*, const void*));
void* bsearch(const void* key, const void* base, size_t count, size_t size,
              int (*compare)(const void*, const void*));

int abs(int v);
long labs(long v);
long long llabs(long long v);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);
lldiv_t lldiv(long long num, long long den);

int rand(void);
void srand(unsigned seed);

void* malloc(size_t n);
void free(void* p);
void* calloc(size_t count, size_t size);
void* realloc(void* p, size_t n);
void* aligned_alloc(size_t alignment, size_t n);
int posix_memalign(void** out, size_t alignment, size_t n);

char* getenv(const char* name);
int setenv(const char* name, const char* value, int overwrite);
int unsetenv(const char* name);
int putenv(char* string);
int clearenv(void);

int atexit(void (*fn)(void));
__QRV_NORETURN void exit(int status);
__QRV_NORETURN void _Exit(int status);
__QRV_NORETURN void abort(void);
__END_DECLS

#endif /* _STDLIB_H */
