// The user-mode test payload: runs libc's on-board test program, the
// bad-arguments program, the threads program and the others as real U-mode
// processes (on every hart the board has), and reports how each ended.
// After each one the kernel must be back at its baseline (objects, heap
// bytes, free memory: kcheck.h) and consistent.
#include "kernel/arch/arch.h"
#include "kernel/arch/riscv/csr.h"
#include "kernel/console/console.h"
#include "kernel/init/payload.h"
#include "kernel/init/bkl.h"
#include "kernel/proc/kcheck.h"
#include "kernel/proc/process.h"

extern "C" const char libc_smoke_elf_start[], libc_smoke_elf_end[];
extern "C" const char bad_args_elf_start[], bad_args_elf_end[];
extern "C" const char threads_elf_start[], threads_elf_end[];
extern "C" const char sched_test_elf_start[], sched_test_elf_end[];
extern "C" const char sync_test_elf_start[], sync_test_elf_end[];
extern "C" const char fault_elf_start[], fault_elf_end[];
extern "C" const char signal_test_elf_start[], signal_test_elf_end[];
extern "C" const char timer_test_elf_start[], timer_test_elf_end[];
extern "C" const char sigaction_test_elf_start[], sigaction_test_elf_end[];
extern "C" const char kcall_regress_elf_start[], kcall_regress_elf_end[];
extern "C" const char high_image_elf_start[], high_image_elf_end[];

namespace {
struct Outcome {
  bool ran = false;
  bool faulted = false;
  int64_t status = 0;
  int term_signal = 0;
  uint64_t fault_cause = 0;
  uint64_t fault_addr = 0;
};

// Set after the first program (which may warm caches); every later program
// must leave the kernel exactly there.
bool g_have_baseline = false;
qrv_kernel_counts g_baseline;
bool g_clean = true;

void account(const char* name) {
  TicketLockGuard guard(bkl());
  if (const char* bad = kernel_check()) {
    kprintf("user: after %s: kernel_check: %s\n", name, bad);
    g_clean = false;
  }
  if (!g_have_baseline) {
    g_baseline = leak_baseline();
    g_have_baseline = true;
  } else if (!leak_check(g_baseline, name)) {
    g_clean = false;
  }
}

Outcome run(const char* start, const char* end, const char* name, const char* arg = nullptr) {
  Outcome o;
  const char* const argv[] = {name, arg};
  SpawnResult r = process_spawn_args(start, static_cast<size_t>(end - start),
                                     std::span<const char* const>(argv, arg != nullptr ? 2 : 1));
  if (r.elf != ElfStatus::kOk) {
    kprintf("user: %s: bad ELF: %s\n", name, elf_status_name(r.elf));
    return o;
  }
  if (r.status != Status::kOk) {
    kprintf("user: %s: not started: %s\n", name, status_name(r.status));
    return o;
  }
  process_wait(r.proc);
  o.ran = true;
  o.faulted = r.proc->faulted;
  o.status = r.proc->exit_status;
  o.term_signal = r.proc->term_signal;
  o.fault_cause = r.proc->fault_cause;
  o.fault_addr = r.proc->fault_addr;
  if (o.term_signal != 0 && !o.faulted) {
    kprintf("user: %s (pid %u) ended by signal %d\n", name, r.proc->pid, o.term_signal);
  } else if (!o.faulted) {
    kprintf("user: %s exited with status %ld\n", name, o.status);
  }
  process_free(r.proc);
  account(name);
  return o;
}
}  // namespace

void kernel_payload(const BootInfo&) {
  Outcome smoke = run(libc_smoke_elf_start, libc_smoke_elf_end, "libc_smoke");
  Outcome bad = run(bad_args_elf_start, bad_args_elf_end, "bad_args");
  Outcome threads = run(threads_elf_start, threads_elf_end, "threads");
  Outcome sched = run(sched_test_elf_start, sched_test_elf_end, "sched_test");
  Outcome sync = run(sync_test_elf_start, sync_test_elf_end, "sync_test");
  // Each kind of user fault kills only its program.
  struct {
    const char* name;
    uint64_t cause;
  } const faults[] = {
      {"fault_illegal", csr::kIllegalInsn},        {"fault_misaligned", csr::kStoreMisaligned},
      {"fault_stack", csr::kStorePageFault},       {"fault_exec_data", csr::kInsnPageFault},
      {"fault_kernel_read", csr::kLoadPageFault}, {"fault_taskman_read", csr::kLoadPageFault},
  };
  bool faults_ok = true;
  for (const auto& f : faults) {
    Outcome o = run(fault_elf_start, fault_elf_end, f.name);
    // A misaligned AMO may be reported as a load or a store (QEMU: load).
    const bool cause_ok = o.fault_cause == f.cause ||
                          (f.cause == csr::kStoreMisaligned && o.fault_cause == csr::kLoadMisaligned);
    faults_ok = faults_ok && o.ran && o.faulted && cause_ok;
  }
  Outcome signal = run(signal_test_elf_start, signal_test_elf_end, "signal_test");
  Outcome timer = run(timer_test_elf_start, timer_test_elf_end, "timer_test");
  Outcome sigaction = run(sigaction_test_elf_start, sigaction_test_elf_end, "sigaction_test");
  // A handler at an unmapped address faults; a signal on an unmapped stack
  // cannot be delivered (SIGSEGV): either kills only its program.
  Outcome bad_handler = run(sigaction_test_elf_start, sigaction_test_elf_end, "sigaction_bad_handler");
  Outcome bad_stack = run(sigaction_test_elf_start, sigaction_test_elf_end, "sigaction_bad_stack");
  Outcome regress = run(kcall_regress_elf_start, kcall_regress_elf_end, "kcall_regress");
  // Threads caught holding message copies as their process ends.
  bool leak_roles = true;
  for (const char* role : {"leak_receive", "leak_reply", "leak_pulse"}) {
    Outcome o = run(kcall_regress_elf_start, kcall_regress_elf_end, "kcall_regress", role);
    leak_roles = leak_roles && o.ran && !o.faulted && o.status == 0;
  }
  Outcome again = run(libc_smoke_elf_start, libc_smoke_elf_end, "libc_smoke");
  // Nothing but taskman is loaded into taskman's root slot.
  const SpawnResult high = process_spawn(high_image_elf_start, static_cast<size_t>(high_image_elf_end - high_image_elf_start),
                                         "high_image");
  const bool high_refused = high.proc == nullptr && high.elf == ElfStatus::kSegmentOutOfRange;
  if (high_refused) kprintf("user: high_image refused: segment outside the user window\n");
  account("high_image");
  const bool leak_free = g_clean;
  kprintf("user: kernel after 21 programs: %s\n", leak_free ? "back at baseline, consistent" : "LEAKED or INCONSISTENT");
  const bool ok = smoke.ran && smoke.status == 0 && again.ran && again.status == 0 && threads.ran &&
                  !threads.faulted && threads.status == 0 && sched.ran && !sched.faulted && sched.status == 0 &&
                  sync.ran && !sync.faulted && sync.status == 0 && faults_ok &&
                  signal.ran && signal.term_signal == 15 && timer.ran && timer.term_signal == 14 &&
                  sigaction.ran && sigaction.term_signal == 9 && bad_handler.ran && bad_handler.faulted &&
                  bad_handler.fault_cause == csr::kInsnPageFault && bad_stack.ran && !bad_stack.faulted &&
                  bad_stack.term_signal == 11 && regress.ran && !regress.faulted && regress.status == 0 &&
                  leak_roles && high_refused &&
                  bad.faulted &&
                  bad.fault_cause == csr::kStorePageFault && bad.fault_addr == 0x8 && leak_free;
  arch_shutdown(ok);
}
