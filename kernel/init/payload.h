// What the kernel runs once it has booted. The image decides by linking one
// payload: //kernel/init:payload_boot for the normal kernel (until taskman
// arrives it reports and powers off), //testing/ktest:payload for the
// in-kernel test image.
#pragma once

#include "kernel/lib/boot_info.h"

[[noreturn]] void kernel_payload(const BootInfo& info);

// The facts kmain read from the device tree (valid once the payload runs).
const BootInfo& kernel_boot_info();
