// The syscall_tm_priv whitelist (see ker_tm_priv.h): the table and the gate.
// The slots' bodies are in tm_proc.cc, tm_mem.cc and tm_dev.cc.
#include "kernel/kext/ker_tm_priv.h"

#include <array>

#include "kernel/abi/errno.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/kext/tm_slots.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {
using TmPrivFn = int64_t (*)(tProcess* caller, uint64_t arg);

// A slot: its body, and whether a child's loader thread (taskman's code
// running in a LOADING child) may call it, on its own process.
struct TmSlot {
  TmPrivFn fn;
  bool loader;
};

constexpr std::array<TmSlot, QRV_KER_TM_COUNT> make_table() {
  std::array<TmSlot, QRV_KER_TM_COUNT> t{};
  t[__KER_TM_PROC_CREATE] = {tm_proc_create, false};
  t[__KER_TM_MAP_ANON] = {tm_map_anon, true};
  t[__KER_TM_PROTECT] = {tm_protect, true};
  t[__KER_TM_PROC_QUERY] = {tm_proc_query, false};
  t[__KER_TM_BOOT_IMAGE_MAP] = {tm_boot_image_map, false};
  t[__KER_TM_LOADER_DONE] = {tm_loader_done, true};
  t[__KER_TM_PROC_REAP] = {tm_proc_reap, false};
  t[__KER_TM_THREAD_QUERY] = {tm_thread_query, false};
  t[__KER_TM_MAP_PHYS] = {tm_map_phys, false};
  t[__KER_TM_PROC_IO_PRIV] = {tm_proc_io_priv, false};
  t[__KER_TM_CONSOLE_INFO] = {tm_console_info, false};
  t[__KER_TM_PROC_SET_SESSION] = {tm_proc_set_session, false};
  t[__KER_TM_PROC_SET_LIMITS] = {tm_proc_set_limits, false};
  t[__KER_TM_CLOCK_SET] = {tm_clock_set, false};
  t[__KER_TM_SYSTEM_INFO] = {tm_system_info, false};
  return t;
}

constexpr std::array<TmSlot, QRV_KER_TM_COUNT> kTmPriv = make_table();

// The enum and the table cannot drift: every slot the X-macro lists is one
// entry, numbers are dense from 0, and no entry is left empty.
#define QRV_COUNT_SLOT_(upper, number) +1
static_assert(QRV_KER_TM_COUNT == 0 QRV_KER_TM_SLOTS(QRV_COUNT_SLOT_),
              "tm_priv.h and ker_tm_priv disagree: slots must be dense from 0");
#undef QRV_COUNT_SLOT_
constexpr bool every_slot_filled() {
  for (TmSlot slot : kTmPriv) {
    if (slot.fn == nullptr) return false;
  }
  return true;
}
static_assert(every_slot_filled(), "a __KER_TM_* slot has no entry in ker_tm_priv");

// A LOADING child's first thread is its loader (PROC_CREATE): taskman's code.
bool is_loader(const tThread* t) { return (t->proc->flags & QRV_FLG_PROC_LOADING) != 0 && t->tid == 1; }
}  // namespace

int64_t ker_tm_priv(uint64_t id, uint64_t arg) {
  tThread* cur = sched_current();
  tProcess* caller = cur->proc;
  if ((caller->flags & QRV_FLG_PROC_TM_PRIV) != 0) {
    return id < kTmPriv.size() ? kTmPriv[id].fn(caller, arg) : -QRV_ENOSYS;
  }
  // Anyone else: EPERM before the id is looked at, so no slot is visible.
  if (!is_loader(cur) || id >= kTmPriv.size() || !kTmPriv[id].loader) return -QRV_EPERM;
  return kTmPriv[id].fn(caller, arg);
}
