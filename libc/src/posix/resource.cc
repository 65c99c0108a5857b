// Resource limits: taskman keeps them, inherits them to spawned children and
// applies them (sys/procmsg.h _PROC_RLIMIT says which bounds what).
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

int ask(int resource, uint32_t set, const Rlimit* in, Rlimit* out) {
  if (resource < 0) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  const _proc_rlimit m = {{_PROC_RLIMIT, 0, sizeof m}, static_cast<uint32_t>(resource), set,
                          in != nullptr ? in->cur : 0, in != nullptr ? in->max : 0};
  _proc_rlimit_reply r = {};
  const long got = from_kernel_result(taskman_send(&m, sizeof m, &r, sizeof r));
  if (got < 0) return -1;
  if (out != nullptr) *out = Rlimit{r.cur, r.max};
  return 0;
}

}  // namespace

QRV_LIBC_FN(int, getrlimit, (int resource, Rlimit* rl)) {
  if (rl == nullptr) {
    set_errno(QRV_EFAULT);
    return -1;
  }
  return ask(resource, 0, nullptr, rl);
}

QRV_LIBC_FN(int, setrlimit, (int resource, const Rlimit* rl)) {
  if (rl == nullptr) {
    set_errno(QRV_EFAULT);
    return -1;
  }
  return ask(resource, 1, rl, nullptr);
}

}  // namespace qrv::libc
