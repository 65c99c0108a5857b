// The user test programs' assertions: count passes and failures and name each
// failure; the program prints "<name>: N passed, N failed" at the end.
#pragma once

#include <stdio.h>
#include <sys/neutrino.h>

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

// Whether the kernel's objects and memory are the same in both counts. A
// live process (a server, init) may have touched more of its demand-zero
// memory meanwhile: free memory plus what live processes hold must match.
inline bool same_counts(const qrv_kernel_counts& a, const qrv_kernel_counts& b) {
  return a.processes == b.processes && a.threads == b.threads && a.channels == b.channels &&
         a.connections == b.connections && a.pulses == b.pulses && a.timers == b.timers &&
         a.heap_bytes == b.heap_bytes && a.free_bytes + a.user_bytes == b.free_bytes + b.user_bytes;
}

inline int report(const char* name) {
  printf("%s: %d passed, %d failed\n", name, passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace qrv_test
