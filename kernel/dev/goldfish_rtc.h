// The Goldfish RTC (QEMU virt's "google,goldfish-rtc"): a 64-bit count of
// nanoseconds since the Epoch, read once at boot to start CLOCK_REALTIME.
// Registers: TIME_LOW at 0x00 and TIME_HIGH at 0x04; reading TIME_LOW
// latches TIME_HIGH, so the pair is read low first.
#pragma once

#include <cstdint>

// `base` is the device's kernel virtual address.
uint64_t goldfish_rtc_read_ns(uint64_t base);
