// The descriptors a spawned child starts with: the caller's that are not
// close-on-exec (or QNX spawn()'s fd_map), changed by posix_spawn's file
// actions in order. The plan is what _PROC_SPAWN carries (sys/procmsg.h
// _proc_spawn_fd); files the actions open are the caller's until the child
// has them, then closed.
#pragma once

#include <stdint.h>

#include "libc/include/sys/procmsg.h"
#include "libc/src/neutrino/io_link.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {

struct SpawnFdPlan {
  struct _proc_spawn_fd fds[_PROC_SPAWN_FDS];
  uint32_t n = 0;
  int temps[_PROC_SPAWN_FDS];  // the caller's fds opened for addopen actions
  uint32_t ntemps = 0;
};

// The caller's open descriptors (at most kFdMax, in out), each its own
// source (fd == src_coid); *cloexec: those that are close-on-exec (bit fd).
// The count.
uint32_t open_fds(struct _proc_spawn_fd* out, uint64_t* cloexec);

// Fills plan; 0 or an errno (EBADF: an action names a descriptor that is
// not there; an open action's own error). fd_map: nullptr, or fd_count
// entries. On error nothing stays open.
int spawn_plan_fds(const PosixSpawnFileActions* actions, const int* fd_map, int fd_count, SpawnFdPlan* plan);

// Closes the plan's temporary descriptors (after the spawn, whatever its outcome).
void spawn_plan_done(SpawnFdPlan* plan);

}  // namespace qrv::libc
