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
  uint64_t user_pages = 0;  // owned pages and page tables of their address spaces
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

// A stop signal's default action: proc's threads stop at their next return
// to user mode (process_stop_point), running ones brought there by an IPI;
// blocked ones finish their wait first. SIGCONT's: they run again. Each
// change is noticed to taskman (QRV_PULSE_CODE_PROCJOBCTL). Nothing for an
// exiting process, or taskman itself (it must keep serving).
void process_stop(tProcess* proc, int signo);
void process_continue(tProcess* proc);

// The calling thread, on its way back to user mode: it waits here while its
// process is stopped (and dies here if it is killed meanwhile).
void process_stop_point();

// Queues a taskman child's job-control notice (QRV_PULSE_CODE_PROCJOBCTL),
// unless one is queued already (jobctl.cc, after a stop or continue).
void process_notice_jobctl(tProcess* proc);

// Re-arms a taskman child's job-control notice once the last was queued
// (PROC_QUERY: taskman has looked).
void process_rearm_jobctl(tProcess* proc);

// taskman's children (the PROC_* slots of syscall_tm_priv, kernel/kext).
struct ChildSpec {
  const char* name;     // copied (at most 31 bytes)
  uint64_t loader_pc;   // the loader thread: taskman code, a0 = loader_arg
  uint64_t loader_sp;
  uint64_t loader_arg;
  int32_t notify_chid;  // taskman's channel: QRV_TASKMAN_COID and the notices
  uint8_t priority;
  const tProcess* fork_from = nullptr;  // fork: a copy of its address space and dispositions
};

// A LOADING process with the taskman view, QRV_TASKMAN_COID and a loader
// thread; with fork_from (live, loaded, not taskman), a copy of its user
// memory (mm_mcopy) and signal dispositions. Errors: kInvalidArgument (no
// such channel), kBusy (table full), kNoMemory.
Result<tProcess*> process_create_child(const ChildSpec& spec);

// LOADER_DONE from the calling thread (see kernel/abi/tm_priv.h): 0 with the
// thread now at the child's entry, or -errno. With error != 0 it does not
// return: the process ends.
int64_t process_loader_done(uint64_t entry, uint64_t sp, int32_t error);

// The process with this pid, live, exiting or finished (not yet reaped).
tProcess* process_find_any(uint32_t pid);

// Frees a finished child of taskman. kBusy: not finished (or not taskman's).
Status process_reap(tProcess* proc);

// ThreadJoin: waits for thread `tid` of the caller's process; its value goes
// to *value. Errors: negative errno.
int64_t thread_join(uint32_t tid, uint64_t* value);

// Frees a dead thread's kernel stack (it is not running any more) and, when
// it was its process's last, the process's address space.
void thread_reap(tThread* t);

// Per-hart set-up of what processes need (the demand-zero fault-in hook of
// the user copies). Called by sched_init_hart.
void process_init_hart();

// Called at every kernel entry from user mode: a thread whose process is
// exiting dies here.
[[noreturn]] void thread_exit_with_process();
inline void thread_check_exiting() {
  const tThread* cur = this_cpu()->current;
  if (cur->proc != nullptr && cur->proc->exiting) {
    thread_exit_with_process();
  }
}
