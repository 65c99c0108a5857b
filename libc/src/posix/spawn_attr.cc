// posix_spawnattr_*: the attribute object posix_spawn reads (process.cc);
// the file actions are in spawn_fds.cc.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {
constexpr int16_t kKnownFlags = kPosixSpawnResetids | kPosixSpawnSetpgroup | kPosixSpawnSetsigdef |
                                 kPosixSpawnSetsigmask | kPosixSpawnSetsid | kPosixSpawnSetschedparam |
                                 kPosixSpawnSetscheduler;
}  // namespace

QRV_LIBC_FN(int, posix_spawnattr_init, (PosixSpawnAttr * a)) {
  *a = PosixSpawnAttr{0, 0, 0, 0, 0, QRV_SCHED_RR, 10};  // QRV's defaults: round robin at 10
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

QRV_LIBC_FN(int, posix_spawnattr_getschedparam, (const PosixSpawnAttr* a, qrv_sched_param* param)) {
  *param = qrv_sched_param{};
  param->sched_priority = a->sched_priority;
  return 0;
}

// The kernel's range: 1..255.
QRV_LIBC_FN(int, posix_spawnattr_setschedparam, (PosixSpawnAttr * a, const qrv_sched_param* param)) {
  if (param->sched_priority < 1 || param->sched_priority > 255) return QRV_EINVAL;
  a->sched_priority = param->sched_priority;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_getschedpolicy, (const PosixSpawnAttr* a, int* policy)) {
  *policy = a->sched_policy;
  return 0;
}

QRV_LIBC_FN(int, posix_spawnattr_setschedpolicy, (PosixSpawnAttr * a, int policy)) {
  if (policy != QRV_SCHED_FIFO && policy != QRV_SCHED_RR && policy != QRV_SCHED_OTHER) return QRV_EINVAL;
  a->sched_policy = policy;
  return 0;
}

}  // namespace qrv::libc
