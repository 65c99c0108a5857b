// The format-generic core of strtold: parses into any binary format up to
// binary128 (so the host can test RISC-V's long double against libquadmath).
#pragma once

#include "libc/src/fmt/float_bits.h"

namespace qrv::fmt {

// As __qrv_strtold, but the result is left as parts of format `f`.
FloatParts parse_float_wide(const char* s, char** end, const FloatFormat& f, int* err);

}  // namespace qrv::fmt
