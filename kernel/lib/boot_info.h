// The boot facts the kernel takes from the device tree, in a fixed-capacity
// struct (no heap). A fact that does not fit is an error, never truncated;
// strings are copied out, so BootInfo does not point into the blob.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/lib/fdt.h"

inline constexpr uint32_t kBootMaxMemoryRegions = 16;
inline constexpr uint32_t kBootMaxReservedRegions = 32;
inline constexpr uint32_t kBootMaxHarts = 64;
inline constexpr uint32_t kBootArgsSize = 256;       // including the NUL
inline constexpr uint32_t kBootCompatibleSize = 48;  // including the NUL

enum class BootInfoStatus : uint8_t {
  kOk,
  kBadDeviceTree,         // the Fdt reader failed: BootInfo::fdt_error says why
  kNoMemory,              // no enabled device_type = "memory" node with a region
  kTooManyMemoryRegions,  // more than kBootMaxMemoryRegions
  kTooManyReserved,       // more than kBootMaxReservedRegions
  kNoHarts,               // no enabled /cpus/cpu@* with device_type = "cpu"
  kTooManyHarts,          // more than kBootMaxHarts
  kNoTimebase,            // no timebase-frequency in /cpus or the first cpu
  kBadRegion,             // a region whose base + size wraps around 2^64
  kBadUart,               // console UART with reg-io-width not 1, 2 or 4
  kStringTooLong,         // bootargs or the UART's compatible does not fit
  kBadInitrd,             // only one of initrd-start/-end, or end < start
  kCount,
};

const char* boot_info_status_name(BootInfoStatus s);

struct MemoryRegion {
  uint64_t base;
  uint64_t size;
};

struct UartInfo {
  uint64_t base;
  uint64_t size;
  uint32_t clock_hz;                     // clock-frequency; 0 when absent
  uint32_t reg_shift;                    // default 0
  uint32_t reg_io_width;                 // bytes, 1, 2 or 4; default 1
  uint32_t irq;                          // first cell of `interrupts` (its PLIC source); 0 when absent
  char compatible[kBootCompatibleSize];  // first compatible string
};

struct PlicInfo {
  uint64_t base;
  uint64_t size;
  uint32_t ndev;  // riscv,ndev; 0 when absent
  // PLIC context of each hart's S-mode external interrupt, parallel to
  // BootInfo::hart_ids: the index of that hart's (intc, 9) pair in the PLIC's
  // interrupts-extended; 2 * hart + 1 (QEMU virt's layout) when it has none.
  uint32_t s_context[kBootMaxHarts];
};

// Plain data (no constructors): a global BootInfo is zero-initialised.
struct BootInfo {
  MemoryRegion memory[kBootMaxMemoryRegions];
  uint32_t memory_count;
  // Memory reservation block, /reserved-memory children, the initrd and the
  // device tree blob itself.
  MemoryRegion reserved[kBootMaxReservedRegions];
  uint32_t reserved_count;

  uint64_t hart_ids[kBootMaxHarts];  // enabled harts that can run the kernel, in device-tree order
  uint32_t hart_count;
  // Enabled harts that cannot run the kernel: no MMU (mmu-type absent on a
  // node that names its riscv,isa, like SiFive's E51 monitor core, or
  // "riscv,none"). Listed for the boot log; never started.
  uint64_t skipped_hart_ids[kBootMaxHarts];
  uint32_t skipped_hart_count;
  uint64_t timebase_hz;

  bool has_uart;
  UartInfo uart;
  bool has_plic;
  PlicInfo plic;
  bool has_finisher;
  uint64_t finisher_base;  // sifive,test1 / sifive,test0
  bool has_rtc;
  uint64_t rtc_base;       // google,goldfish-rtc: the wall clock CLOCK_REALTIME starts from

  char bootargs[kBootArgsSize];  // "" when absent
  bool has_initrd;
  uint64_t initrd_start;
  uint64_t initrd_end;

  uint64_t fdt_base;   // physical address of the blob
  uint64_t fdt_size;   // its totalsize
  FdtError fdt_error;  // the reader's error when status is kBadDeviceTree

  uint64_t boot_hart;  // not from the device tree: kmain fills it in
};

// Opens the blob (at most max_size readable bytes) and fills `info`, which is
// cleared first. blob_pa is the blob's physical address, recorded in fdt_base
// and reserved; the overload without it uses the blob's own address (right on
// the host and before the jump to the high half).
BootInfoStatus boot_info_from_fdt(const void* blob, size_t max_size, uint64_t blob_pa,
                                  BootInfo& info);
BootInfoStatus boot_info_from_fdt(const void* blob, size_t max_size, BootInfo& info);
// The same from an already opened reader.
BootInfoStatus boot_info_from(const Fdt& fdt, uint64_t blob_pa, BootInfo& info);
