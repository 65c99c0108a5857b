// The syscall_tm_priv whitelist (see ker_tm_priv.h). Each slot's body
// copies and validates its own argument struct (fault-safe, errors as
// values). Slots whose bodies come with the rest of the process-manager
// work (spawn) answer ENOSYS: a slot is never a silent success.
#include "kernel/kext/ker_tm_priv.h"

#include <array>

#include "kernel/abi/errno.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/init/boot_image.h"
#include "kernel/init/payload.h"
#include "kernel/mm/aspace.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {
using TmPrivFn = int64_t (*)(tProcess* caller, uint64_t arg);

int64_t tm_not_built(tProcess*, uint64_t) { return -QRV_ENOSYS; }

int64_t errno_of(Status s) {
  switch (s) {
    case Status::kOk: return 0;
    case Status::kNoMemory: return -QRV_ENOMEM;
    case Status::kAlreadyMapped:
    case Status::kBusy: return -QRV_EEXIST;
    default: return -QRV_EINVAL;
  }
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
  return errno_of(mm_map_phys(caller->as, VirtAddr(req.va), PhysAddr(lo), len, kProtRead));
}

constexpr std::array<TmPrivFn, QRV_KER_TM_COUNT> make_table() {
  std::array<TmPrivFn, QRV_KER_TM_COUNT> t{};
  t[__KER_TM_PROC_CREATE] = tm_not_built;
  t[__KER_TM_PA_ALLOC] = tm_not_built;
  t[__KER_TM_ASPACE_MEMCPY] = tm_not_built;
  t[__KER_TM_PROC_QUERY] = tm_not_built;
  t[__KER_TM_BOOT_IMAGE_MAP] = tm_boot_image_map;
  return t;
}

constexpr std::array<TmPrivFn, QRV_KER_TM_COUNT> kTmPriv = make_table();

// The enum and the table cannot drift: every slot the X-macro lists is one
// entry, numbers are dense from 0, and no entry is left empty.
#define QRV_COUNT_SLOT_(upper, number) +1
static_assert(QRV_KER_TM_COUNT == 0 QRV_KER_TM_SLOTS(QRV_COUNT_SLOT_),
              "tm_priv.h and ker_tm_priv disagree: slots must be dense from 0");
#undef QRV_COUNT_SLOT_
constexpr bool every_slot_filled() {
  for (TmPrivFn fn : kTmPriv) {
    if (fn == nullptr) return false;
  }
  return true;
}
static_assert(every_slot_filled(), "a __KER_TM_* slot has no entry in ker_tm_priv");
}  // namespace

int64_t ker_tm_priv(uint64_t id, uint64_t arg) {
  tProcess* caller = sched_current()->proc;
  if ((caller->flags & QRV_FLG_PROC_TM_PRIV) == 0) return -QRV_EPERM;  // before the id: no slot is visible
  if (id >= kTmPriv.size()) return -QRV_ENOSYS;
  return kTmPriv[id](caller, arg);
}
