// The boot banner: who we are, on which board, and the memory map the
// device tree describes.
#pragma once

#include "kernel/lib/boot_info.h"

void print_banner(const BootInfo& info);
