// In-kernel tests of process address spaces on the board: two spaces share
// the kernel half (the kernel keeps running on either root), user pages are
// reached with sstatus.SUM, mm_map_xfer copies between spaces across page
// boundaries, and destroying the spaces returns every page to pa.
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/aspace.h"
#include "kernel/mm/mm_init.h"
#include "testing/ktest/ktest.h"

namespace {
constexpr uint32_t kUserRW = kProtRead | kProtWrite | kProtUser;

uint64_t satp_of(const tAddress* as) { return (8ull << 60) | (as->pt.root.value() >> 12); }

void switch_to(uint64_t satp) {
  asm volatile("csrw satp, %0\n sfence.vma zero, zero" ::"r"(satp) : "memory");
}

// Free memory once the tAddress cache holds a slab: caches keep one empty
// slab, which is not a leak, so warm it before taking the baseline.
uint64_t warm_baseline() {
  mm_mdestroy(mm_mcreate(&mm_spaces(), 9).value());
  return mem_free_size();
}
}  // namespace

KTEST(aspace, kernel_runs_on_a_process_root_and_reaches_user_pages) {
  const uint64_t free0 = warm_baseline();
  Result<tAddress*> a = mm_mcreate(&mm_spaces(), 1);
  KEXPECT(a.ok());
  KEXPECT_EQ(static_cast<int>(mm_map_anon(a.value(), VirtAddr(0x10000), 2 * kPageSize, kUserRW)),
             static_cast<int>(Status::kOk));
  const uint64_t kernel_satp = QRV_CSR_READ(satp);
  switch_to(satp_of(a.value()));
  // Kernel code, data and stack keep working on the process's root...
  static volatile uint64_t kernel_data = 7;
  kernel_data = kernel_data + 1;
  // ...and with SUM the kernel can touch the user page (zero-filled).
  asm volatile("csrs sstatus, %0" ::"r"(csr::kSstatusSum));
  volatile uint64_t* user = reinterpret_cast<volatile uint64_t*>(0x10ff8);
  const uint64_t was = *user;
  *user = 0xabcdef;
  asm volatile("csrc sstatus, %0" ::"r"(csr::kSstatusSum));
  switch_to(kernel_satp);
  KEXPECT_EQ(kernel_data, 8u);
  KEXPECT_EQ(was, 0u);
  Result<VaddrInfo> vi = mm_vaddrinfo(a.value(), VirtAddr(0x10ff8));
  KEXPECT(vi.ok());
  KEXPECT_EQ(*kva_ptr<volatile uint64_t>(vi.value().pa.value()), 0xabcdefu);
  mm_mdestroy(a.value());
  KEXPECT_EQ(mem_free_size(), free0);
}

KTEST(aspace, map_xfer_copies_between_spaces_and_reports_bad_pages) {
  const uint64_t free0 = warm_baseline();
  tAddress* src = mm_mcreate(&mm_spaces(), 2).value();
  tAddress* dst = mm_mcreate(&mm_spaces(), 3).value();
  KEXPECT(src != nullptr && dst != nullptr);
  KEXPECT_EQ(static_cast<int>(mm_map_anon(src, VirtAddr(0x20000), 4 * kPageSize, kUserRW)), 0);
  KEXPECT_EQ(static_cast<int>(mm_map_anon(dst, VirtAddr(0x40000), 4 * kPageSize, kUserRW)), 0);
  // Fill the source through the direct map, page by page.
  for (uint64_t off = 0; off < 4 * kPageSize; off += 8) {
    Result<VaddrInfo> vi = mm_vaddrinfo(src, VirtAddr(0x20000 + off));
    *kva_ptr<uint64_t>(vi.value().pa.value()) = off * 3 + 1;
  }
  // 10000 bytes from an odd offset to another odd offset: crosses pages on both sides.
  XferResult r = mm_map_xfer(dst, VirtAddr(0x40123), src, VirtAddr(0x20008), 10000);
  KEXPECT(r.ok());
  KEXPECT_EQ(r.copied, 10000u);
  bool same = true;
  for (uint64_t i = 0; i < 10000; ++i) {
    const uint8_t* s = kva_ptr<uint8_t>(mm_vaddrinfo(src, VirtAddr(0x20008 + i)).value().pa.value());
    const uint8_t* d = kva_ptr<uint8_t>(mm_vaddrinfo(dst, VirtAddr(0x40123 + i)).value().pa.value());
    same = same && *s == *d;
  }
  KEXPECT(same);
  // The destination ends at 0x44000: the copy stops there and says so.
  r = mm_map_xfer(dst, VirtAddr(0x43f00), src, VirtAddr(0x20000), 0x200);
  KEXPECT(r.status == XferStatus::kNotMapped && r.side == XferSide::kDestination);
  KEXPECT_EQ(r.copied, 0x100u);
  // A kernel address is never a user buffer.
  r = mm_map_xfer(dst, VirtAddr(0x40000), src, VirtAddr(reinterpret_cast<uint64_t>(&free0)), 8);
  KEXPECT(r.status == XferStatus::kBadAddress && r.side == XferSide::kSource);
  mm_mdestroy(src);
  mm_mdestroy(dst);
  KEXPECT_EQ(mem_free_size(), free0);
}
