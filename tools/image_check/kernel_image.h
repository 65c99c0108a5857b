// Checks a built kernel image against its board's facts without booting it:
// the ELF (RISC-V, entry at the load address, every segment linked
// KERNEL_VIRT_BASE above where it loads), the raw binary (exactly the loaded
// bytes, opening with the RISC-V Linux Image header U-Boot's booti needs).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qrv::image_check {

inline constexpr uint64_t kKernelVirtBase = 0xffffffc000000000;

struct Expected {
  uint64_t ram_base = 0;
  uint64_t kernel_load = 0;  // physical load address
  uint64_t max_size = 0;     // raw image size limit (bytes)
};

// What the checks found; empty `problems` means the image is good.
struct Report {
  std::vector<std::string> problems;
  uint64_t entry = 0;
  uint64_t load = 0;        // lowest PT_LOAD physical address
  uint64_t file_bytes = 0;  // bytes the PT_LOADs occupy in the raw image
  uint64_t mem_bytes = 0;   // including .bss
};

Report check_kernel_image(std::string_view elf, std::string_view bin, const Expected& want);

}  // namespace qrv::image_check
