// ThreadCtl: QNX's per-thread (here, per-process) controls. The one QRV has
// is _NTO_TCTL_IO, I/O privilege for drivers, which is policy (root only)
// and so taskman's to grant (sys/procmsg.h _PROC_IO_PRIV); the kernel then
// lets the process attach interrupts and have device memory.
#include "kernel/abi/errno.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"

namespace qrv::libc {

namespace {
constexpr int kTctlIo = 14;  // sys/neutrino.h _NTO_TCTL_IO
}  // namespace

QRV_LIBC_FN(int, ThreadCtl_r, (int cmd, void* data)) {
  (void)data;
  if (cmd != kTctlIo) return -QRV_ENOSYS;
  const _proc_hdr m = {_PROC_IO_PRIV, 0, sizeof m};
  const long r = taskman_send(&m, sizeof m, nullptr, 0);
  return r < 0 ? static_cast<int>(r) : 0;
}

QRV_LIBC_FN(int, ThreadCtl, (int cmd, void* data)) {
  return static_cast<int>(from_kernel_result(ThreadCtl_r(cmd, data)));
}

}  // namespace qrv::libc
