// strcmp, strncmp, strcoll, strxfrm (C locale: byte order), and strings.h's
// strcasecmp, strncasecmp (ASCII case folding). Bytes compare as unsigned char.
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c; }

int sign(int d) { return (d > 0) - (d < 0); }

}  // namespace

QRV_LIBC_FN(int, strcmp, (const char* a, const char* b)) {
  const auto* x = reinterpret_cast<const unsigned char*>(a);
  const auto* y = reinterpret_cast<const unsigned char*>(b);
  while (*x != 0 && *x == *y) {
    ++x;
    ++y;
  }
  return sign(*x - *y);
}

QRV_LIBC_FN(int, strncmp, (const char* a, const char* b, size_t n)) {
  const auto* x = reinterpret_cast<const unsigned char*>(a);
  const auto* y = reinterpret_cast<const unsigned char*>(b);
  for (size_t i = 0; i < n; ++i) {
    if (x[i] != y[i] || x[i] == 0) return sign(x[i] - y[i]);
  }
  return 0;
}

QRV_LIBC_FN(int, strcoll, (const char* a, const char* b)) { return strcmp(a, b); }

QRV_LIBC_FN(size_t, strxfrm, (char* __restrict dst, const char* __restrict src, size_t n)) {
  const size_t len = strlen(src);
  if (len < n) memcpy(dst, src, len + 1);
  return len;
}

QRV_LIBC_FN(int, strcasecmp, (const char* a, const char* b)) {
  const auto* x = reinterpret_cast<const unsigned char*>(a);
  const auto* y = reinterpret_cast<const unsigned char*>(b);
  while (*x != 0 && fold(*x) == fold(*y)) {
    ++x;
    ++y;
  }
  return sign(fold(*x) - fold(*y));
}

QRV_LIBC_FN(int, strncasecmp, (const char* a, const char* b, size_t n)) {
  const auto* x = reinterpret_cast<const unsigned char*>(a);
  const auto* y = reinterpret_cast<const unsigned char*>(b);
  for (size_t i = 0; i < n; ++i) {
    if (fold(x[i]) != fold(y[i]) || x[i] == 0) return sign(fold(x[i]) - fold(y[i]));
  }
  return 0;
}

}  // namespace qrv::libc
