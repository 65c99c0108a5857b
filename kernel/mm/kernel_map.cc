// Builds the final kernel page table. RAM is first mapped RW with the largest
// leaves that fit; the image's text and rodata are then narrowed to RX and R
// (the engine splits large leaves as needed) and the guard page unmapped, so
// no mapping is ever W+X, not even transiently.
#include "kernel/mm/kernel_map.h"

namespace {
bool page_aligned(PhysAddr a) { return a.aligned(kPageSize); }
}  // namespace

Status kernel_map_build(PageTable& pt, const KernelLayout& l) {
  if (!page_aligned(l.text) || !page_aligned(l.text_end) || !page_aligned(l.rodata_end) ||
      !page_aligned(l.image_end) || !page_aligned(l.stack_guard) || !(l.text < l.text_end) ||
      l.rodata_end < l.text_end || l.image_end < l.rodata_end) {
    return Status::kInvalidArgument;
  }
  bool image_in_ram = false;
  for (const PaRegion& r : l.ram) {
    const PhysAddr lo(align_up(r.base.value(), kPageSize));
    const PhysAddr hi(align_down(r.base.value() + r.size, kPageSize));
    if (!(lo < hi)) {
      continue;
    }
    image_in_ram |= lo <= l.text && l.image_end <= hi;
    QRV_TRY(cpu_pte_map(pt, direct_map(lo), lo, hi - lo, kProtRead | kProtWrite, kMapLargest));
  }
  if (!image_in_ram) {
    return Status::kInvalidArgument;
  }
  QRV_TRY(cpu_pte_protect(pt, direct_map(l.text), l.text_end - l.text, kProtRead | kProtExec));
  if (l.text_end < l.rodata_end) {
    QRV_TRY(cpu_pte_protect(pt, direct_map(l.text_end), l.rodata_end - l.text_end, kProtRead));
  }
  if (!l.stack_guard.is_null()) {
    QRV_TRY(cpu_pte_unmap(pt, direct_map(l.stack_guard), kPageSize));
  }
  for (const PaRegion& r : l.mmio) {
    const PhysAddr lo(align_down(r.base.value(), kPageSize));
    const uint64_t len = align_up(r.base.value() + r.size, kPageSize) - lo.value();
    QRV_TRY(cpu_pte_map(pt, direct_map(lo), lo, len, kProtRead | kProtWrite, 0));
  }
  return Status::kOk;
}
