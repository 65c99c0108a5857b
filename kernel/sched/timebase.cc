// Tick/ns conversions split into whole seconds and a remainder, so every
// intermediate product stays below 2^64 for hz <= Timebase::kMaxHz.
#include "kernel/sched/timebase.h"

namespace {

constexpr uint64_t kSaturated = ~uint64_t{0};

// whole * scale + part, or kSaturated if it does not fit.
uint64_t mul_add_saturating(uint64_t whole, uint64_t scale, uint64_t part) {
  uint64_t product = 0;
  uint64_t sum = 0;
  if (__builtin_mul_overflow(whole, scale, &product) ||
      __builtin_add_overflow(product, part, &sum)) {
    return kSaturated;
  }
  return sum;
}

}  // namespace

Result<Timebase> Timebase::make(uint64_t hz) {
  if (hz == 0 || hz > kMaxHz) {
    return Status::kInvalidArgument;
  }
  return Timebase(hz);
}

uint64_t Timebase::ticks_to_ns(uint64_t ticks) const {
  // ticks = q*hz + r  =>  ticks*1e9/hz = q*1e9 + r*1e9/hz, with r*1e9 < hz*1e9 < 2^64.
  const uint64_t q = ticks / hz_;
  const uint64_t r = ticks % hz_;
  return mul_add_saturating(q, kNsPerSecond, r * kNsPerSecond / hz_);
}

uint64_t Timebase::ns_to_ticks_floor(uint64_t ns) const {
  const uint64_t q = ns / kNsPerSecond;
  const uint64_t r = ns % kNsPerSecond;
  return mul_add_saturating(q, hz_, r * hz_ / kNsPerSecond);
}

uint64_t Timebase::ns_to_ticks_ceil(uint64_t ns) const {
  const uint64_t floor = ns_to_ticks_floor(ns);
  const uint64_t r = ns % kNsPerSecond;
  const bool inexact = (r * hz_) % kNsPerSecond != 0;
  if (floor == kSaturated || !inexact) {
    return floor;
  }
  return floor + 1;
}
