// The bodies of syscall_tm_priv's slots (ker_tm_priv.cc holds the table and
// the gate). Each copies and validates its own argument struct (fault-safe)
// and answers -errno, never a kernel fault. `caller` is the calling
// process: taskman, or a child whose loader thread is running (only for the
// slots ker_tm_priv marks as loader slots).
#pragma once

#include <cstdint>

#include "kernel/lib/result.h"

struct tProcess;

// tm_proc.cc
int64_t tm_proc_create(tProcess* caller, uint64_t arg);
int64_t tm_proc_query(tProcess* caller, uint64_t arg);
int64_t tm_thread_query(tProcess* caller, uint64_t arg);
int64_t tm_proc_reap(tProcess* caller, uint64_t arg);
int64_t tm_loader_done(tProcess* caller, uint64_t arg);
int64_t tm_proc_set_session(tProcess* caller, uint64_t arg);
int64_t tm_proc_set_limits(tProcess* caller, uint64_t arg);

// tm_mem.cc
int64_t tm_map_anon(tProcess* caller, uint64_t arg);
int64_t tm_protect(tProcess* caller, uint64_t arg);
int64_t tm_boot_image_map(tProcess* caller, uint64_t arg);

// tm_dev.cc
int64_t tm_map_phys(tProcess* caller, uint64_t arg);
int64_t tm_proc_io_priv(tProcess* caller, uint64_t arg);
int64_t tm_console_info(tProcess* caller, uint64_t arg);
int64_t tm_clock_set(tProcess* caller, uint64_t arg);
int64_t tm_system_info(tProcess* caller, uint64_t arg);

// A kernel Status as the errno a slot answers.
int64_t tm_errno_of(Status s);
