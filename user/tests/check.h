// The user test programs' one assertion: counts passes and failures and names
// each failure; the program prints "<name>: N passed, N failed" at the end.
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

inline int report(const char* name) {
  printf("%s: %d passed, %d failed\n", name, passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace qrv_test
