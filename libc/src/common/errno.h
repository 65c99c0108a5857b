// errno for libc's own code: one int per thread, kept in the thread block.
// set_errno takes the positive value (QRV_E*), as the kernel's -errno negated.
#pragma once

#include "kernel/abi/errno.h"

namespace qrv::libc {

// The calling thread's errno (the board's public __errno_location).
int* __errno_location();

inline void set_errno(int value) { *__errno_location() = value; }
inline int get_errno() { return *__errno_location(); }

// For a kernel-call result r (>= 0 or -errno): r if >= 0, else errno = -r and -1.
inline long from_kernel_result(long r) {
  if (r < 0 && r >= -QRV_ERRNO_MAX) {
    set_errno(static_cast<int>(-r));
    return -1;
  }
  return r;
}

}  // namespace qrv::libc
