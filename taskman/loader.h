// The loader: the code a child's first thread runs, in the child's address
// space, while the taskman view (root slot 3) is installed (seed story:
// "the loader thread problem"). It maps the ELF's PT_LOAD segments with
// their permissions, copies their bytes from the boot image, builds the
// stack, and ends with LOADER_DONE, which removes the view and continues
// the same thread at the program's entry. A fork's child (job->fork) has
// its parent's copy already: nothing is loaded, and the thread continues
// where the parent's fork() said. Before that it gives the child its
// descriptors: a connection to each one's server and an _IO_DUP there (a
// server that never answers stalls only this spawn). Everything it touches of taskman's
// (its code, this job, its stack, the boot image) lies in slot 3: the rest
// of taskman's address space is not there. It runs with gp set by
// loader_entry and no tp: no errno, no malloc, no stdio.
#pragma once

#include <stdint.h>
#include "libc/include/sys/procmsg.h"

#include "kernel/lib/elf.h"
#include "taskman/rlimit.h"
#include "taskman/spawn_args.h"

namespace taskman {

// Where a program's segments may lie: above page 0, below taskman's slot 3.
inline constexpr uint64_t kProgramBase = 0x1000;
inline constexpr uint64_t kProgramTop = 0xC0000000;
inline constexpr uint32_t kLoaderJobs = 4;  // spawns loading at once (EAGAIN beyond)
inline constexpr uint64_t kLoaderStackBytes = 8 * 1024;
// The child's stack (ARCHITECTURE.md: 0x1_0000_0000 and up, below kUserTop),
// of RLIMIT_STACK's size (rlimit_stack_bytes: at most kStackMax).
inline constexpr uint64_t kChildStackTop = 0x0000002000000000ull;

struct LoaderJob {
  // taskman's bookkeeping
  bool busy = false;
  int32_t pid = 0;    // the child
  int32_t rcvid = 0;  // the spawner, replied to once the loading is over
  // the loader's input
  bool fork = false;  // a copy of its parent: no program, no stack to build
  uint64_t entry = 0;  // where the child starts: the ELF's entry, or fork()'s
  uint64_t sp = 0;     // fork: the child's sp (a spawn builds its stack)
  const uint8_t* elf = nullptr;  // spawn: in the boot image (slot 3)
  ElfImage img = {};
  SpawnArgs args = {};          // spawn: points into msg
  const struct _proc_spawn_fd* fds = nullptr;  // the child's descriptors, in msg
  uint32_t nfds = 0;
  uint64_t cloexec = 0;  // of those, the fds (bit fd) that stay close-on-exec
  uint64_t sigmask = 0;
  bool set_sigmask = false;
  uint64_t sigignore = 0;  // spawn: signals the child starts ignoring
  bool set_sched = false;  // the child's main thread gets sched_policy and sched_priority
  int32_t sched_policy = 0;
  int32_t sched_priority = 0;
  int32_t parent_pid = 0;  // whose descriptors fds names
  uint64_t stack_bytes = 0;  // spawn: the child's main stack (RLIMIT_STACK)
  alignas(16) uint8_t msg[sizeof(struct _proc_spawn) + _PROC_SPAWN_MAX] = {};
  static_assert(sizeof(struct _proc_fork) + _PROC_SPAWN_FDS * sizeof(struct _proc_spawn_fd) <= sizeof msg);
  alignas(16) uint8_t stack[kLoaderStackBytes] = {};
};

}  // namespace taskman

// The loader thread's first instruction (loader_entry.S): sets gp, clears
// tp, fp and ra, and calls loader_main(job). Never returns.
extern "C" void loader_entry(taskman::LoaderJob* job);
extern "C" [[noreturn]] void loader_main(taskman::LoaderJob* job);
