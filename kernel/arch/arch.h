// The architecture interface generic kernel code calls. Each arch directory
// (kernel/arch/riscv today) implements it; generic code never tests the arch.
#pragma once

#include <cstdint>

// Powers the machine off. `success` is visible outside: under QEMU it becomes
// the emulator's exit status (0, or 1 for failure). Never returns.
[[noreturn]] void arch_shutdown(bool success);

// Tells arch_shutdown about a board's test-finisher device (physical address),
// which reports failure to QEMU more reliably than firmware does. 0 = none.
void arch_set_finisher(uint64_t pa);

// Prints a backtrace of the caller.
void arch_backtrace_here();

// Stops this hart for good, interrupts off.
[[noreturn]] void arch_halt();
