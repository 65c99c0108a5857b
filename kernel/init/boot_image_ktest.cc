// In-kernel tests of the boot image: booted with one (-initrd), the kernel
// finds it through the device tree, pa keeps it reserved, and its entries
// (and their programs' ELF headers) read back through the direct map; booted
// without, it says so. Bad ranges and a corrupt archive are refused.
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/console/console.h"
#include "kernel/init/boot_image.h"
#include "kernel/init/payload.h"
#include "kernel/kext/pa.h"
#include "kernel/lib/elf.h"
#include "kernel/mm/aspace.h"
#include "testing/ktest/ktest.h"

namespace {
// "hello" (0644, "hi!\n") and the trailer: header fields are ino, mode, uid, gid,
// nlink, mtime, filesize, dev and rdev major/minor, namesize, check.
alignas(4) constexpr char kTinyArchive[] =
    "070701" "00000001" "000081A4" "00000000" "00000000" "00000001" "00000000"
    "00000004" "00000000" "00000000" "00000000" "00000000" "00000006" "00000000"
    "hello\0" "hi!\n"
    "070701" "00000000" "00000000" "00000000" "00000000" "00000001" "00000000"
    "00000000" "00000000" "00000000" "00000000" "00000000" "0000000B" "00000000"
    "TRAILER!!!";  // the literal's own NUL ends the name
constexpr size_t kTinySize = sizeof(kTinyArchive);

alignas(4) char g_corrupt[kTinySize];
BootInfo g_fake;  // a copy of the real facts with the initrd moved

BootImageStatus open_at(uint64_t start, uint64_t end, BootImage* img) {
  g_fake = kernel_boot_info();
  g_fake.has_initrd = true;
  g_fake.initrd_start = start;
  g_fake.initrd_end = end;
  return boot_image_open(g_fake, img);
}
}  // namespace

KTEST(boot_image, found_through_the_device_tree_and_listed) {
  const BootInfo& info = kernel_boot_info();
  BootImage img;
  const BootImageStatus st = boot_image_open(info, &img);
  if (!info.has_initrd) {
    KEXPECT(st == BootImageStatus::kAbsent);
    kprintf("bootimg: none (booted without -initrd)\n");
    return;
  }
  if (st != BootImageStatus::kOk) {
    kprintf("bootimg: %s (%s)\n", boot_image_status_name(st), cpio_status_name(img.cpio_status));
  }
  KEXPECT(st == BootImageStatus::kOk);
  KEXPECT_EQ(img.pa, info.initrd_start);
  kprintf("bootimg: %u entries, %lu bytes at 0x%lx\n", img.cpio.entry_count(), img.size, img.pa);
  uint32_t programs = 0;
  const CpioStatus walk = img.cpio.for_each([&](const CpioEntry& e) {
    kprintf("bootimg: %s mode %06o size %u\n", e.name, e.mode, e.size);
    if (e.is_regular() && (e.permissions() & 0111) != 0) {
      // A program: a static executable the kernel could load.
      ElfImage elf;
      const ElfStatus es = elf_parse(e.data, e.size, kUserBase, kUserTop, elf);
      if (es != ElfStatus::kOk) kprintf("bootimg: %s: %s\n", e.name, elf_status_name(es));
      KEXPECT(es == ElfStatus::kOk);
      ++programs;
    }
    return true;
  });
  KEXPECT(walk == CpioStatus::kOk);
  KEXPECT(programs > 0);
}

KTEST(boot_image, reserved_in_pa) {
  const BootInfo& info = kernel_boot_info();
  if (!info.has_initrd) return;
  const uint64_t lo = info.initrd_start & ~(kPaQuantum - 1);
  uint32_t not_reserved = 0;
  for (uint64_t a = lo; a < info.initrd_end; a += kPaQuantum) {
    const pa_quantum* q = pa_global().quantum_of(PhysAddr(a));
    if (q == nullptr || (q->flags & kPaqReserved) == 0) ++not_reserved;
  }
  KEXPECT_EQ(not_reserved, 0u);
  Result<PhysAddr> r = pa_alloc_given(PhysAddr(lo), kPaQuantum);
  KEXPECT(r.status() == Status::kBusy);
}

KTEST(boot_image, bad_ranges_and_archives_refused) {
  BootImage img;
  const uint64_t tiny = kpa(reinterpret_cast<uint64_t>(kTinyArchive));
  KEXPECT(open_at(tiny, tiny + kTinySize, &img) == BootImageStatus::kOk);
  KEXPECT_EQ(img.cpio.entry_count(), 1u);
  CpioOr<CpioEntry> hello = img.cpio.find("/hello");
  KEXPECT(hello.ok() && hello.value.size == 4 &&
          __builtin_memcmp(hello.value.data, "hi!\n", 4) == 0);

  // Below RAM, straddling its end, wrapped.
  const MemoryRegion& ram = kernel_boot_info().memory[0];
  KEXPECT(open_at(0x1000, 0x2000, &img) == BootImageStatus::kOutsideRam);
  KEXPECT(open_at(ram.base + ram.size - 0x1000, ram.base + ram.size + 0x1000, &img) ==
          BootImageStatus::kOutsideRam);
  KEXPECT(open_at(ram.base + 0x2000, ram.base + 0x1000, &img) == BootImageStatus::kOutsideRam);

  __builtin_memcpy(g_corrupt, kTinyArchive, kTinySize);
  g_corrupt[5] = '9';  // magic 070709
  const uint64_t bad = kpa(reinterpret_cast<uint64_t>(g_corrupt));
  KEXPECT(open_at(bad, bad + kTinySize, &img) == BootImageStatus::kBadArchive);
  KEXPECT(img.cpio_status == CpioStatus::kBadMagic);
  // Cut inside the first member's data.
  KEXPECT(open_at(tiny, tiny + 118, &img) == BootImageStatus::kBadArchive);
  KEXPECT(img.cpio_status == CpioStatus::kTruncatedBody);

  g_fake = kernel_boot_info();
  g_fake.has_initrd = false;
  KEXPECT(boot_image_open(g_fake, &img) == BootImageStatus::kAbsent);
}
