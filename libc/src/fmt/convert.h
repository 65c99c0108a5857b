// The conversions of the printf engine, one family per function; each writes
// one complete padded field. Functions returning bool fail on invalid input.
#pragma once

#include <stdint.h>

#include "libc/src/fmt/float_bits.h"
#include "libc/src/fmt/sink.h"
#include "libc/src/fmt/spec.h"

namespace qrv::fmt {

// d i u o x X p: `magnitude` with `negative` only for d and i.
void format_integer(Sink& out, const Spec& spec, uint64_t magnitude, bool negative);
// %p: "(nil)" for null, else as %#lx.
void format_pointer(Sink& out, const Spec& spec, const void* p);
// %c and %s (narrow).
void format_char(Sink& out, const Spec& spec, unsigned char c);
void format_string(Sink& out, const Spec& spec, const char* s);
// %lc and %ls: UTF-8; false for a value that is not a Unicode scalar.
bool format_wide_char(Sink& out, const Spec& spec, uint32_t wc);
bool format_wide_string(Sink& out, const Spec& spec, const wchar_t* s);
// f F e E g G a A. `scratch` holds the decimal expansion (see decimal.h for sizes).
void format_float(Sink& out, const Spec& spec, const FloatParts& v, const FloatFormat& f,
                  uint32_t* scratch, int32_t scratch_limbs);

}  // namespace qrv::fmt
