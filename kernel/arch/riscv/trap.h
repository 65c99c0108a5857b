// Trap handling: install the vector, and let a caller expect one trap.
//
// An expected trap (trap_expect) is how the kernel recovers from a fault it
// provoked on purpose: the next trap with that cause resumes at `resume_pc`
// instead of being reported. In-kernel tests use it now; copyin/copyout's
// fault recovery will use the same hook. Anything else is an unexpected trap:
// reported with scause, sepc, stval and a backtrace, then a kernel panic.
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/trap_frame.h"

void trap_init();

// ExpectedTrap.cause that catches a load or a store/AMO page fault: an LR/SC
// pair takes the first at LR (unmapped) and the second at SC (read-only).
// Expecting a load (store) page fault also catches a load (store) access
// fault: device memory or a hole behind a user mapping (trap.cc).
inline constexpr uint64_t kExpectDataPageFault = ~uint64_t{0};

struct ExpectedTrap {
  uint64_t cause;      // scause value to catch, or kExpectDataPageFault
  uint64_t resume_pc;  // where to continue when it happens
  bool hit;            // set by the trap handler
  uint64_t stval;      // what stval said
  uint64_t sepc;       // where it happened
};

// Arms `expect` for the next trap on this hart (it lives in this hart's Cpu);
// disarm with trap_expect(nullptr).
void trap_expect(ExpectedTrap* expect);

extern "C" void trap_dispatch(TrapFrame* frame);

// Provided by the process layer (kernel/proc): a kernel call from user mode
// (a7 = number, a0..a5 = arguments, result to a0; trap_entry.S has already
// advanced sepc past the ecall), and every other trap from user mode
// (interrupts; faults, which end the program with a one-line report).
extern "C" void syscall_dispatch(TrapFrame* frame);
void user_trap(TrapFrame* frame);

const char* trap_cause_name(uint64_t scause);
