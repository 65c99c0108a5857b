// Boot-log timestamps: "[    0.012345] " (seconds since machine reset, from the
// time CSR at the device tree's timebase), and the bootargs word that turns them
// off. Pure, so both are host-tested; the console decides when to print one.
#pragma once

#include <cstddef>
#include <cstdint>

// Longest stamp: "[" + 20-digit seconds + "." + 6 digits + "] " + NUL.
inline constexpr size_t kLogStampMax = 32;

// Writes the stamp for `ticks` of a `hz` clock into buf (NUL-terminated) and
// returns its length; seconds are right-aligned in 5 columns. hz == 0 writes "".
size_t log_stamp_format(uint64_t ticks, uint64_t hz, char (&buf)[kLogStampMax]);

// Timestamps are on unless bootargs (the device tree's /chosen/bootargs, e.g.
// QEMU -append) holds the word "console.timestamps=0".
bool log_stamps_wanted(const char* bootargs);
