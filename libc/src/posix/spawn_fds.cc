// posix_spawn_file_actions_* and the child's descriptor plan (spawn_fds.h).
#include "libc/src/posix/spawn_fds.h"

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/neutrino/io_link.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {

enum class ActionKind : int32_t { kClose, kDup2, kOpen };

struct SpawnFileAction {
  ActionKind kind;
  int32_t fd;
  int32_t newfd;  // dup2
  int32_t oflag;  // open
  uint32_t mode;
  char* path;  // open: a copy
};

namespace {

constexpr int kOCloexec = 02000000;

int add(PosixSpawnFileActions* fa, const SpawnFileAction& a) {
  if (fa->count == fa->cap) {
    const int32_t cap = fa->cap == 0 ? 4 : 2 * fa->cap;
    void* grown = realloc(fa->actions, static_cast<size_t>(cap) * sizeof(SpawnFileAction));
    if (grown == nullptr) return QRV_ENOMEM;
    fa->actions = static_cast<SpawnFileAction*>(grown);
    fa->cap = cap;
  }
  fa->actions[fa->count++] = a;
  return 0;
}

bool fd_ok(int fd) { return fd >= 0 && fd < kFdMax; }

struct Source {
  bool open;
  struct _proc_spawn_fd fd;  // fd is the caller's here (src_coid = fd)
};

// The caller's fd as a source, or false when it is not open (or its server
// is gone).
bool source_of(int fd, Source* s, bool skip_cloexec) {
  struct qrv_server_info info = {};
  if (!fd_ok(fd) || ConnectServerInfo_r(0, fd, &info) != fd || info.pid == 0) return false;
  if (skip_cloexec && (info.flags & QRV_NTO_COF_CLOEXEC) != 0) return false;
  *s = Source{true, {fd, fd, info.pid, info.chid}};
  return true;
}

}  // namespace

QRV_LIBC_FN(int, posix_spawn_file_actions_init, (PosixSpawnFileActions * fa)) {
  *fa = PosixSpawnFileActions{0, 0, nullptr};
  return 0;
}

QRV_LIBC_FN(int, posix_spawn_file_actions_destroy, (PosixSpawnFileActions * fa)) {
  for (int32_t i = 0; i < fa->count; ++i) free(fa->actions[i].path);
  free(fa->actions);
  *fa = PosixSpawnFileActions{0, 0, nullptr};
  return 0;
}

QRV_LIBC_FN(int, posix_spawn_file_actions_addclose, (PosixSpawnFileActions * fa, int fd)) {
  if (!fd_ok(fd)) return QRV_EBADF;
  return add(fa, {ActionKind::kClose, fd, 0, 0, 0, nullptr});
}

QRV_LIBC_FN(int, posix_spawn_file_actions_adddup2, (PosixSpawnFileActions * fa, int fd, int newfd)) {
  if (!fd_ok(fd) || !fd_ok(newfd)) return QRV_EBADF;
  return add(fa, {ActionKind::kDup2, fd, newfd, 0, 0, nullptr});
}

QRV_LIBC_FN(int, posix_spawn_file_actions_addopen,
            (PosixSpawnFileActions * fa, int fd, const char* path, int oflag, mode_t mode)) {
  if (!fd_ok(fd)) return QRV_EBADF;
  if (path == nullptr) return QRV_EINVAL;
  char* copy = strdup(path);
  if (copy == nullptr) return QRV_ENOMEM;
  const int r = add(fa, {ActionKind::kOpen, fd, 0, oflag, mode, copy});
  if (r != 0) free(copy);
  return r;
}

uint32_t open_fds(struct _proc_spawn_fd* out, uint64_t* cloexec) {
  static_assert(kFdMax <= 64, "one bit per descriptor");
  uint32_t n = 0;
  *cloexec = 0;
  // One kernel call per open fd (and one to find there are no more).
  struct qrv_server_info info = {};
  for (int fd = 0; fd < kFdMax;) {
    const int next = ConnectServerInfo_r(0, fd, &info);
    if (next < fd || next >= kFdMax) break;
    if (info.pid != 0) {  // (0: a connection whose server is gone)
      out[n++] = {next, next, info.pid, info.chid};
      if ((info.flags & QRV_NTO_COF_CLOEXEC) != 0) *cloexec |= uint64_t{1} << next;
    }
    fd = next + 1;
  }
  return n;
}

int spawn_plan_fds(const PosixSpawnFileActions* actions, const int* fd_map, int fd_count, SpawnFdPlan* plan) {
  plan->n = plan->ntemps = 0;
  Source child[kFdMax] = {};
  if (fd_map != nullptr) {
    if (fd_count > kFdMax) return QRV_EINVAL;
    for (int i = 0; i < fd_count; ++i) {
      if (fd_map[i] != -1 && !source_of(fd_map[i], &child[i], false)) return QRV_EBADF;
    }
  } else {
    struct _proc_spawn_fd open[kFdMax];
    uint64_t cloexec = 0;
    const uint32_t n = open_fds(open, &cloexec);
    for (uint32_t i = 0; i < n; ++i) {
      if ((cloexec & (uint64_t{1} << open[i].fd)) == 0) child[open[i].fd] = Source{true, open[i]};
    }
  }
  const int32_t n = actions != nullptr ? actions->count : 0;
  for (int32_t i = 0; i < n; ++i) {
    const SpawnFileAction& a = actions->actions[i];
    switch (a.kind) {
      case ActionKind::kClose:
        child[a.fd].open = false;  // closing what is not open is no error (POSIX 2008 TC2)
        break;
      case ActionKind::kDup2:
        if (child[a.fd].open) {
          child[a.newfd] = child[a.fd];
        } else if (a.fd != a.newfd || !source_of(a.fd, &child[a.newfd], false)) {
          // (dup2 onto itself clears close-on-exec: the caller's fd goes over.)
          spawn_plan_done(plan);
          return QRV_EBADF;
        }
        break;
      case ActionKind::kOpen: {
        const long t = io_open(a.path, a.oflag | kOCloexec, a.mode);
        if (t < 0) {
          spawn_plan_done(plan);
          return static_cast<int>(-t);
        }
        plan->temps[plan->ntemps++] = static_cast<int>(t);
        if (!source_of(static_cast<int>(t), &child[a.fd], false)) {
          spawn_plan_done(plan);
          return QRV_EBADF;
        }
        break;
      }
    }
  }
  for (int fd = 0; fd < kFdMax; ++fd) {
    if (!child[fd].open) continue;
    struct _proc_spawn_fd f = child[fd].fd;
    f.src_coid = f.fd;  // the caller's
    f.fd = fd;          // the child's
    plan->fds[plan->n++] = f;
  }
  return 0;
}

void spawn_plan_done(SpawnFdPlan* plan) {
  for (uint32_t i = 0; i < plan->ntemps; ++i) (void)io_close(plan->temps[i]);
  plan->ntemps = 0;
}

}  // namespace qrv::libc
