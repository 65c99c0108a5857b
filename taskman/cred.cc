// POSIX's setuid/seteuid/setgid/setegid rules (cred.h).
#include "taskman/cred.h"

#include "kernel/abi/errno.h"
#include "libc/include/sys/procmsg.h"

namespace taskman {

int cred_set(Cred* c, uint32_t which, uint32_t id) {
  if (id == kNoId) return -QRV_EINVAL;
  const bool root = cred_is_root(*c);
  switch (which) {
    case _PROC_SETCRED_UID:
      if (root) {
        c->ruid = c->euid = c->suid = id;
        return 0;
      }
      [[fallthrough]];
    case _PROC_SETCRED_EUID:
      if (!root && id != c->ruid && id != c->suid) return -QRV_EPERM;
      c->euid = id;
      return 0;
    case _PROC_SETCRED_GID:
      if (root) {
        c->rgid = c->egid = c->sgid = id;
        return 0;
      }
      [[fallthrough]];
    case _PROC_SETCRED_EGID:
      if (!root && id != c->rgid && id != c->sgid) return -QRV_EPERM;
      c->egid = id;
      return 0;
    default:
      return -QRV_EINVAL;
  }
}

}  // namespace taskman
