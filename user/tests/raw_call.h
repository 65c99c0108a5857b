// A kernel call through a raw ecall, every register exactly as the caller
// says (no libc wrapper narrowing or checking anything): for the programs
// that feed the kernel bad arguments on purpose (bad_args, kfuzz).
#pragma once

namespace qrv_test {

inline long ker(long number, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0) {
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

}  // namespace qrv_test
