// strings.h's ffs, ffsl, ffsll: the 1-based index of the lowest set bit, 0 for
// none. bit_count.h rather than __builtin_ctz, which the board lacks (no Zbb).
#include <stdint.h>

#include "libc/src/builtins/bit_count.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

int first_set(uint64_t bits) { return bits == 0 ? 0 : count_trailing_zeros(bits) + 1; }

}  // namespace

QRV_LIBC_FN(int, ffs, (int v)) { return first_set(static_cast<unsigned int>(v)); }
QRV_LIBC_FN(int, ffsl, (long v)) { return first_set(static_cast<unsigned long>(v)); }
QRV_LIBC_FN(int, ffsll, (long long v)) { return first_set(static_cast<unsigned long long>(v)); }

}  // namespace qrv::libc
