// The user test programs' assertions: count passes and failures and name each
// failure; the program prints "<name>: N passed, N failed" at the end.
#pragma once

#include <stdio.h>

namespace qrv_test {

inline int passed = 0;
inline int failed = 0;

inline void expect(bool ok, const char* what) {
  if (ok) {
    ++passed;
  } else {
    ++failed;
    printf("FAIL: %s\n", what);
  }
}

// A result that must be exactly `want` (a kernel call's -errno, say): a
// failure shows both numbers.
inline void expect_eq(long got, long want, const char* what) {
  if (got == want) {
    ++passed;
  } else {
    ++failed;
    printf("FAIL: %s: got %ld, want %ld\n", what, got, want);
  }
}

inline int report(const char* name) {
  printf("%s: %d passed, %d failed\n", name, passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace qrv_test
