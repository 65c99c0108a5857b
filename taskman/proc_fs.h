// The paths taskman serves itself, through libc's resource-manager library
// on its own channel: /proc/boot (the boot image, read-only: files and
// readdir), /proc (a node per process: proc_pid.cc) and the made-up
// directories above other servers' mount points ("/", "/dev", ... listing
// the next components). Every handler answers at
// once: taskman's one thread never blocks.
#pragma once

#include <stdint.h>

#include "libc/src/resmgr/dispatch.h"
#include "taskman/imagefs.h"
#include "taskman/path_table.h"
#include "taskman/proc_table.h"

namespace taskman {

class ProcFs {
 public:
  // Attaches all three to `dpp` (locally), and /proc and /proc/boot in
  // `paths` as pid 1. 0, or -errno.
  int init(dispatch_t* dpp, const ImageFs* fs, PathTable* paths, const ProcTable* procs, int chid);

  // The handle a resolution to a made-up directory names.
  uint32_t dir_handle() const { return dir_id_; }

  // The shape of ImageFs and PathTable the handlers use (set by init).
  const ImageFs* fs() const { return fs_; }
  const PathTable* paths() const { return paths_; }
  const ProcTable* procs() const { return procs_; }

 private:
  // /proc itself (proc_pid.cc): the local attachment id, or -errno.
  int attach_pids(dispatch_t* dpp);

  const ImageFs* fs_ = nullptr;
  const PathTable* paths_ = nullptr;
  const ProcTable* procs_ = nullptr;
  uint32_t boot_id_ = 0;
  uint32_t dir_id_ = 0;
};

}  // namespace taskman
