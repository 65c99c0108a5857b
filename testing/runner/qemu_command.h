// Assembles the QEMU command line for one boot from validated settings. Test runs use
// `-serial stdio` (the runner reads the console from a pipe); interactive runs use
// `-serial mon:stdio` so Ctrl-A C reaches the monitor and Ctrl-A X quits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace qrv::runner {

// QEMU refuses -icount shift values above this (MAX_ICOUNT_SHIFT).
inline constexpr int64_t kMaxIcountShift = 10;
inline constexpr int64_t kMaxSmp = 4096;

struct QemuConfig {
  std::string qemu;     // Path to qemu-system-riscv64.
  std::string bios;     // Path to OpenSBI fw_dynamic.bin.
  std::string kernel;   // Raw kernel image, loaded by -kernel.
  std::string initrd;   // Optional boot image, loaded by -initrd ("" = none).
  std::string machine;  // e.g. "virt".
  int64_t smp = 1;
  std::string memory;   // e.g. "256M".
  std::optional<int64_t> icount_shift;
  bool interactive = false;
  std::vector<std::string> extra_args;  // Appended verbatim, in order.
};

// argv for execv (element 0 is the QEMU path), or InvalidArgument naming the bad setting.
absl::StatusOr<std::vector<std::string>> build_qemu_command(const QemuConfig& config);

}  // namespace qrv::runner
