// The syscall_tm_priv whitelist (see ker_tm_priv.h). Each slot's body
// copies and validates its own argument struct (fault-safe, errors as
// values). Slots whose bodies come with the process-manager work answer
// ENOSYS: a slot is never a silent success.
#include "kernel/kext/ker_tm_priv.h"

#include <array>

#include "kernel/abi/errno.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/proc/sched.h"

namespace {
using TmPrivFn = int64_t (*)(tProcess* caller, uint64_t arg);

int64_t tm_not_built(tProcess*, uint64_t) { return -QRV_ENOSYS; }

constexpr std::array<TmPrivFn, QRV_KER_TM_COUNT> make_table() {
  std::array<TmPrivFn, QRV_KER_TM_COUNT> t{};
  t[__KER_TM_PROC_CREATE] = tm_not_built;
  t[__KER_TM_PA_ALLOC] = tm_not_built;
  t[__KER_TM_ASPACE_MEMCPY] = tm_not_built;
  t[__KER_TM_PROC_QUERY] = tm_not_built;
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
