// The message-passing test payload: runs user/tests/ipc_test in its four
// roles as separate processes (a server, a client that dies REPLY-blocked, a
// server that dies under its clients, and the checking client), then checks
// that every kernel object they made is gone, every heap byte and page is
// back, and the kernel is consistent (kcheck.h).
#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/init/payload.h"
#include "kernel/lib/format.h"
#include "kernel/init/bkl.h"
#include "kernel/proc/kcheck.h"
#include "kernel/proc/process.h"

extern "C" const char ipc_test_elf_start[], ipc_test_elf_end[];

namespace {
tProcess* spawn(std::span<const char* const> argv) {
  SpawnResult r = process_spawn_args(ipc_test_elf_start, static_cast<size_t>(ipc_test_elf_end - ipc_test_elf_start),
                                     argv);
  if (r.proc == nullptr) kprintf("ipc: %s not started\n", argv[1]);
  return r.proc;
}

// Waits for proc and reports how it ended; true for exit status 0.
bool finish(tProcess* proc, const char* role) {
  if (proc == nullptr) return false;
  process_wait(proc);
  const bool ok = !proc->faulted && proc->term_signal == 0 && proc->exit_status == 0;
  kprintf("ipc: %s (pid %u) %s, status %ld\n", role, proc->pid, ok ? "exited" : "FAILED", proc->exit_status);
  process_free(proc);
  return ok;
}
}  // namespace

void kernel_payload(const BootInfo&) {
  qrv_kernel_counts before;
  {
    TicketLockGuard guard(bkl());
    before = leak_baseline();
  }
  static char spid[16], vpid[16];
  const char* const server_argv[] = {"ipc_server", "server"};
  tProcess* server = spawn(server_argv);
  bool ok = server != nullptr;
  if (ok) {
    ksnprintf(spid, sizeof spid, "%u", server->pid);
    const char* const doomed_argv[] = {"ipc_doomed", "doomed", spid};
    // The doomed client dies while REPLY-blocked: its exit status is 0.
    ok = finish(spawn(doomed_argv), "doomed client") && ok;
    const char* const victim_argv[] = {"ipc_victim", "victim"};
    tProcess* victim = spawn(victim_argv);
    if (victim != nullptr) ksnprintf(vpid, sizeof vpid, "%u", victim->pid);
    const char* const client_argv[] = {"ipc_client", "client", spid, vpid};
    ok = finish(spawn(client_argv), "client") && ok;
    ok = finish(victim, "victim server") && ok;
    ok = finish(server, "server") && ok;
  }
  TicketLockGuard guard(bkl());
  const char* bad = kernel_check();
  if (bad != nullptr) kprintf("ipc: kernel_check: %s\n", bad);
  const bool clean = leak_check(before, "ipc") && bad == nullptr;
  const qrv_kernel_counts after = leak_baseline();
  kprintf("ipc: kernel objects after the run: %llu processes, %llu threads, %llu channels, %llu connections, "
          "%llu pulses: %s\n",
          static_cast<unsigned long long>(after.processes), static_cast<unsigned long long>(after.threads),
          static_cast<unsigned long long>(after.channels), static_cast<unsigned long long>(after.connections),
          static_cast<unsigned long long>(after.pulses), clean ? "all released" : "LEAKED");
  arch_shutdown(ok && clean);
}
