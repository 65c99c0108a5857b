// Kernel calls in host tests: there is no QRV kernel, so each call goes to the
// hook a test installs (to check what a wrapper passes and how it maps the
// result); without one every call fails with ENOSYS.
#include "kernel/abi/errno.h"
#include "libc/src/neutrino/kernel_call.h"

namespace qrv::libc {
namespace {
HostKernel g_kernel = nullptr;
}  // namespace

void set_host_kernel(HostKernel kernel) { __atomic_store_n(&g_kernel, kernel, __ATOMIC_RELEASE); }

long kernel_call(long number, long a0, long a1, long a2, long a3, long a4, long a5) {
  const HostKernel kernel = __atomic_load_n(&g_kernel, __ATOMIC_ACQUIRE);
  if (kernel == nullptr) return -QRV_ENOSYS;
  const long args[6] = {a0, a1, a2, a3, a4, a5};
  return kernel(number, args);
}

}  // namespace qrv::libc
