// The register frame trap_entry.S saves on the kernel stack. The layout is
// shared with the assembly (offsets asserted below): x[i] at 8*i, then CSRs.
#pragma once

#include <cstddef>
#include <cstdint>

struct TrapFrame {
  uint64_t x[32];  // x[0] unused (zero register); x[2] holds the trapped sp
  uint64_t sepc;
  uint64_t sstatus;
  uint64_t scause;
  uint64_t stval;

  uint64_t ra() const { return x[1]; }
  uint64_t sp() const { return x[2]; }
  uint64_t fp() const { return x[8]; }
  // Kernel-call argument i (a0..a5), raw or as a signed number.
  uint64_t arg(int i) const { return x[10 + i]; }
  int64_t sarg(int i) const { return static_cast<int64_t>(x[10 + i]); }
};

static_assert(sizeof(TrapFrame) == 36 * 8);
static_assert(sizeof(TrapFrame) % 16 == 0, "keeps sp 16-byte aligned (psABI)");
static_assert(offsetof(TrapFrame, sepc) == 256);
static_assert(offsetof(TrapFrame, sstatus) == 264);
static_assert(offsetof(TrapFrame, scause) == 272);
static_assert(offsetof(TrapFrame, stval) == 280);
