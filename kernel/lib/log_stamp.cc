// log_stamp_format and log_stamps_wanted (see log_stamp.h).
#include "kernel/lib/log_stamp.h"

namespace {
constexpr const char kOffWord[] = "console.timestamps=0";

// Digits of v, most significant first, at least min_digits (zero-padded) and
// left-padded with spaces to `width`.
size_t put_number(char* out, uint64_t v, size_t min_digits, size_t width) {
  char digits[20];
  size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < min_digits) digits[n++] = '0';
  size_t len = 0;
  for (size_t pad = n; pad < width; ++pad) out[len++] = ' ';
  while (n > 0) out[len++] = digits[--n];
  return len;
}
}  // namespace

size_t log_stamp_format(uint64_t ticks, uint64_t hz, char (&buf)[kLogStampMax]) {
  if (hz == 0) {
    buf[0] = '\0';
    return 0;
  }
  // (ticks % hz) < hz, so the product stays below 10^6 * 2^64 / 2^44 for any hz
  // under 2^44 Hz (17 THz): no overflow for a real timebase.
  const uint64_t micros = (ticks % hz) * 1000000 / hz;
  size_t len = 0;
  buf[len++] = '[';
  len += put_number(buf + len, ticks / hz, 1, 5);
  buf[len++] = '.';
  len += put_number(buf + len, micros, 6, 6);
  buf[len++] = ']';
  buf[len++] = ' ';
  buf[len] = '\0';
  return len;
}

bool log_stamps_wanted(const char* bootargs) {
  if (bootargs == nullptr) {
    return true;
  }
  for (const char* p = bootargs; *p != '\0'; ++p) {
    if (p != bootargs && p[-1] != ' ') {
      continue;  // words start after a space
    }
    size_t i = 0;
    while (kOffWord[i] != '\0' && p[i] == kOffWord[i]) ++i;
    if (kOffWord[i] == '\0' && (p[i] == '\0' || p[i] == ' ')) {
      return false;
    }
  }
  return true;
}
