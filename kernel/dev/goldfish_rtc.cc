// Goldfish RTC: see goldfish_rtc.h.
#include "kernel/dev/goldfish_rtc.h"

uint64_t goldfish_rtc_read_ns(uint64_t base) {
  volatile uint32_t* r = reinterpret_cast<volatile uint32_t*>(base);
  const uint64_t low = r[0];  // latches TIME_HIGH
  const uint64_t high = r[1];
  return high << 32 | low;
}
