// libgcc's bit-count helpers, which GCC calls for __builtin_clzll/ctzll on
// RV64GC (no Zbb): the board links no libgcc, so libc provides them.
#include <stdint.h>

#include "libc/src/builtins/bit_count.h"

extern "C" int __clzdi2(uint64_t x) { return qrv::libc::count_leading_zeros(x); }
extern "C" int __ctzdi2(uint64_t x) { return qrv::libc::count_trailing_zeros(x); }
