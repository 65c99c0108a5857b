// Kernel calls on RISC-V: the ecall instruction, registers per the QRV ABI
// (kernel/abi/kercalls.h). The kernel preserves every register but a0.
#include "libc/src/neutrino/kernel_call.h"

namespace qrv::libc {

long kernel_call(long number, long a0, long a1, long a2, long a3, long a4, long a5) {
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

}  // namespace qrv::libc
