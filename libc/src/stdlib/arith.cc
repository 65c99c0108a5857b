// abs, labs, llabs, imaxabs and div, ldiv, lldiv: C17 7.22.6 (abs of the most
// negative value is undefined; here it wraps, as on every two's-complement libc).
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {
namespace {

template <typename T, typename U>
T wrap_abs(T v) {
  return v < 0 ? static_cast<T>(U{0} - static_cast<U>(v)) : v;
}

}  // namespace

QRV_LIBC_FN(int, abs, (int v)) { return wrap_abs<int, unsigned>(v); }
QRV_LIBC_FN(long, labs, (long v)) { return wrap_abs<long, unsigned long>(v); }
QRV_LIBC_FN(long long, llabs, (long long v)) { return wrap_abs<long long, unsigned long long>(v); }
QRV_LIBC_FN(intmax_t, imaxabs, (intmax_t v)) { return wrap_abs<intmax_t, uintmax_t>(v); }

QRV_LIBC_FN(DivResult, div, (int num, int den)) { return {num / den, num % den}; }
QRV_LIBC_FN(LDivResult, ldiv, (long num, long den)) { return {num / den, num % den}; }
QRV_LIBC_FN(LLDivResult, lldiv, (long long num, long long den)) { return {num / den, num % den}; }

}  // namespace qrv::libc
