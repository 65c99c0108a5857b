// The user-mode test payload: runs libc's on-board test program and the
// bad-arguments program as real U-mode processes, and reports how each ended.
#include "kernel/arch/arch.h"
#include "kernel/arch/riscv/csr.h"
#include "kernel/console/console.h"
#include "kernel/init/payload.h"
#include "kernel/kext/pa.h"
#include "kernel/proc/user_run.h"

extern "C" const char libc_smoke_elf_start[], libc_smoke_elf_end[];
extern "C" const char bad_args_elf_start[], bad_args_elf_end[];

namespace {
UserRunResult run(const char* start, const char* end, const char* name) {
  UserRunResult r = user_run(start, static_cast<size_t>(end - start), name);
  if (r.elf != ElfStatus::kOk) {
    kprintf("user: %s: bad ELF: %s\n", name, elf_status_name(r.elf));
  } else if (r.status != Status::kOk) {
    kprintf("user: %s: not started: %s\n", name, status_name(r.status));
  } else if (r.exited) {
    kprintf("user: %s exited with status %ld\n", name, r.exit_status);
  }
  return r;
}
}  // namespace

void kernel_payload(const BootInfo&) {
  UserRunResult smoke = run(libc_smoke_elf_start, libc_smoke_elf_end, "libc_smoke");
  // Baseline after one program: the address-space cache now holds its slab.
  const uint64_t free0 = mem_free_size();
  UserRunResult bad = run(bad_args_elf_start, bad_args_elf_end, "bad_args");
  // Two more programs, one killed: teardown leaves nothing behind.
  UserRunResult again = run(libc_smoke_elf_start, libc_smoke_elf_end, "libc_smoke");
  const bool leak_free = mem_free_size() == free0;
  kprintf("user: memory after 3 programs: %s\n", leak_free ? "all returned" : "LEAKED");
  const bool ok = smoke.exited && smoke.exit_status == 0 && again.exited && again.exit_status == 0 &&
                  bad.faulted && bad.fault_cause == csr::kStorePageFault && bad.fault_addr == 0x8 &&
                  leak_free;
  arch_shutdown(ok);
}
