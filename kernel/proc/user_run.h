// The first U-mode programs: load a static ELF into a fresh address space,
// run its one thread on this hart until it exits or faults, and tear the
// address space down. The scheduler and taskman's loader replace the
// "until it exits" part; loading, entry, kernel calls, user faults and
// teardown are the real paths.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/lib/elf.h"
#include "kernel/lib/result.h"

struct UserRunResult {
  ElfStatus elf = ElfStatus::kOk;  // why loading failed, if it did
  Status status = Status::kOk;     // or which resource ran out
  bool exited = false;             // ThreadDestroy(-1, ...) ended it
  bool faulted = false;            // a fault ended it
  int64_t exit_status = 0;
  uint64_t fault_cause = 0;
  uint64_t fault_pc = 0;
  uint64_t fault_addr = 0;
};

// Runs `elf` with argv = {name}. Prints nothing itself except the one-line
// fault report.
UserRunResult user_run(const void* elf, size_t size, const char* name);

// Where user programs' stacks live (ARCHITECTURE.md: 0x1_0000_0000 and up).
inline constexpr uint64_t kUserStackTop = 0x0000002000000000ull;
inline constexpr uint64_t kUserStackSize = 256 * 1024;
