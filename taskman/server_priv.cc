// The privileged corner of taskman's messages (sys/procmsg.h): credentials,
// resource limits (only root raises a maximum), the wall clock (root sets
// it), I/O privilege for drivers
// (ThreadCtl(_NTO_TCTL_IO): effective root only) and device memory for them. The kernel checks again what it can (the I/O
// flag before any device mapping, and that the range is a device's).
#include <errno.h>

#include "kernel/abi/tm_priv.h"
#include "taskman/server.h"

namespace taskman {

void Server::do_setcred(int rcvid, int32_t caller, const struct _proc_setcred& m) {
  tTMprocess* p = table_.find(caller);
  if (p == nullptr) return fail(rcvid, ESRCH);
  const int r = cred_set(&p->cred, m.which, m.id);
  if (r < 0) return fail(rcvid, -r);
  (void)MsgReply_r(rcvid, 0, nullptr, 0);
}

void Server::do_rlimit(int rcvid, int32_t caller, const struct _proc_rlimit& m) {
  tTMprocess* p = table_.find(caller);
  if (p == nullptr) return fail(rcvid, ESRCH);
  if (m.set > 1 || m.resource >= _PROC_RLIM_NLIMITS) return fail(rcvid, EINVAL);
  const Limit old = p->rlimits.r[m.resource];
  if (m.set == 1) {
    if (const int r = rlimit_set(&p->rlimits, m.resource, Limit{m.cur, m.max}, cred_is_root(p->cred)); r < 0) {
      return fail(rcvid, -r);
    }
    if (m.resource == _PROC_RLIM_NOFILE) {  // the kernel holds the descriptors
      struct qrv_tm_limits lim = {caller, static_cast<uint32_t>(m.cur), 0};
      if (const int r = syscall_tm_priv_r(__KER_TM_PROC_SET_LIMITS, &lim); r < 0) {
        p->rlimits.r[m.resource] = old;
        return fail(rcvid, -r);
      }
    }
  }
  reply(rcvid, _proc_rlimit_reply{old.cur, old.max});
}

void Server::do_clock_set(int rcvid, int32_t caller, const struct _proc_clock_set& m) {
  const tTMprocess* p = table_.find(caller);
  if (p == nullptr) return fail(rcvid, ESRCH);
  if (!cred_is_root(p->cred)) return fail(rcvid, EPERM);
  struct qrv_tm_clock_set req = {m.ns, 0};
  const int r = syscall_tm_priv_r(__KER_TM_CLOCK_SET, &req);
  if (r < 0) return fail(rcvid, -r);
  (void)MsgReply_r(rcvid, 0, nullptr, 0);
}

void Server::do_io_priv(int rcvid, int32_t caller) {
  const tTMprocess* p = table_.find(caller);
  if (p == nullptr) return fail(rcvid, ESRCH);
  if (!cred_is_root(p->cred)) return fail(rcvid, EPERM);
  const int r = syscall_tm_priv_r(__KER_TM_PROC_IO_PRIV, reinterpret_cast<void*>(static_cast<uintptr_t>(caller)));
  if (r < 0) return fail(rcvid, -r);
  (void)MsgReply_r(rcvid, 0, nullptr, 0);
}

void Server::do_mmap_phys(int rcvid, int32_t caller, const struct _proc_mmap_phys& m) {
  tTMprocess* p = table_.find(caller);
  if (p == nullptr) return fail(rcvid, ESRCH);
  constexpr uint32_t kRw = QRV_TM_PROT_READ | QRV_TM_PROT_WRITE;
  if (m.len == 0 || m.len > kMmapTop - kMmapBase || m.paddr % 4096 != 0 || (m.prot & ~kRw) != 0 || m.reserved != 0) {
    return fail(rcvid, EINVAL);
  }
  const uint64_t len = (m.len + 4095) & ~uint64_t{4095};
  const uint64_t va = take_mmap_range(p, len);
  if (va == 0) return fail(rcvid, ENOMEM);
  struct qrv_tm_map_phys req = {va, len, m.paddr, caller, m.prot | QRV_TM_PROT_READ};
  const int r = syscall_tm_priv_r(__KER_TM_MAP_PHYS, &req);
  if (r < 0) return fail(rcvid, -r);  // EPERM without I/O privilege, EACCES for RAM
  reply(rcvid, _proc_mmap_reply{va, len});
}

}  // namespace taskman
