// Host TLB hooks for the Sv39 engine: no hardware to fence, so each
// shootdown point is counted (and the last addresses kept) for tests.
#pragma once

#include <cstdint>

#include "kernel/mm/page_table.h"

struct TlbRecorder {
  uint64_t local = 0;       // flush_local with one address
  uint64_t local_all = 0;   // flush_local(kFlushAllVa)
  uint64_t remote = 0;      // flush_remote, any address
  VirtAddr last_local;
  uint16_t last_asid = 0;

  TlbHooks hooks();
};
