// SBI calls: ecall with a7 = extension, a6 = function, a0..a5 = arguments;
// the firmware returns error in a0 and value in a1 (SBI spec 3).
#include "kernel/arch/riscv/sbi.h"

SbiRet sbi_call(uint64_t ext, uint64_t fid, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3) {
  register uint64_t r_a0 asm("a0") = a0;
  register uint64_t r_a1 asm("a1") = a1;
  register uint64_t r_a2 asm("a2") = a2;
  register uint64_t r_a3 asm("a3") = a3;
  register uint64_t r_a6 asm("a6") = fid;
  register uint64_t r_a7 asm("a7") = ext;
  asm volatile("ecall"
               : "+r"(r_a0), "+r"(r_a1)
               : "r"(r_a2), "r"(r_a3), "r"(r_a6), "r"(r_a7)
               : "memory");
  return SbiRet{static_cast<int64_t>(r_a0), static_cast<int64_t>(r_a1)};
}

void sbi_console_putchar(char c) {
  // Legacy extension 0x01: the character in a0, no function id.
  sbi_call(kSbiExtLegacyPutchar, 0, static_cast<uint8_t>(c));
}

bool sbi_has_extension(uint64_t ext) {
  SbiRet r = sbi_call(kSbiExtBase, /*probe_extension=*/3, ext);
  return r.error == 0 && r.value != 0;
}

void sbi_system_shutdown(SbiResetReason reason) {
  sbi_call(kSbiExtSrst, /*system_reset=*/0, /*type=shutdown*/ 0, static_cast<uint64_t>(reason));
}

void sbi_system_reboot(SbiResetReason reason) {
  sbi_call(kSbiExtSrst, /*system_reset=*/0, /*type=cold reboot*/ 1, static_cast<uint64_t>(reason));
}

void sbi_send_ipi(uint64_t hart_id) {
  sbi_call(kSbiExtIpi, /*send_ipi=*/0, /*hart_mask=*/1, /*hart_mask_base=*/hart_id);
}

void sbi_remote_sfence_vma(uint64_t hart_mask, uint64_t hart_mask_base, uint64_t start,
                           uint64_t size) {
  sbi_call(kSbiExtRfence, /*remote_sfence_vma=*/1, hart_mask, hart_mask_base, start, size);
}

void sbi_remote_fence_i(uint64_t hart_mask, uint64_t hart_mask_base) {
  sbi_call(kSbiExtRfence, /*remote_fence_i=*/0, hart_mask, hart_mask_base);
}
