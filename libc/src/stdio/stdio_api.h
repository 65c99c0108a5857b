// stdio.h inside QRV's libc (namespace qrv::libc).
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/stdio/file.h"

namespace qrv::libc {

inline constexpr int kEof = -1;
inline constexpr int kBufferSize = 4096;  // BUFSIZ

// stdin, stdout, stderr: C symbols on the board, namespaced on the host.
QRV_LIBC_EXTERN_VAR File* stdin;
QRV_LIBC_EXTERN_VAR File* stdout;
QRV_LIBC_EXTERN_VAR File* stderr;

File* fopen(const char* __restrict path, const char* __restrict mode);
File* fdopen(int fd, const char* mode);
int fclose(File* f);
int fflush(File* f);
int setvbuf(File* __restrict f, char* __restrict buf, int mode, size_t size);
void setbuf(File* __restrict f, char* __restrict buf);
int fileno(File* f);

size_t fread(void* __restrict data, size_t size, size_t count, File* __restrict f);
size_t fwrite(const void* __restrict data, size_t size, size_t count, File* __restrict f);
int fgetc(File* f);
int getc(File* f);
int getchar();
char* fgets(char* __restrict s, int n, File* __restrict f);
int ungetc(int c, File* f);
int fputc(int c, File* f);
int putc(int c, File* f);
int putchar(int c);
int fputs(const char* __restrict s, File* __restrict f);
int puts(const char* s);

int feof(File* f);
int ferror(File* f);
void clearerr(File* f);
int fseek(File* f, long offset, int whence);
long ftell(File* f);
void rewind(File* f);

int printf(const char* __restrict fmt, ...);
int fprintf(File* __restrict f, const char* __restrict fmt, ...);
int sprintf(char* __restrict buf, const char* __restrict fmt, ...);
int snprintf(char* __restrict buf, size_t n, const char* __restrict fmt, ...);
int dprintf(int fd, const char* __restrict fmt, ...);
int asprintf(char** __restrict out, const char* __restrict fmt, ...);
int vprintf(const char* __restrict fmt, va_list ap);
int vfprintf(File* __restrict f, const char* __restrict fmt, va_list ap);
int vsprintf(char* __restrict buf, const char* __restrict fmt, va_list ap);
int vsnprintf(char* __restrict buf, size_t n, const char* __restrict fmt, va_list ap);
int vdprintf(int fd, const char* __restrict fmt, va_list ap);
int vasprintf(char** __restrict out, const char* __restrict fmt, va_list ap);
void perror(const char* s);

int scanf(const char* __restrict fmt, ...);
int fscanf(File* __restrict f, const char* __restrict fmt, ...);
int sscanf(const char* __restrict s, const char* __restrict fmt, ...);
int vscanf(const char* __restrict fmt, va_list ap);
int vfscanf(File* __restrict f, const char* __restrict fmt, va_list ap);
int vsscanf(const char* __restrict s, const char* __restrict fmt, va_list ap);

}  // namespace qrv::libc
