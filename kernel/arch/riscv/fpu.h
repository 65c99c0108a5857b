// User floating-point state (F and D extensions: f0..f31 and fcsr). Lazy,
// per hart: a thread starts with sstatus.FS = Off, so its first FP
// instruction traps and turns the FPU on for it (fpu_first_use). A switch
// away from a thread whose FS is Dirty saves its registers; a switch to an
// FP-using thread loads them unless this hart's register file still holds
// exactly its values (privileged spec 3.1.6.6, the FS field).
#pragma once

#include <cstdint>

struct FpState {
  uint64_t f[32] = {};
  uint64_t fcsr = 0;
};

// Register file <-> memory; the caller makes sure sstatus.FS is not Off.
extern "C" void fpu_save(FpState* s);
extern "C" void fpu_restore(const FpState* s);
