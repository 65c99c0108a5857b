// boot_image_open: the device tree's range checked against RAM (the direct map
// covers RAM only), then handed to the CPIO reader through the direct map.
#include "kernel/init/boot_image.h"

#include "kernel/arch/riscv/memlayout.h"

namespace {
bool inside_ram(const BootInfo& info, uint64_t start, uint64_t end) {
  for (uint32_t i = 0; i < info.memory_count && i < kBootMaxMemoryRegions; ++i) {
    const MemoryRegion& m = info.memory[i];
    // boot_info refuses regions whose end wraps, so base + size is exact.
    if (start >= m.base && end <= m.base + m.size) return true;
  }
  return false;
}
}  // namespace

const char* boot_image_status_name(BootImageStatus s) {
  switch (s) {
    case BootImageStatus::kOk: return "ok";
    case BootImageStatus::kAbsent: return "no boot image";
    case BootImageStatus::kOutsideRam: return "boot image outside RAM";
    case BootImageStatus::kBadArchive: return "bad boot image archive";
  }
  return "unknown status";
}

BootImageStatus boot_image_open(const BootInfo& info, BootImage* out) {
  *out = BootImage{};
  if (!info.has_initrd) return BootImageStatus::kAbsent;
  if (info.initrd_end < info.initrd_start ||
      !inside_ram(info, info.initrd_start, info.initrd_end)) {
    return BootImageStatus::kOutsideRam;
  }
  out->pa = info.initrd_start;
  out->size = info.initrd_end - info.initrd_start;
  CpioOr<Cpio> c = Cpio::open(kva_ptr<const void>(out->pa), out->size);
  out->cpio_status = c.status;
  if (!c.ok()) return BootImageStatus::kBadArchive;
  out->cpio = c.value;
  return BootImageStatus::kOk;
}
