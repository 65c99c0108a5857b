// The one way libc enters the kernel: ecall with a7 = number, a0..a5 = args,
// result in a0 (>= 0, or -errno). The board build is inline assembly
// (kernel_call_riscv.cc); host builds route calls to a test hook.
#pragma once

#include <stdint.h>

namespace qrv::libc {

long kernel_call(long number, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0,
                 long a5 = 0);

// Host builds only: the function kernel_call forwards to (nullptr: -ENOSYS).
using HostKernel = long (*)(long number, const long args[6]);
void set_host_kernel(HostKernel kernel);

}  // namespace qrv::libc
