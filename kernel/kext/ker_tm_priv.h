// syscall_tm_priv(id, arg): the one kernel call through which taskman
// reaches kernel data. It dispatches through ker_tm_priv.cc's static,
// kernel-owned whitelist (one entry per __KER_TM_* slot of
// kernel/abi/tm_priv.h) and is refused with EPERM, for every slot number,
// to any process without QRV_FLG_PROC_TM_PRIV. Runs under the BKL.
#pragma once

#include <cstdint>

int64_t ker_tm_priv(uint64_t id, uint64_t arg);
