// Supervisor CSR access (privileged spec, chapter 4) and the bits QRV uses.
#pragma once

#include <cstdint>

#define QRV_CSR_READ(name)                             \
  ({                                                   \
    uint64_t v_;                                       \
    asm volatile("csrr %0, " #name : "=r"(v_)::"memory"); \
    v_;                                                \
  })
#define QRV_CSR_WRITE(name, value) asm volatile("csrw " #name ", %0" ::"r"(uint64_t{value}) : "memory")

namespace csr {

// sstatus (4.1.1)
inline constexpr uint64_t kSstatusSie = 1ull << 1;
inline constexpr uint64_t kSstatusSpie = 1ull << 5;
inline constexpr uint64_t kSstatusSpp = 1ull << 8;
inline constexpr uint64_t kSstatusSum = 1ull << 18;
inline constexpr uint64_t kSstatusFs = 3ull << 13;  // FP state: Off, Initial, Clean, Dirty

// sip / sie (4.1.3): the supervisor software, timer and external interrupts.
inline constexpr uint64_t kSipSsip = 1ull << 1;
inline constexpr uint64_t kSipStip = 1ull << 5;
inline constexpr uint64_t kSipSeip = 1ull << 9;

// scause (4.1.9): top bit set for interrupts.
inline constexpr uint64_t kScauseInterrupt = 1ull << 63;

enum Exception : uint64_t {
  kInsnMisaligned = 0,
  kInsnAccessFault = 1,
  kIllegalInsn = 2,
  kBreakpoint = 3,
  kLoadMisaligned = 4,
  kLoadAccessFault = 5,
  kStoreMisaligned = 6,
  kStoreAccessFault = 7,
  kEcallU = 8,
  kEcallS = 9,
  kInsnPageFault = 12,
  kLoadPageFault = 13,
  kStorePageFault = 15,
};

}  // namespace csr
