// Calls into OpenSBI (SBI spec v1.0: base, legacy console, SRST, HSM).
// Console output goes through the UART driver; sbi_console_putchar is only
// the fallback before the device tree names a UART (Debian's OpenSBI 1.1
// has no debug-console extension).
#pragma once

#include <cstdint>

struct SbiRet {
  int64_t error;
  int64_t value;
};

SbiRet sbi_call(uint64_t ext, uint64_t fid, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0,
                uint64_t a3 = 0);

void sbi_console_putchar(char c);

// System reset extension (SRST, spec chapter 10). Returns only on failure.
enum class SbiResetReason : uint64_t { kNone = 0, kSystemFailure = 1 };
void sbi_system_shutdown(SbiResetReason reason);
void sbi_system_reboot(SbiResetReason reason);

// IPI extension (spec chapter 7): a supervisor software interrupt to one hart.
void sbi_send_ipi(uint64_t hart_id);

// RFENCE extension (spec chapter 8): sfence.vma on the harts in
// hart_mask (bit i = hart hart_mask_base + i) for [start, start + size).
void sbi_remote_sfence_vma(uint64_t hart_mask, uint64_t hart_mask_base, uint64_t start,
                           uint64_t size);

// RFENCE remote_fence_i: fence.i on the harts in hart_mask.
void sbi_remote_fence_i(uint64_t hart_mask, uint64_t hart_mask_base);

// Base extension probe (spec 4.8).
bool sbi_has_extension(uint64_t ext);

inline constexpr uint64_t kSbiExtBase = 0x10;
inline constexpr uint64_t kSbiExtLegacyPutchar = 0x01;
inline constexpr uint64_t kSbiExtSrst = 0x53525354;
inline constexpr uint64_t kSbiExtHsm = 0x48534d;
inline constexpr uint64_t kSbiExtRfence = 0x52464e43;
inline constexpr uint64_t kSbiExtIpi = 0x735049;
