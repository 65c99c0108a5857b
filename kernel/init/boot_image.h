// The boot image: the CPIO newc archive the boot loader (QEMU -initrd, U-Boot)
// left in RAM where the device tree's /chosen linux,initrd-start/-end say.
// BootInfo lists that range as reserved, so pa never hands it out; the kernel
// reads it through the direct map, as untrusted input (kernel/lib/cpio.h).
#pragma once

#include <cstdint>

#include "kernel/lib/boot_info.h"
#include "kernel/lib/cpio.h"

enum class BootImageStatus : uint8_t {
  kOk,
  kAbsent,      // the device tree names no initrd
  kOutsideRam,  // the range is not inside one memory region (no direct map there)
  kBadArchive,  // Cpio::open refused it: BootImage::cpio_status says why
};

const char* boot_image_status_name(BootImageStatus s);

struct BootImage {
  uint64_t pa = 0;    // physical start
  uint64_t size = 0;  // bytes the device tree gives it
  Cpio cpio;          // the opened archive (valid when kOk)
  CpioStatus cpio_status = CpioStatus::kOk;
};

// Finds and opens the boot image `info` names. Touches no byte outside the
// named range, and none at all unless that range lies in RAM.
BootImageStatus boot_image_open(const BootInfo& info, BootImage* out);
