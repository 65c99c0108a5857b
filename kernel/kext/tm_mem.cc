// Memory slots of syscall_tm_priv: anonymous pages into a process, their
// protection, and the boot image into taskman. A target is never given
// pages in taskman's root slot 3 unless it is taskman: that slot is
// present in taskman's page table only (ARCHITECTURE.md).
#include "kernel/abi/errno.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/init/boot_image.h"
#include "kernel/init/payload.h"
#include "kernel/kext/tm_slots.h"
#include "kernel/mm/aspace.h"
#include "kernel/proc/process.h"

int64_t tm_errno_of(Status s) {
  switch (s) {
    case Status::kOk: return 0;
    case Status::kNoMemory: return -QRV_ENOMEM;
    case Status::kAlreadyMapped:
    case Status::kBusy: return -QRV_EEXIST;
    case Status::kNotMapped: return -QRV_ENOMEM;  // mprotect's errno for an unmapped page
    default: return -QRV_EINVAL;
  }
}

namespace {

// The process a qrv_tm_map names: pid 0 or the caller's own pid is the
// caller; a loader may name nobody else.
tProcess* map_target(tProcess* caller, int32_t pid) {
  if (pid == 0 || static_cast<uint32_t>(pid) == caller->pid) return caller;
  if ((caller->flags & QRV_FLG_PROC_TM_PRIV) == 0 || pid < 0) return nullptr;
  return process_find(static_cast<uint32_t>(pid));  // live ones only
}

uint32_t prot_of(uint32_t p) {
  return ((p & QRV_TM_PROT_READ) ? kProtRead : 0) | ((p & QRV_TM_PROT_WRITE) ? kProtWrite : 0) |
         ((p & QRV_TM_PROT_EXEC) ? kProtExec : 0);
}

// Checks everything but the target's mappings; 0 or -errno.
int64_t check_map(const qrv_tm_map& m, const tProcess* target, bool lazy_ok) {
  constexpr uint32_t kAll = QRV_TM_PROT_READ | QRV_TM_PROT_WRITE | QRV_TM_PROT_EXEC;
  constexpr uint32_t kRw = QRV_TM_PROT_READ | QRV_TM_PROT_WRITE;
  if ((m.prot & QRV_TM_PROT_LAZY) != 0 && (!lazy_ok || m.prot != (kRw | QRV_TM_PROT_LAZY))) return -QRV_EINVAL;
  if ((m.prot & ~(kAll | QRV_TM_PROT_LAZY)) != 0 || (m.prot & kAll) == 0) return -QRV_EINVAL;
  if ((m.prot & QRV_TM_PROT_WRITE) && (m.prot & QRV_TM_PROT_EXEC)) return -QRV_EINVAL;  // nothing is W+X
  if (m.len == 0 || m.va % kPageSize != 0 || m.len % kPageSize != 0) return -QRV_EINVAL;
  if (m.va < kUserBase || m.va >= kUserTop || m.len > kUserTop - m.va) return -QRV_EINVAL;
  const bool in_slot3 = m.va < kTaskmanTop && m.va + m.len > kTaskmanBase;
  if (in_slot3 && (target->flags & QRV_FLG_PROC_TM_PRIV) == 0) return -QRV_EINVAL;
  return 0;
}

// The request and its target, checked; nullptr with *err set otherwise.
tProcess* map_request(tProcess* caller, uint64_t arg, bool lazy_ok, qrv_tm_map* m, int64_t* err) {
  *err = copy_from_user(m, arg, sizeof *m) ? 0 : -QRV_EFAULT;
  if (*err != 0) return nullptr;
  tProcess* target = map_target(caller, m->pid);
  if (target == nullptr || target->as == nullptr) {
    *err = -QRV_ESRCH;
    return nullptr;
  }
  *err = check_map(*m, target, lazy_ok);
  return *err == 0 ? target : nullptr;
}

}  // namespace

int64_t tm_map_anon(tProcess* caller, uint64_t arg) {
  qrv_tm_map m;
  int64_t err = 0;
  tProcess* target = map_request(caller, arg, true, &m, &err);
  if (target == nullptr) return err;
  if ((m.prot & QRV_TM_PROT_LAZY) != 0) return tm_errno_of(mm_reserve_lazy(target->as, VirtAddr(m.va), m.len));
  return tm_errno_of(mm_map_anon(target->as, VirtAddr(m.va), m.len, prot_of(m.prot)));
}

int64_t tm_protect(tProcess* caller, uint64_t arg) {
  qrv_tm_map m;
  int64_t err = 0;
  tProcess* target = map_request(caller, arg, false, &m, &err);
  if (target == nullptr) return err;
  return tm_errno_of(mm_protect(target->as, VirtAddr(m.va), m.len, prot_of(m.prot)));
}

// __KER_TM_BOOT_IMAGE_MAP: the boot image's pages, read-only, at req.va.
// The struct is written (probed) before anything is mapped, so a bad
// pointer leaves nothing behind.
int64_t tm_boot_image_map(tProcess* caller, uint64_t arg) {
  qrv_tm_boot_image_map req;
  if (!copy_from_user(&req, arg, sizeof req)) return -QRV_EFAULT;
  BootImage image;
  if (boot_image_open(kernel_boot_info(), &image) != BootImageStatus::kOk) return -QRV_ENOENT;
  const uint64_t lo = align_down(image.pa, kPageSize);
  const uint64_t len = align_up(image.pa + image.size, kPageSize) - lo;
  if (req.va % kPageSize != 0 || req.va < kUserBase || req.va >= kUserTop || len > kUserTop - req.va) {
    return -QRV_EINVAL;
  }
  req.size = image.size;
  req.offset = image.pa - lo;
  req.reserved = 0;
  if (!copy_to_user(arg, &req, sizeof req)) return -QRV_EFAULT;
  return tm_errno_of(mm_map_phys(caller->as, VirtAddr(req.va), PhysAddr(lo), len, kProtRead));
}
