// check_kernel_image on synthetic images: a good one passes, and each thing a
// board port can get wrong (load address, link offset, entry, raw size, the
// Image header's magic, text_offset, size, jump) is reported.
#include "tools/image_check/kernel_image.h"

#include <string>

#include "gtest/gtest.h"

namespace qrv::image_check {
namespace {

constexpr uint64_t kRam = 0x40000000;
constexpr uint64_t kLoad = 0x40200000;

void put(std::string& s, size_t off, uint64_t v, int width) {
  if (s.size() < off + static_cast<size_t>(width)) s.resize(off + static_cast<size_t>(width));
  for (int i = 0; i < width; ++i) s[off + static_cast<size_t>(i)] = static_cast<char>(v >> (8 * i));
}

struct Image {
  std::string elf;
  std::string bin;
};

// Text (0x1000 bytes) then data+bss (0x100 in the file, 0x2000 in memory).
Image make(uint64_t load = kLoad, uint64_t link_offset = kKernelVirtBase) {
  Image im;
  im.elf.assign(64 + 2 * 56, '\0');
  im.elf.replace(0, 6, "\x7f" "ELF\x02\x01");
  put(im.elf, 18, 243, 2);
  put(im.elf, 24, kKernelVirtBase + load, 8);
  put(im.elf, 32, 64, 8);
  put(im.elf, 54, 56, 2);
  put(im.elf, 56, 2, 2);
  const uint64_t seg[2][3] = {{load, 0x1000, 0x1000}, {load + 0x1000, 0x100, 0x2000}};
  for (int i = 0; i < 2; ++i) {
    const size_t ph = 64 + 56 * static_cast<size_t>(i);
    put(im.elf, ph, 1, 4);
    put(im.elf, ph + 16, seg[i][0] + link_offset, 8);
    put(im.elf, ph + 24, seg[i][0], 8);
    put(im.elf, ph + 32, seg[i][1], 8);
    put(im.elf, ph + 40, seg[i][2], 8);
  }
  im.bin.assign(0x1100, '\0');
  put(im.bin, 0, 0x0400006f, 4);  // j +64
  put(im.bin, 8, load - kRam, 8);
  put(im.bin, 16, 0x3000, 8);
  put(im.bin, 32, 2, 4);
  im.bin.replace(48, 12, std::string("RISCV\0\0\0RSC\x05", 12));
  return im;
}

Report check(const Image& im) {
  return check_kernel_image(im.elf, im.bin, Expected{kRam, kLoad, 1u << 20});
}

bool says(const Report& r, const std::string& text) {
  for (const std::string& p : r.problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(KernelImage, AGoodImagePasses) {
  Report r = check(make());
  EXPECT_TRUE(r.problems.empty()) << r.problems[0];
  EXPECT_EQ(r.entry, kKernelVirtBase + kLoad);
  EXPECT_EQ(r.load, kLoad);
  EXPECT_EQ(r.file_bytes, 0x1100u);
  EXPECT_EQ(r.mem_bytes, 0x3000u);
}

TEST(KernelImage, EachMistakeIsReported) {
  EXPECT_TRUE(says(check(make(0x40400000)), "loads at 0x40400000"));
  EXPECT_TRUE(says(check(make(kLoad, 0xffffffe000000000)), "not KERNEL_VIRT_BASE above"));
  Image im = make();
  put(im.elf, 24, kKernelVirtBase + kLoad + 4, 8);
  EXPECT_TRUE(says(check(im), "is not the start of the image"));
  im = make();
  im.bin.resize(0x1000);
  EXPECT_TRUE(says(check(im), "raw image is 4096 bytes, the ELF loads 4352"));
  im = make();
  im.bin[48] = 'X';
  EXPECT_TRUE(says(check(im), "no RISC-V Image header magic"));
  im = make();
  put(im.bin, 8, 0, 8);
  EXPECT_TRUE(says(check(im), "text_offset 0x0, the board needs 0x200000"));
  im = make();
  put(im.bin, 16, 0x1100, 8);
  EXPECT_TRUE(says(check(im), "image_size 0x1100, the kernel occupies 0x3000"));
  im = make();
  put(im.bin, 0, 0x00000013, 4);  // nop
  EXPECT_TRUE(says(check(im), "does not open with a jump"));
  im = make();
  put(im.bin, 0, 0x0200006f, 4);  // j +32: into the header
  EXPECT_TRUE(says(check(im), "does not open with a jump"));
  EXPECT_TRUE(says(check_kernel_image(make().elf, make().bin, Expected{kRam, kLoad, 0x1000}),
                   "over the limit"));
}

TEST(KernelImage, MalformedElfIsRefused) {
  Image im = make();
  EXPECT_TRUE(says(check_kernel_image("", im.bin, Expected{kRam, kLoad, 0}), "not an ELF64"));
  im.elf[18] = 62;  // x86-64
  EXPECT_TRUE(says(check(im), "not a RISC-V ELF"));
  im = make();
  put(im.elf, 56, 1000, 2);
  EXPECT_TRUE(says(check(im), "program headers out of bounds"));
}

}  // namespace
}  // namespace qrv::image_check
