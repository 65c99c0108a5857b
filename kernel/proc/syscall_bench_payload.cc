// Runs the user-mode kernel-call benchmark (user/bench/null_call) and powers off.
#include "kernel/arch/arch.h"
#include "kernel/init/payload.h"
#include "kernel/proc/process.h"

extern "C" const char null_call_elf_start[], null_call_elf_end[];

void kernel_payload(const BootInfo&) {
  SpawnResult r = process_spawn(null_call_elf_start,
                                static_cast<size_t>(null_call_elf_end - null_call_elf_start), "null_call");
  if (r.proc == nullptr) arch_shutdown(false);
  process_wait(r.proc);
  arch_shutdown(!r.proc->faulted && r.proc->exit_status == 0);
}
