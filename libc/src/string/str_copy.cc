// strcpy, strncpy, stpcpy, stpncpy, strcat, strncat, and strlcpy, strlcat
// (POSIX 2024: always terminate within n; return the length they tried to make).
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {

QRV_LIBC_FN(char*, stpcpy, (char* __restrict dst, const char* __restrict src)) {
  const size_t len = strlen(src);
  memcpy(dst, src, len + 1);
  return dst + len;
}

QRV_LIBC_FN(char*, strcpy, (char* __restrict dst, const char* __restrict src)) {
  stpcpy(dst, src);
  return dst;
}

QRV_LIBC_FN(char*, stpncpy, (char* __restrict dst, const char* __restrict src, size_t n)) {
  const size_t len = strnlen(src, n);
  memcpy(dst, src, len);
  memset(dst + len, 0, n - len);
  return dst + len;
}

QRV_LIBC_FN(char*, strncpy, (char* __restrict dst, const char* __restrict src, size_t n)) {
  stpncpy(dst, src, n);
  return dst;
}

QRV_LIBC_FN(char*, strcat, (char* __restrict dst, const char* __restrict src)) {
  stpcpy(dst + strlen(dst), src);
  return dst;
}

QRV_LIBC_FN(char*, strncat, (char* __restrict dst, const char* __restrict src, size_t n)) {
  char* end = dst + strlen(dst);
  const size_t len = strnlen(src, n);
  memcpy(end, src, len);
  end[len] = '\0';
  return dst;
}

QRV_LIBC_FN(size_t, strlcpy, (char* __restrict dst, const char* __restrict src, size_t n)) {
  const size_t len = strlen(src);
  if (n != 0) {
    const size_t copy = len < n ? len : n - 1;
    memcpy(dst, src, copy);
    dst[copy] = '\0';
  }
  return len;
}

// A dst with no terminator within n is left alone: the result is n + strlen(src).
QRV_LIBC_FN(size_t, strlcat, (char* __restrict dst, const char* __restrict src, size_t n)) {
  const size_t used = strnlen(dst, n);
  if (used == n) return n + strlen(src);
  return used + strlcpy(dst + used, src, n - used);
}

}  // namespace qrv::libc
