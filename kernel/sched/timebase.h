// Timebase: exact conversions between ticks of a fixed-frequency counter (the
// RISC-V `time` CSR, timebase-frequency in the device tree) and nanoseconds,
// without 128-bit arithmetic. Results that do not fit in 64 bits saturate at
// UINT64_MAX (2^64 ns is 584 years; 2^64 ticks at 10 MHz is 58,000 years).
#pragma once

#include <cstdint>

#include "kernel/lib/result.h"

class Timebase {
 public:
  static constexpr uint64_t kNsPerSecond = 1'000'000'000;
  // Above 1.8e10 Hz the exact split arithmetic would overflow; no real
  // timebase comes near (QEMU virt: 10 MHz).
  static constexpr uint64_t kMaxHz = 10'000'000'000;

  // kInvalidArgument unless 1 <= hz <= kMaxHz.
  static Result<Timebase> make(uint64_t hz);

  // 1 GHz: ticks are nanoseconds. (Result<Timebase> needs a default.)
  constexpr Timebase() = default;

  constexpr uint64_t hz() const { return hz_; }

  // floor(ticks * 1e9 / hz), saturating.
  uint64_t ticks_to_ns(uint64_t ticks) const;
  // floor(ns * hz / 1e9), saturating: for measuring elapsed time.
  uint64_t ns_to_ticks_floor(uint64_t ns) const;
  // ceil(ns * hz / 1e9), saturating: for deadlines, which must never fire early.
  uint64_t ns_to_ticks_ceil(uint64_t ns) const;

 private:
  explicit constexpr Timebase(uint64_t hz) : hz_(hz) {}

  uint64_t hz_ = kNsPerSecond;
};
