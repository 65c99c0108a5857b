// Frame-pointer backtraces. The kernel is built with -fno-omit-frame-pointer,
// so every frame is: fp -> [fp-8] return address, [fp-16] caller's fp
// (RISC-V psABI frame layout with GCC's frame pointer).
#pragma once

#include <cstdint>

// Prints `pc`, then the return address of each frame from `fp` upwards.
// `leaf_ra` is the ra register when `pc` may be inside a leaf function (a
// trap), or 0.
void backtrace_print(uint64_t pc, uint64_t fp, uint64_t leaf_ra);
