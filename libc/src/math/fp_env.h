// The floating-point environment as RISC-V names it (fcsr: fflags bits
// NV DZ OF UF NX = 16 8 4 2 1, frm 0 RNE, 1 RTZ, 2 RDN, 3 RUP; the
// unprivileged spec, "F" extension, fcsr). On the host the same interface
// reads and writes SSE's MXCSR, so host tests see what glibc's fenv sees.
#pragma once

#include <stdint.h>

namespace qrv::libc::math {

inline constexpr uint32_t kFlagInexact = 1;
inline constexpr uint32_t kFlagUnderflow = 2;
inline constexpr uint32_t kFlagOverflow = 4;
inline constexpr uint32_t kFlagDivByZero = 8;
inline constexpr uint32_t kFlagInvalid = 16;
inline constexpr uint32_t kFlagAll = 31;

inline constexpr uint32_t kRoundNearest = 0;
inline constexpr uint32_t kRoundTowardZero = 1;
inline constexpr uint32_t kRoundDown = 2;
inline constexpr uint32_t kRoundUp = 3;

#if defined(__riscv)
inline uint32_t read_fflags() {
  uint64_t v;
  asm volatile("frflags %0" : "=r"(v));
  return static_cast<uint32_t>(v);
}
inline void write_fflags(uint32_t v) { asm volatile("fsflags %0" : : "r"(static_cast<uint64_t>(v)) : "memory"); }
inline uint32_t read_frm() {
  uint64_t v;
  asm volatile("frrm %0" : "=r"(v));
  return static_cast<uint32_t>(v);
}
inline void write_frm(uint32_t v) { asm volatile("fsrm %0" : : "r"(static_cast<uint64_t>(v)) : "memory"); }
#else
// MXCSR: flags IE 0x1, ZE 0x4, OE 0x8, UE 0x10, PE 0x20; RC bits 13-14
// (0 nearest, 1 down, 2 up, 3 toward zero).
inline uint32_t read_mxcsr() { return __builtin_ia32_stmxcsr(); }
inline void write_mxcsr(uint32_t v) { __builtin_ia32_ldmxcsr(v); }
inline uint32_t read_fflags() {
  const uint32_t m = read_mxcsr();
  return ((m & 0x20) ? kFlagInexact : 0) | ((m & 0x10) ? kFlagUnderflow : 0) | ((m & 0x8) ? kFlagOverflow : 0) |
         ((m & 0x4) ? kFlagDivByZero : 0) | ((m & 0x1) ? kFlagInvalid : 0);
}
inline void write_fflags(uint32_t v) {
  uint32_t m = read_mxcsr() & ~0x3du;
  m |= ((v & kFlagInexact) ? 0x20 : 0) | ((v & kFlagUnderflow) ? 0x10 : 0) | ((v & kFlagOverflow) ? 0x8 : 0) |
       ((v & kFlagDivByZero) ? 0x4 : 0) | ((v & kFlagInvalid) ? 0x1 : 0);
  write_mxcsr(m);
}
inline uint32_t read_frm() {
  static constexpr uint32_t kFromRc[4] = {kRoundNearest, kRoundDown, kRoundUp, kRoundTowardZero};
  return kFromRc[(read_mxcsr() >> 13) & 3];
}
inline void write_frm(uint32_t v) {
  static constexpr uint32_t kToRc[4] = {0, 3, 1, 2};
  write_mxcsr((read_mxcsr() & ~0x6000u) | (kToRc[v & 3] << 13));
}
#endif

}  // namespace qrv::libc::math
