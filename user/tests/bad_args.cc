// A user program that feeds kernel calls bad arguments and checks each gets
// an error, not a crash: kernel and unmapped pointers (EFAULT), absurd
// lengths (EINVAL), unknown call numbers (ENOSYS). Then it faults on purpose
// with a store to page 0, which must kill it with a report and nothing else.
#include <errno.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/tests/check.h"

using qrv_test::expect;

namespace {
long raw_call(long number, long a0, long a1) {
  register long r_a0 asm("a0") = a0;
  register long r_a1 asm("a1") = a1;
  register long r_a7 asm("a7") = number;
  asm volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a7) : "memory");
  return r_a0;
}
}  // namespace

int main() {
  const char* kernel_text = reinterpret_cast<const char*>(0xffffffc080200000ul);
  expect(DebugConsoleWrite_r(kernel_text, 16) == -EFAULT, "kernel pointer is EFAULT");
  expect(DebugConsoleWrite_r(reinterpret_cast<const char*>(0x3000000000ul), 8) == -EFAULT,
         "unmapped pointer is EFAULT");
  expect(DebugConsoleWrite_r(reinterpret_cast<const char*>(0x10), 8) == -EFAULT, "page 0 is EFAULT");
  expect(DebugConsoleWrite_r("x", ~0ul) == -EINVAL, "huge length is EINVAL");
  expect(DebugConsoleWrite_r(nullptr, 0) == 0, "zero length is fine");
  uint64_t now = 0;
  expect(ClockTime_r(CLOCK_MONOTONIC, nullptr, &now) == 0 && now != 0, "ClockTime reads");
  expect(ClockTime_r(CLOCK_MONOTONIC, nullptr, reinterpret_cast<uint64_t*>(0xffffffc080209000ul)) == -EFAULT,
         "ClockTime into the kernel is EFAULT");
  expect(ClockTime_r(CLOCK_MONOTONIC, nullptr, reinterpret_cast<uint64_t*>(0x10000ul)) == -EFAULT,
         "ClockTime into read-only text is EFAULT");
  expect(raw_call(0, 0, 0) == -ENOSYS, "call 0 is ENOSYS");
  expect(raw_call(1000, 0, 0) == -ENOSYS, "call 1000 is ENOSYS");
  expect(raw_call(-1, 0, 0) == -ENOSYS, "call -1 is ENOSYS");
  qrv_test::report("bad_args");
  fflush(stdout);
  unsigned long page0 = 0x8;
  asm("" : "+r"(page0));  // hide the constant from the compiler's bounds checks
  *reinterpret_cast<volatile int*>(page0) = 1;  // killed here
  return 99;
}
