// Runs the message-passing benchmark (user/bench/ipc_bench): a server and a
// client process on one hart; when the client is done the server is killed.
#include "kernel/abi/signals.h"
#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/init/bkl.h"
#include "kernel/init/payload.h"
#include "kernel/lib/format.h"
#include "kernel/proc/process.h"

extern "C" const char ipc_bench_elf_start[], ipc_bench_elf_end[];

namespace {
tProcess* spawn(std::span<const char* const> argv) {
  return process_spawn_args(ipc_bench_elf_start, static_cast<size_t>(ipc_bench_elf_end - ipc_bench_elf_start), argv)
      .proc;
}
}  // namespace

void kernel_payload(const BootInfo&) {
  const char* const server_argv[] = {"ipc_bench_server", "server"};
  tProcess* server = spawn(server_argv);
  if (server == nullptr) arch_shutdown(false);
  static char spid[16];
  ksnprintf(spid, sizeof spid, "%u", server->pid);
  const char* const client_argv[] = {"ipc_bench_client", "client", spid};
  tProcess* client = spawn(client_argv);
  if (client == nullptr) arch_shutdown(false);
  process_wait(client);
  const bool ok = !client->faulted && client->exit_status == 0;
  process_free(client);
  {
    TicketLockGuard guard(bkl());
    process_terminate(server, QRV_SIGKILL);
  }
  process_wait(server);
  process_free(server);
  arch_shutdown(ok);
}
