// Processes and threads: spawning a program from an ELF image, creating,
// ending and joining threads, ending a whole process, and reaping what is
// left once a thread no longer runs. All with the big kernel lock held
// (process_spawn and process_wait take it themselves).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "kernel/lib/elf.h"
#include "kernel/lib/result.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/proc/thread.h"

// Where user programs' stacks live (ARCHITECTURE.md: 0x1_0000_0000 and up).
inline constexpr uint64_t kUserStackTop = 0x0000002000000000ull;
inline constexpr uint64_t kUserStackSize = 256 * 1024;

struct SpawnResult {
  ElfStatus elf = ElfStatus::kOk;  // why the image was refused, if it was
  Status status = Status::kOk;     // or which resource ran out
  tProcess* proc = nullptr;
};

// Loads `elf` into a new address space and makes its main thread ready
// (argv = {name}). Takes the BKL.
SpawnResult process_spawn(const void* elf, size_t size, const char* name);

// The same with a whole argument vector (argv[0] names the process; the
// strings must outlive it). At most kMaxSpawnArgs (kInvalidArgument).
inline constexpr size_t kMaxSpawnArgs = 8;
SpawnResult process_spawn_args(const void* elf, size_t size, std::span<const char* const> argv);

// Loads taskman (an ET_EXEC linked in root slot 3, 0xC000_0000: kTaskmanBase)
// and gives it QRV_FLG_PROC_TM_PRIV, which no other process ever has.
SpawnResult process_spawn_taskman(const void* elf, size_t size);

// Runs threads on this hart until `proc` has finished (its address space is
// gone); then the caller may read its exit fields and free it.
void process_wait(tProcess* proc);
void process_free(tProcess* proc);

// A new thread in `proc` starting at pc with sp and a0 = arg.
Result<tThread*> thread_create(tProcess* proc, uint64_t pc, uint64_t sp, uint64_t arg,
                               uint8_t priority);

// The calling thread ends with `value`; never returns.
[[noreturn]] void thread_exit(uint64_t value);

// The calling thread's process ends with `status`: other threads die when
// they next enter the kernel (running ones are sent an IPI). Never returns.
[[noreturn]] void process_exit(int64_t status);

// Live processes, their thread objects and their timers in use.
struct ProcessCounts {
  uint64_t processes = 0;
  uint64_t threads = 0;
  uint64_t timers = 0;
};
ProcessCounts process_counts();

// The process table: slot i's process (live or exiting), or nullptr.
inline constexpr uint32_t kMaxProcesses = 64;
tProcess* process_slot(uint32_t i);

// The pid the next process_spawn gives (pids are handed out in order).
uint32_t process_next_pid();

// The live process with this pid, or nullptr.
tProcess* process_find(uint32_t pid);

// A signal's default "terminate" action: every thread of proc dies (the
// caller too, without returning, if it belongs to proc).
void process_terminate(tProcess* proc, int signo);

// ThreadJoin: waits for thread `tid` of the caller's process; its value goes
// to *value. Errors: negative errno.
int64_t thread_join(uint32_t tid, uint64_t* value);

// Frees a dead thread's kernel stack (it is not running any more) and, when
// it was its process's last, the process's address space.
void thread_reap(tThread* t);

// Called at every kernel entry from user mode: a thread whose process is
// exiting dies here.
[[noreturn]] void thread_exit_with_process();
inline void thread_check_exiting() {
  const tThread* cur = this_cpu()->current;
  if (cur->proc != nullptr && cur->proc->exiting) {
    thread_exit_with_process();
  }
}
