// copy_from_user / copy_to_user / cas_user32: range check, then the access
// under SUM with the page fault it may take turned into a `false` return
// (trap_expect).
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/arch/riscv/trap.h"
#include "kernel/mm/aspace.h"

extern "C" long uaccess_copy(void* dst, const void* src, size_t n);
extern "C" int64_t uaccess_cas32(uint32_t* word, uint32_t expected, uint32_t desired);
extern "C" char uaccess_fault[];

namespace {
bool (*g_fault_in)(uint64_t va) = nullptr;

bool user_range(uint64_t addr, size_t n) {
  return addr >= kUserBase && addr <= kUserTop && n <= kUserTop - addr;
}

// Runs `access` (true: done) under SUM with its page faults turned into a
// false return; a fault on a demand-zero page maps it (the fault-in hook)
// and the access runs again, at most once per page it spans.
template <typename Access>
bool guarded(uint64_t cause, size_t n, Access access) {
  for (uint32_t tries = 0;; ++tries) {
    ExpectedTrap expect{.cause = cause,
                        .resume_pc = reinterpret_cast<uint64_t>(uaccess_fault),
                        .hit = false,
                        .stval = 0,
                        .sepc = 0};
    trap_expect(&expect);
    asm volatile("csrs sstatus, %0" ::"r"(csr::kSstatusSum) : "memory");
    const bool done = access();
    asm volatile("csrc sstatus, %0" ::"r"(csr::kSstatusSum) : "memory");
    trap_expect(nullptr);
    if (done) return true;
    if (!expect.hit || g_fault_in == nullptr || tries > n / kPageSize + 1 || !g_fault_in(expect.stval)) return false;
  }
}

bool copy_guarded(void* dst, const void* src, size_t n, uint64_t cause) {
  return guarded(cause, n, [&] { return uaccess_copy(dst, src, n) == 0; });
}
}  // namespace

bool copy_from_user(void* dst, uint64_t user_src, size_t n) {
  return user_range(user_src, n) &&
         copy_guarded(dst, reinterpret_cast<const void*>(user_src), n, csr::kLoadPageFault);
}

bool copy_to_user(uint64_t user_dst, const void* src, size_t n) {
  return user_range(user_dst, n) &&
         copy_guarded(reinterpret_cast<void*>(user_dst), src, n, csr::kStorePageFault);
}

bool cas_user32(uint64_t user_word, uint32_t expected, uint32_t desired, uint32_t* seen) {
  if (user_word % sizeof(uint32_t) != 0 || !user_range(user_word, sizeof(uint32_t))) return false;
  int64_t r = -1;
  return guarded(kExpectDataPageFault, sizeof(uint32_t), [&] {
    r = uaccess_cas32(reinterpret_cast<uint32_t*>(user_word), expected, desired);
    if (r < 0) return false;
    *seen = static_cast<uint32_t>(r);
    return true;
  });
}

void uaccess_set_fault_in(bool (*fault_in)(uint64_t va)) { g_fault_in = fault_in; }
