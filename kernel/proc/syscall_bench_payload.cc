// Runs the user-mode kernel-call benchmark (user/bench/null_call) and powers off.
#include "kernel/arch/arch.h"
#include "kernel/init/payload.h"
#include "kernel/proc/user_run.h"

extern "C" const char null_call_elf_start[], null_call_elf_end[];

void kernel_payload(const BootInfo&) {
  UserRunResult r = user_run(null_call_elf_start,
                             static_cast<size_t>(null_call_elf_end - null_call_elf_start), "null_call");
  arch_shutdown(r.exited && r.exit_status == 0);
}
