// Board benchmarks: instruction and time counts per operation, read from the
// instret and time counters (unprivileged spec, "Zicntr"). Run under QEMU
// with -icount shift=0 the instruction count is exact and time is virtual
// (1 instruction = 1 ns), so figures do not drift with host load.
#pragma once

#include <cstdint>

#include "kernel/console/console.h"

inline uint64_t bench_instret() {
  uint64_t v;
  asm volatile("rdinstret %0" : "=r"(v));
  return v;
}

inline uint64_t bench_time() {
  uint64_t v;
  asm volatile("rdtime %0" : "=r"(v));
  return v;
}

// Runs `op` `iters` times and prints instructions and ns per operation.
template <typename Op>
void bench_run(const char* name, uint64_t iters, uint64_t timebase_hz, Op op) {
  op();  // warm caches and lazily built structures
  const uint64_t t0 = bench_time();
  const uint64_t i0 = bench_instret();
  for (uint64_t i = 0; i < iters; ++i) {
    op();
  }
  const uint64_t insns = bench_instret() - i0;
  const uint64_t ticks = bench_time() - t0;
  const uint64_t ns = ticks * (1000000000ull / timebase_hz);
  kprintf("bench: %-32s %8lu insn/op %8lu ns/op  (%lu ops)\n", name, insns / iters, ns / iters,
          iters);
}
