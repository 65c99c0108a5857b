// Device memory for drivers (QNX's mmap_device_memory): taskman maps the
// registers into the caller, which must hold I/O privilege
// (ThreadCtl(_NTO_TCTL_IO)). taskman never unmaps (mappings only grow), so
// munmap_device_memory is ENOSYS, honestly.
#include "kernel/abi/errno.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {
constexpr int kProtRead = 1, kProtWrite = 2, kProtNocache = 0x800;  // sys/mman.h
void* const kMapFailed = reinterpret_cast<void*>(~uintptr_t{0});
}  // namespace

// addr (a placement hint) and flags (MAP_SHARED and the like) do not change
// where taskman puts the mapping: device memory is always shared and never
// cached (RISC-V's PMAs decide that per physical address).
QRV_LIBC_FN(void*, mmap_device_memory, (void* addr, size_t len, int prot, int flags, uint64_t physical)) {
  (void)addr;
  (void)flags;
  if ((prot & ~(kProtRead | kProtWrite | kProtNocache)) != 0 || physical % 4096 != 0 || len == 0) {
    set_errno(QRV_EINVAL);
    return kMapFailed;
  }
  const _proc_mmap_phys m = {{_PROC_MMAP_PHYS, 0, sizeof m}, physical, len,
                             static_cast<uint32_t>(prot & (kProtRead | kProtWrite)), 0};
  _proc_mmap_reply r = {0, 0};
  const long got = taskman_send(&m, sizeof m, &r, sizeof r);
  if (got < 0) {
    set_errno(static_cast<int>(-got));
    return kMapFailed;
  }
  return reinterpret_cast<void*>(r.addr);
}

QRV_LIBC_FN(int, munmap_device_memory, (void* addr, size_t len)) {
  (void)addr;
  (void)len;
  set_errno(QRV_ENOSYS);
  return -1;
}

}  // namespace qrv::libc
