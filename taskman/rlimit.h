// Resource limits (tTMprocess::rlimits): the defaults, and the rules of
// setrlimit. What each limit bounds, and where it is applied, is in
// sys/procmsg.h (_PROC_RLIMIT). Plain logic, tested on the host.
#pragma once

#include <stdint.h>

#include "libc/include/sys/procmsg.h"

namespace taskman {

struct Limit {
  uint64_t cur = 0;
  uint64_t max = 0;
};

// Zero-initialized (the process table stays in .bss); ProcTable::add fills
// them in: the parent's, or the defaults.
struct Rlimits {
  Limit r[_PROC_RLIM_NLIMITS];
};

inline constexpr uint64_t kRlimInfinity = _PROC_RLIM_INFINITY;
inline constexpr uint64_t kStackDefault = 256 * 1024;  // a child's main stack unless RLIMIT_STACK says otherwise
inline constexpr uint64_t kStackMin = 64 * 1024;       // RLIMIT_STACK below this still gives this much
inline constexpr uint64_t kStackMax = _PROC_RLIM_STACK_MAX;

// The limits of the first process (taskman's, inherited by everyone).
Rlimits rlimit_defaults();

// setrlimit(resource, want) by a process that is root or not: 0 with *rl
// changed, or -EINVAL (no such resource, cur > max, a finite RLIMIT_CPU)
// or -EPERM (a raised maximum without root; RLIMIT_NOFILE past
// _PROC_RLIM_NOFILE_MAX) with *rl unchanged.
int rlimit_set(Rlimits* rl, uint32_t resource, Limit want, bool root);

// The main stack a child gets under these limits: RLIMIT_STACK's cur,
// rounded up to a page, within [kStackMin, kStackMax].
uint64_t rlimit_stack_bytes(const Rlimits& rl);

// Whether `used` + `more` bytes stay within `limit` (overflow-safe).
inline bool rlimit_allows(uint64_t limit, uint64_t used, uint64_t more) {
  return limit == kRlimInfinity || (used <= limit && more <= limit - used);
}

}  // namespace taskman
