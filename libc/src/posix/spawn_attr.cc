// posix_spawnattr_* and posix_spawn_file_actions_*: the attribute objects
// posix_spawn reads (process.cc). File actions need file descriptors, which
// QRV does not have yet: adding one is ENOTSUP, so a program that depends on
// them learns it before it spawns anything.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {
constexpr int16_t kKnownFlags =
    kPosixSpawnResetids | kPosixSpawnSetpgroup | kPosixSpawnSetsigdef | kPosixSpawnSetsigmask | kPosixSpawnSetsid;
}  // namespace

QRV_LIBC_FN(int, posix_spawnattr_init, (PosixSpawnAttr * a)) {
  *a = PosixSpawnAttr{0, 0, 0, 0, 0};
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_destroy, (PosixSpawnAttr*)) { return 0; }

QRV_LIBC_FN(int, posix_spawnattr_getflags, (const PosixSpawnAttr* a, int16_t* flags)) {
  *flags = a->flags;
  return 0;
}

// RESETIDS is accepted: QRV has one set of credentials, so the child's
// effective ids are its real ones already.
QRV_LIBC_FN(int, posix_spawnattr_setflags, (PosixSpawnAttr * a, int16_t flags)) {
  if ((flags & ~kKnownFlags) != 0) return QRV_EINVAL;
  a->flags = flags;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_getpgroup, (const PosixSpawnAttr* a, pid_t* pgroup)) {
  *pgroup = a->pgroup;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_setpgroup, (PosixSpawnAttr * a, pid_t pgroup)) {
  if (pgroup < 0) return QRV_EINVAL;
  a->pgroup = pgroup;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_getsigmask, (const PosixSpawnAttr* a, sigset_t* mask)) {
  *mask = a->sigmask;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_setsigmask, (PosixSpawnAttr * a, const sigset_t* mask)) {
  a->sigmask = *mask;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_getsigdefault, (const PosixSpawnAttr* a, sigset_t* set)) {
  *set = a->sigdefault;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_setsigdefault, (PosixSpawnAttr * a, const sigset_t* set)) {
  a->sigdefault = *set;
  return 0;
}

QRV_LIBC_FN(int, posix_spawn_file_actions_init, (PosixSpawnFileActions * fa)) {
  *fa = PosixSpawnFileActions{0, 0};
  return 0;
}

QRV_LIBC_FN(int, posix_spawn_file_actions_destroy, (PosixSpawnFileActions*)) { return 0; }

QRV_LIBC_FN(int, posix_spawn_file_actions_addclose, (PosixSpawnFileActions*, int fd)) {
  return fd < 0 ? QRV_EBADF : QRV_ENOTSUP;
}

QRV_LIBC_FN(int, posix_spawn_file_actions_adddup2, (PosixSpawnFileActions*, int fd, int newfd)) {
  return fd < 0 || newfd < 0 ? QRV_EBADF : QRV_ENOTSUP;
}

QRV_LIBC_FN(int, posix_spawn_file_actions_addopen,
            (PosixSpawnFileActions*, int fd, const char* path, int, mode_t)) {
  if (fd < 0) return QRV_EBADF;
  return path == nullptr ? QRV_EINVAL : QRV_ENOTSUP;
}

}  // namespace qrv::libc
