// Writes a number in decimal for the "Unknown error N" / "Unknown signal N"
// messages, without the printf engine (the string library sits below stdio).
#pragma once

namespace qrv::libc {

// Writes v at p (at most 20 bytes, no terminator) and returns the end.
inline char* write_decimal(char* p, long long v) {
  unsigned long long u = static_cast<unsigned long long>(v);
  if (v < 0) {
    *p++ = '-';
    u = 0 - u;
  }
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (n > 0) *p++ = digits[--n];
  return p;
}

}  // namespace qrv::libc
