// The one way libc enters the kernel: ecall with a7 = number, a0..a5 = args,
// result in a0 (>= 0, or -errno); the kernel preserves every register but a0.
// On the board it is inline assembly, so a wrapper like SchedYield_r is a
// handful of instructions around the ecall; host builds route calls to a
// test hook (kernel_call_host.cc).
#pragma once

#include <stdint.h>

namespace qrv::libc {

#if defined(__riscv)
inline long kernel_call(long number, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0,
                        long a5 = 0) {
  register long r0 asm("a0") = a0;
  register long r1 asm("a1") = a1;
  register long r2 asm("a2") = a2;
  register long r3 asm("a3") = a3;
  register long r4 asm("a4") = a4;
  register long r5 asm("a5") = a5;
  register long r7 asm("a7") = number;
  asm volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7) : "memory");
  return r0;
}
#else
long kernel_call(long number, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0,
                 long a5 = 0);

// Host builds only: the function kernel_call forwards to (nullptr: -ENOSYS).
using HostKernel = long (*)(long number, const long args[6]);
void set_host_kernel(HostKernel kernel);
#endif

}  // namespace qrv::libc
