// Trap dispatch: expected traps resume where the caller asked; everything
// else is an unexpected trap, reported and fatal for now (interrupts and
// ecalls are dispatched here once the execution work lands).
#include "kernel/arch/riscv/trap.h"

#include "kernel/arch/riscv/backtrace.h"
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/console/console.h"
#include "kernel/lib/panic.h"

extern "C" void trap_entry();

void trap_init() { QRV_CSR_WRITE(stvec, reinterpret_cast<uint64_t>(&trap_entry)); }

void trap_expect(ExpectedTrap* expect) {
  if (expect != nullptr) {
    expect->hit = false;
  }
  this_cpu()->expected_trap = expect;
}

const char* trap_cause_name(uint64_t scause) {
  if (scause & csr::kScauseInterrupt) {
    switch (scause & ~csr::kScauseInterrupt) {
      case 1: return "supervisor software interrupt";
      case 5: return "supervisor timer interrupt";
      case 9: return "supervisor external interrupt";
      default: return "unknown interrupt";
    }
  }
  switch (scause) {
    case csr::kInsnMisaligned: return "instruction address misaligned";
    case csr::kInsnAccessFault: return "instruction access fault";
    case csr::kIllegalInsn: return "illegal instruction";
    case csr::kBreakpoint: return "breakpoint";
    case csr::kLoadMisaligned: return "load address misaligned";
    case csr::kLoadAccessFault: return "load access fault";
    case csr::kStoreMisaligned: return "store/AMO address misaligned";
    case csr::kStoreAccessFault: return "store/AMO access fault";
    case csr::kEcallU: return "environment call from U-mode";
    case csr::kEcallS: return "environment call from S-mode";
    case csr::kInsnPageFault: return "instruction page fault";
    case csr::kLoadPageFault: return "load page fault";
    case csr::kStorePageFault: return "store/AMO page fault";
    default: return "reserved cause";
  }
}

namespace {
// Whether an armed ExpectedTrap for `want` catches `got`. A data access
// expecting a page fault also catches the access fault of the same kind:
// a user pointer into device memory the device refuses, or into a hole of
// the physical map, is as much a bad address as an unmapped one.
bool expected_cause(uint64_t want, uint64_t got) {
  const bool load = got == csr::kLoadPageFault || got == csr::kLoadAccessFault;
  const bool store = got == csr::kStorePageFault || got == csr::kStoreAccessFault;
  if (want == kExpectDataPageFault) return load || store;
  if (want == csr::kLoadPageFault) return load;
  if (want == csr::kStorePageFault) return store;
  return want == got;
}
}  // namespace

extern "C" void trap_dispatch(TrapFrame* frame) {
  Cpu* cpu = this_cpu();
  if ((frame->sstatus & csr::kSstatusSpp) == 0) {  // from user mode (kernel calls take
                                                    // trap_entry's fast path)
    user_trap(frame);
    return;
  }
  ExpectedTrap* expect = cpu->expected_trap;
  if (expect != nullptr && expected_cause(expect->cause, frame->scause)) {
    cpu->expected_trap = nullptr;
    expect->hit = true;
    expect->stval = frame->stval;
    expect->sepc = frame->sepc;
    frame->sepc = expect->resume_pc;
    return;
  }
  kprintf("unexpected trap on hart %u: %s\n", cpu->hart_id, trap_cause_name(frame->scause));
  kprintf("  scause 0x%016lx  sepc 0x%016lx  stval 0x%016lx\n", frame->scause, frame->sepc,
          frame->stval);
  kprintf("  sstatus 0x%016lx  ra 0x%016lx  sp 0x%016lx\n", frame->sstatus, frame->ra(), frame->sp());
  backtrace_print(frame->sepc, frame->fp(), frame->ra());
  kpanic("unexpected trap in the kernel");
}
