// The kernel's printf engine: C semantics for d i u x X o c s p %, flags
// "-+ #0", width and precision (numbers or '*'), lengths hh h l ll z t j.
// No floating point in the kernel: %f %F %e %E %g %G %a %A print "<no-fp>"
// and consume NO argument, so any argument after one is misread. Don't.
#pragma once

#include <cstdarg>
#include <cstddef>

// Widths and precisions are clamped to this, so no format prints forever.
inline constexpr int kFormatMaxWidth = 4096;

// Sends each character of the formatted output to put(c, ctx); returns how
// many it sent. Details that follow glibc: NULL %s is "(null)" (or "" when
// the precision is below 6), NULL %p is "(nil)", other %p are "0x" + hex.
// %n is not supported; it and any unknown conversion are printed verbatim.
size_t kvformat(void (*put)(char c, void* ctx), void* ctx, const char* fmt, va_list ap);

// C snprintf: writes at most size - 1 characters plus a NUL (when size > 0)
// and returns the length the full output would have had.
int kvsnprintf(char* buf, size_t size, const char* fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
int ksnprintf(char* buf, size_t size, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
