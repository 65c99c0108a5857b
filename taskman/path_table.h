// taskman's path manager (QNX procnto's): which server owns which part of
// the path namespace. Servers attach paths (sys/procmsg.h _PROC_PATH_*);
// open() resolves a path here to a (pid, chid, handle) and the rest of the
// path, then talks to that server alone. Plain logic over untrusted input,
// host-tested; no path ever reaches a fixed buffer unchecked.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace taskman {

inline constexpr uint32_t kPathMax = 1024;        // _PROC_PATH_MAX, the NUL included
inline constexpr uint32_t kNameMax = 255;         // _PROC_NAME_MAX
inline constexpr uint32_t kMountPathMax = 256;    // an attached path, the NUL included
inline constexpr uint32_t kPathEntries = 64;
inline constexpr uint32_t kPathFlagDir = 1;       // _PROC_PATH_DIR
inline constexpr uint32_t kPathFlagUnion = 2;     // _PROC_PATH_UNION

// `path` made absolute against `cwd` (itself normalized) and normalized
// lexically: no empty, "." or ".." components, no trailing '/', "/" alone for
// the root ("/.." is "/"). Writes at most `cap` bytes; 0, or -ENOENT (an
// empty path), -ENAMETOOLONG (a component past kNameMax, or no room).
int path_normalize(const char* cwd, const char* path, char* out, size_t cap);

struct PathEntry {
  uint32_t seq = 0;  // 0: free; larger is newer
  int32_t pid = 0;
  int32_t chid = 0;
  uint32_t handle = 0;
  uint32_t flags = 0;
  char path[kMountPathMax] = {};
};

struct Resolution {
  const PathEntry* entry = nullptr;  // nullptr: a directory taskman makes up
  const char* rest = nullptr;        // within the resolved path: what lies below the mount point
};

class PathTable {
 public:
  // `path` (normalized) served by pid on chid: 0, or -EEXIST (owned, and not
  // by union attachments only), -EINVAL (bad flags, chid), -ENAMETOOLONG,
  // -EAGAIN (table full).
  int attach(const char* path, int32_t pid, int32_t chid, uint32_t handle, uint32_t flags);

  // pid's attachment of `path` goes: 0 or -ENOENT.
  int detach(const char* path, int32_t pid);

  // Every attachment of pid goes (it ended). Returns how many.
  uint32_t remove_pid(int32_t pid);

  // The owner of normalized `path`: the attachment with the longest
  // component-wise prefix (exact, or any prefix for a kPathFlagDir one; the
  // newest among equals). With none, a path above some attachment ("/dev" for
  // "/dev/null", "/" when anything is attached) resolves to a made-up
  // directory. 0, or -ENOENT, -ENOTDIR (a non-directory attachment lies on
  // the way, as "/dev/null" for "/dev/null/x").
  int resolve(const char* path, Resolution* out) const;

  // The index'th distinct name directly below made-up directory `path`, in
  // attachment order, copied to name (cap bytes); false past the last.
  bool child_name(const char* path, uint32_t index, char* name, size_t cap) const;

 private:
  PathEntry entries_[kPathEntries];
  uint32_t next_seq_ = 1;
};

}  // namespace taskman
