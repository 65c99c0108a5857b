/* QRV libc: stdio.h. FILE is opaque. */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/cdefs.h>
#include <sys/types.h>

typedef struct __qrv_file FILE;
typedef int64_t fpos_t;

#define EOF (-1)
#define BUFSIZ 4096
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

__BEGIN_DECLS
extern FILE* stdin;
extern FILE* stdout;
extern FILE* stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

FILE* fopen(const char* __QRV_RESTRICT path, const char* __QRV_RESTRICT mode);
FILE* fdopen(int fd, const char* mode);
int fclose(FILE* f);
int rename(const char* from, const char* to);
int remove(const char* path);
int fflush(FILE* f);
int setvbuf(FILE* __QRV_RESTRICT f, char* __QRV_RESTRICT buf, int mode, size_t size);
void setbuf(FILE* __QRV_RESTRICT f, char* __QRV_RESTRICT buf);
int fileno(FILE* f);

size_t fread(void* __QRV_RESTRICT data, size_t size, size_t count, FILE* __QRV_RESTRICT f);
size_t fwrite(const void* __QRV_RESTRICT data, size_t size, size_t count, FILE* __QRV_RESTRICT f);
int fgetc(FILE* f);
int getc(FILE* f);
int getchar(void);
char* fgets(char* __QRV_RESTRICT s, int n, FILE* __QRV_RESTRICT f);
int ungetc(int c, FILE* f);
int fputc(int c, FILE* f);
int putc(int c, FILE* f);
int putchar(int c);
int fputs(const char* __QRV_RESTRICT s, FILE* __QRV_RESTRICT f);
int puts(const char* s);

int feof(FILE* f);
int ferror(FILE* f);
void clearerr(FILE* f);
int fseek(FILE* f, long offset, int whence);
long ftell(FILE* f);
void rewind(FILE* f);

int printf(const char* __QRV_RESTRICT fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE* __QRV_RESTRICT f, const char* __QRV_RESTRICT fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char* __QRV_RESTRICT buf, const char* __QRV_RESTRICT fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char* __QRV_RESTRICT buf, size_t n, const char* __QRV_RESTRICT fmt, ...)
    __attribute__((format(printf, 3, 4)));
int dprintf(int fd, const char* __QRV_RESTRICT fmt, ...) __attribute__((format(printf, 2, 3)));
int asprintf(char** __QRV_RESTRICT out, const char* __QRV_RESTRICT fmt, ...) __attribute__((format(printf, 2, 3)));
int vprintf(const char* __QRV_RESTRICT fmt, va_list ap);
int vfprintf(FILE* __QRV_RESTRICT f, const char* __QRV_RESTRICT fmt, va_list ap);
int vsprintf(char* __QRV_RESTRICT buf, const char* __QRV_RESTRICT fmt, va_list ap);
int vsnprintf(char* __QRV_RESTRICT buf, size_t n, const char* __QRV_RESTRICT fmt, va_list ap);
int vdprintf(int fd, const char* __QRV_RESTRICT fmt, va_list ap);
int vasprintf(char** __QRV_RESTRICT out, const char* __QRV_RESTRICT fmt, va_list ap);
void perror(const char* s);

int scanf(const char* __QRV_RESTRICT fmt, ...) __attribute__((format(scanf, 1, 2)));
int fscanf(FILE* __QRV_RESTRICT f, const char* __QRV_RESTRICT fmt, ...) __attribute__((format(scanf, 2, 3)));
int sscanf(const char* __QRV_RESTRICT s, const char* __QRV_RESTRICT fmt, ...) __attribute__((format(scanf, 2, 3)));
int vscanf(const char* __QRV_RESTRICT fmt, va_list ap) __attribute__((format(scanf, 1, 0)));
int vfscanf(FILE* __QRV_RESTRICT f, const char* __QRV_RESTRICT fmt, va_list ap) __attribute__((format(scanf, 2, 0)));
int vsscanf(const char* __QRV_RESTRICT s, const char* __QRV_RESTRICT fmt, va_list ap)
    __attribute__((format(scanf, 2, 0)));
__END_DECLS

#endif /* _STDIO_H */
