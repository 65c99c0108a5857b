// check_kernel_image: ELF64 header and program headers (System V gABI), then
// the raw binary and its Image header (Linux Documentation/riscv/boot-image-header.rst):
//   0 code0  4 code1  8 text_offset  16 image_size  24 flags  32 version
//   36 res1  40 res2  48 magic "RISCV\0\0\0"  56 magic2 "RSC\x05"  60 res3
#include "tools/image_check/kernel_image.h"

#include <algorithm>
#include <cstdio>

namespace qrv::image_check {
namespace {

constexpr uint16_t kEmRiscv = 243;
constexpr uint32_t kPtLoad = 1;
constexpr size_t kHeaderSize = 64;

uint64_t le(std::string_view b, size_t off, int width) {
  uint64_t v = 0;
  for (int i = width - 1; i >= 0; --i) {
    v = (v << 8) | static_cast<uint8_t>(b[off + static_cast<size_t>(i)]);
  }
  return v;
}

std::string hex(uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

Report check_kernel_image(std::string_view elf, std::string_view bin, const Expected& want) {
  Report r;
  auto problem = [&](std::string p) { r.problems.push_back(std::move(p)); };
  if (elf.size() < 64 || elf.substr(0, 4) != "\x7f" "ELF" || elf[4] != 2 || elf[5] != 1) {
    problem("not an ELF64 little-endian file");
    return r;
  }
  if (le(elf, 18, 2) != kEmRiscv) problem("not a RISC-V ELF");
  r.entry = le(elf, 24, 8);
  const uint64_t phoff = le(elf, 32, 8);
  const uint64_t phentsize = le(elf, 54, 2);
  const uint64_t phnum = le(elf, 56, 2);
  if (phentsize != 56 || phoff > elf.size() || phnum * 56 > elf.size() - phoff) {
    problem("program headers out of bounds");
    return r;
  }
  uint64_t lo = UINT64_MAX, file_end = 0, mem_end = 0;
  for (uint64_t i = 0; i < phnum; ++i) {
    const size_t ph = static_cast<size_t>(phoff + i * 56);
    if (le(elf, ph, 4) != kPtLoad) continue;
    const uint64_t vaddr = le(elf, ph + 16, 8), paddr = le(elf, ph + 24, 8);
    const uint64_t filesz = le(elf, ph + 32, 8), memsz = le(elf, ph + 40, 8);
    if (vaddr - paddr != kKernelVirtBase) {
      problem("segment at " + hex(paddr) + " is linked at " + hex(vaddr) +
              ", not KERNEL_VIRT_BASE above its load address");
    }
    lo = std::min(lo, paddr);
    if (filesz != 0) file_end = std::max(file_end, paddr + filesz);
    mem_end = std::max(mem_end, paddr + memsz);
  }
  if (lo == UINT64_MAX) {
    problem("no loadable segment");
    return r;
  }
  r.load = lo;
  r.file_bytes = file_end - lo;
  r.mem_bytes = mem_end - lo;
  if (lo != want.kernel_load) {
    problem("loads at " + hex(lo) + ", the board's kernel_load is " + hex(want.kernel_load));
  }
  if (r.entry != kKernelVirtBase + want.kernel_load) {
    problem("entry " + hex(r.entry) + " is not the start of the image");
  }
  if (bin.size() != r.file_bytes) {
    problem("raw image is " + std::to_string(bin.size()) + " bytes, the ELF loads " +
            std::to_string(r.file_bytes));
  }
  if (want.max_size != 0 && bin.size() > want.max_size) {
    problem("raw image is " + std::to_string(bin.size()) + " bytes, over the limit of " +
            std::to_string(want.max_size));
  }
  if (bin.size() < kHeaderSize) {
    problem("raw image too short for its Image header");
    return r;
  }
  if (bin.substr(48, 8) != std::string_view("RISCV\0\0\0", 8) ||
      bin.substr(56, 4) != std::string_view("RSC\x05", 4)) {
    problem("no RISC-V Image header magic");
  }
  if (le(bin, 8, 8) != want.kernel_load - want.ram_base) {
    problem("Image text_offset " + hex(le(bin, 8, 8)) + ", the board needs " +
            hex(want.kernel_load - want.ram_base));
  }
  // image_size is the memory the kernel occupies, .bss and its final page
  // alignment included.
  const uint64_t image_size = le(bin, 16, 8);
  if (image_size < r.mem_bytes || image_size > ((r.mem_bytes + 4095) & ~uint64_t{4095})) {
    problem("Image image_size " + hex(le(bin, 16, 8)) + ", the kernel occupies " +
            hex(r.mem_bytes));
  }
  // code0 must be a jal x0 (a plain j) over the header: J-type, opcode 0x6f,
  // imm[20|10:1|11|19:12] in bits 31|30:21|20|19:12.
  const uint64_t code0 = le(bin, 0, 4);
  const uint64_t jump = ((code0 >> 31) & 1) << 20 | ((code0 >> 21) & 0x3ff) << 1 |
                        ((code0 >> 20) & 1) << 11 | ((code0 >> 12) & 0xff) << 12;
  if ((code0 & 0xfff) != 0x6f || (code0 >> 31) != 0 || jump < kHeaderSize || jump >= bin.size()) {
    problem("the image does not open with a jump over its header");
  }
  if (le(bin, 24, 8) != 0) problem("Image flags are not 0 (little-endian)");
  if (le(bin, 32, 4) != 2) problem("Image header version is not 0.2");
  return r;
}

}  // namespace qrv::image_check
