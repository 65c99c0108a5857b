// Credentials: taskman keeps each process's real, effective and saved ids
// and applies POSIX's rules (sys/procmsg.h _PROC_GETCRED / _PROC_SETCRED).
// Without taskman (a program the kernel loaded itself) there are no
// credentials to ask for: the getters answer root, what such a program is.
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

_proc_cred ask_cred() {
  const _proc_hdr m = {_PROC_GETCRED, 0, sizeof m};
  _proc_cred c = {};
  if (taskman_send(&m, sizeof m, &c, sizeof c) < 0) c = _proc_cred{};  // the getters cannot fail (POSIX)
  return c;
}

int set_cred(uint32_t which, uint32_t id) {
  const _proc_setcred m = {{_PROC_SETCRED, 0, sizeof m}, which, id};
  return static_cast<int>(from_kernel_result(taskman_send(&m, sizeof m, nullptr, 0)));
}

}  // namespace

QRV_LIBC_FN(uid_t, getuid, ()) { return ask_cred().ruid; }
QRV_LIBC_FN(uid_t, geteuid, ()) { return ask_cred().euid; }
QRV_LIBC_FN(gid_t, getgid, ()) { return ask_cred().rgid; }
QRV_LIBC_FN(gid_t, getegid, ()) { return ask_cred().egid; }
QRV_LIBC_FN(int, setuid, (uid_t uid)) { return set_cred(_PROC_SETCRED_UID, uid); }
QRV_LIBC_FN(int, seteuid, (uid_t uid)) { return set_cred(_PROC_SETCRED_EUID, uid); }
QRV_LIBC_FN(int, setgid, (gid_t gid)) { return set_cred(_PROC_SETCRED_GID, gid); }
QRV_LIBC_FN(int, setegid, (gid_t gid)) { return set_cred(_PROC_SETCRED_EGID, gid); }

}  // namespace qrv::libc
