// Per-hart data. In the kernel `tp` holds this hart's Cpu*; while a hart runs
// user code `sscratch` holds it instead (and is 0 in the kernel), which is how
// trap_entry.S tells a trap from U-mode from one taken in the kernel.
// The first fields are read by assembly: their offsets are asserted below.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/arch/riscv/trap.h"

inline constexpr uint32_t kMaxHarts = 8;

struct Cpu {
  uint64_t kstack_top;  // trap entry from U-mode switches to this stack
  uint64_t scratch;     // trap entry parks the user sp here
  uint64_t satp;        // secondary_entry loads this page table
  Cpu* self;
  uint64_t stack_lo;    // this hart's kernel stack [stack_lo, stack_hi): backtraces
  uint64_t stack_hi;
  uint32_t hart_id;     // the hardware id (mhartid)
  uint32_t index;       // 0 .. online harts - 1, boot hart first
  uint32_t online;      // set (release) once the hart runs its idle loop
  uint32_t ipis;        // software interrupts this hart has taken
  ExpectedTrap* expected_trap;
  struct tThread* current;  // the thread this hart runs (its idle thread when none)
  struct tThread* idle;     // this hart's idle thread
  struct tThread* reap;     // a thread that exited on this hart, freed after the switch
  uint32_t kicked;          // set with the BKL before an IPI to this idle hart: look at the ready queue
  const void* fp_owner;     // the thread whose FP values this hart's registers hold (fpu.h)
  // Work for the return to user mode (sched.h), tested as one word there.
  union {
    struct {
      uint16_t lazy_kick;  // a thread was readied without an IPI: kick on the 2nd return to user
      uint16_t preempt;    // the current thread should give way
    };
    uint32_t return_work;
  };
  uint32_t unlocked_call;  // in a kernel call that runs without the BKL (syscall_dispatch)
  uint32_t asid;           // the address space this hart runs (its ASID; 0: the kernel's), set at each switch
  uint32_t ipi_requested;  // set by smp_send_ipi before the SSIP, cleared by its handler (hart_park.h)
};

static_assert(offsetof(Cpu, kstack_top) == 0);
static_assert(offsetof(Cpu, scratch) == 8);
static_assert(offsetof(Cpu, satp) == 16);

inline Cpu* this_cpu() {
  Cpu* c;
  asm volatile("mv %0, tp" : "=r"(c));
  return c;
}

// All harts' Cpu records, by index; cpu_count() of them are in use.
// Inline: the scheduler walks them on every wake-up.
extern Cpu g_cpus[];
extern uint32_t g_cpu_count;
inline Cpu* cpu_at(uint32_t index) { return index < kMaxHarts ? &g_cpus[index] : nullptr; }
inline uint32_t cpu_count() { return __atomic_load_n(&g_cpu_count, __ATOMIC_ACQUIRE); }

// Lets user mode read the cycle, time and instret counters on this hart.
void cpu_allow_user_counters();

// The boot hart's record: called first thing in kmain.
void cpu_init_boot(uint32_t hart_id);
