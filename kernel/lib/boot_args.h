// Reading options from the kernel command line (/chosen bootargs, QEMU's
// -append): space-separated `key=value` words. The line is untrusted text:
// a missing, repeated-with-garbage or out-of-range value is simply "absent".
#pragma once

#include <cstdint>

// The number after `key=` in `args` (decimal, or hex after 0x), from the
// last word that names key; false if no such word, or its value is not a
// whole number that fits 64 bits.
bool boot_arg_u64(const char* args, const char* key, uint64_t* value);
