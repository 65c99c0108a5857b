// Extracts BootInfo from a device tree. A missing optional device leaves its
// has_* flag false; a malformed fact the kernel needs fails the whole
// extraction with a status (and the reader's error in fdt_error).
#include "kernel/lib/boot_info.h"

#include <initializer_list>

namespace {

// Carries the first failure out of the helpers below.
struct Extract {
  const Fdt& fdt;
  BootInfo& info;
  BootInfoStatus status = BootInfoStatus::kOk;
  // phandle of each usable hart's interrupt-controller child (0: none), parallel
  // to info.hart_ids: how the PLIC's interrupts-extended names the harts.
  uint32_t intc_phandle[kBootMaxHarts] = {};

  bool fail(BootInfoStatus s) {
    if (status == BootInfoStatus::kOk) {
      status = s;
    }
    return false;
  }
  bool fail_fdt(FdtError e) {
    if (status == BootInfoStatus::kOk) {
      info.fdt_error = e;
    }
    return fail(BootInfoStatus::kBadDeviceTree);
  }
};

bool str_eq(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

// Copies a NUL-terminated string into dst[size]; false if it does not fit.
bool copy_string(char* dst, uint32_t size, const char* src) {
  for (uint32_t i = 0; i < size; ++i) {
    dst[i] = src[i];
    if (src[i] == '\0') {
      return true;
    }
  }
  dst[size - 1] = '\0';
  return false;
}

bool wraps(uint64_t base, uint64_t size) { return size != 0 && base + (size - 1) < base; }

bool add_region(Extract& x, MemoryRegion* list, uint32_t* count, uint32_t capacity,
                BootInfoStatus overflow, uint64_t base, uint64_t size) {
  if (size == 0) {
    return true;
  }
  if (wraps(base, size)) {
    return x.fail(BootInfoStatus::kBadRegion);
  }
  if (*count >= capacity) {
    return x.fail(overflow);
  }
  list[*count].base = base;
  list[*count].size = size;
  ++*count;
  return true;
}

bool add_reserved(Extract& x, uint64_t base, uint64_t size) {
  return add_region(x, x.info.reserved, &x.info.reserved_count, kBootMaxReservedRegions,
                    BootInfoStatus::kTooManyReserved, base, size);
}

bool has_string(const Fdt& fdt, const FdtNode& node, const char* name, const char* value) {
  FdtOr<const char*> s = fdt.property_string(node, name);
  return s.ok() && str_eq(s.value, value);
}

// Adds every reg entry of `node` to memory (to_memory) or reserved.
bool add_reg_entries(Extract& x, const FdtNode& node, bool to_memory) {
  FdtOr<uint32_t> n = x.fdt.reg_count(node);
  if (n.error == FdtError::kNotFound) {
    return true;
  }
  if (!n.ok()) {
    return x.fail_fdt(n.error);
  }
  for (uint32_t i = 0; i < n.value; ++i) {
    FdtOr<FdtRegion> r = x.fdt.reg(node, i);
    if (!r.ok()) {
      return x.fail_fdt(r.error);
    }
    bool ok = to_memory
                  ? add_region(x, x.info.memory, &x.info.memory_count, kBootMaxMemoryRegions,
                               BootInfoStatus::kTooManyMemoryRegions, r.value.base, r.value.size)
                  : add_reserved(x, r.value.base, r.value.size);
    if (!ok) {
      return false;
    }
  }
  return true;
}

// Iterates the children of `parent`, calling fn(node) -> bool (false stops).
template <typename Fn>
bool for_each_child(Extract& x, const FdtNode& parent, Fn&& fn) {
  FdtOr<FdtNode> c = x.fdt.first_child(parent);
  while (c.ok()) {
    if (!fn(c.value)) {
      return false;
    }
    c = x.fdt.next_sibling(c.value);
  }
  return c.error == FdtError::kNotFound || x.fail_fdt(c.error);
}

bool extract_memory(Extract& x) {
  bool ok = for_each_child(x, x.fdt.root(), [&](const FdtNode& n) {
    if (!has_string(x.fdt, n, "device_type", "memory") || !x.fdt.is_enabled(n)) {
      return true;
    }
    return add_reg_entries(x, n, true);
  });
  if (ok && x.info.memory_count == 0) {
    return x.fail(BootInfoStatus::kNoMemory);
  }
  return ok;
}

bool extract_reserved(Extract& x) {
  for (uint32_t i = 0; i < x.fdt.reserved_count(); ++i) {
    FdtOr<FdtRegion> r = x.fdt.reserved_entry(i);
    if (!r.ok()) {
      return x.fail_fdt(r.error);
    }
    if (!add_reserved(x, r.value.base, r.value.size)) {
      return false;
    }
  }
  FdtOr<FdtNode> rm = x.fdt.find_path("/reserved-memory");
  if (rm.error == FdtError::kNotFound) {
    return true;
  }
  if (!rm.ok()) {
    return x.fail_fdt(rm.error);
  }
  return for_each_child(x, rm.value,
                        [&](const FdtNode& n) { return add_reg_entries(x, n, false); });
}

// An optional one- or two-cell number property: absent leaves *out and
// *present false; malformed fails the extraction.
bool read_optional_number(Extract& x, const FdtNode& node, const char* name, bool* present,
                          uint64_t* out) {
  FdtOr<FdtProperty> p = x.fdt.property(node, name);
  *present = p.ok();
  if (p.error == FdtError::kNotFound) {
    return true;
  }
  if (!p.ok()) {
    return x.fail_fdt(p.error);
  }
  FdtOr<uint64_t> v = p.value.u32_or_u64();
  if (!v.ok()) {
    return x.fail_fdt(v.error);
  }
  *out = v.value;
  return true;
}

bool read_frequency(Extract& x, const FdtNode& node, uint64_t* hz) {
  bool present = false;
  return read_optional_number(x, node, "timebase-frequency", &present, hz);
}

// The kernel needs Sv39 paging. The binding makes mmu-type the statement of
// an MMU, so a node that names its ISA but no mmu-type (SiFive's E51 monitor
// core) or says "riscv,none" has none; a node with neither property (minimal
// trees) is trusted.
bool hart_has_mmu(const Fdt& fdt, const FdtNode& n) {
  FdtOr<const char*> mmu = fdt.property_string(n, "mmu-type");
  if (mmu.ok()) {
    return !str_eq(mmu.value, "riscv,none");
  }
  return !fdt.property(n, "riscv,isa").ok();
}

// The phandle of a cpu node's "interrupt-controller" child, or 0.
uint32_t intc_phandle_of(const Fdt& fdt, const FdtNode& cpu) {
  FdtOr<FdtNode> intc = fdt.child(cpu, "interrupt-controller");
  if (!intc.ok()) {
    return 0;
  }
  FdtOr<FdtProperty> ph = fdt.property(intc.value, "phandle");
  if (!ph.ok()) {
    return 0;
  }
  FdtOr<uint32_t> v = ph.value.u32();
  return v.ok() ? v.value : 0;
}

bool extract_cpus(Extract& x) {
  FdtOr<FdtNode> cpus = x.fdt.find_path("/cpus");
  if (cpus.error == FdtError::kNotFound) {
    return x.fail(BootInfoStatus::kNoHarts);
  }
  if (!cpus.ok()) {
    return x.fail_fdt(cpus.error);
  }
  uint64_t cpu_timebase = 0;
  if (!read_frequency(x, cpus.value, &x.info.timebase_hz)) {
    return false;
  }
  bool ok = for_each_child(x, cpus.value, [&](const FdtNode& n) {
    if (!has_string(x.fdt, n, "device_type", "cpu") || !x.fdt.is_enabled(n)) {
      return true;
    }
    FdtOr<FdtRegion> r = x.fdt.reg(n, 0);
    if (!r.ok()) {
      return x.fail_fdt(r.error);
    }
    if (!hart_has_mmu(x.fdt, n)) {
      if (x.info.skipped_hart_count >= kBootMaxHarts) {
        return x.fail(BootInfoStatus::kTooManyHarts);
      }
      x.info.skipped_hart_ids[x.info.skipped_hart_count++] = r.value.base;
      return true;
    }
    if (x.info.hart_count >= kBootMaxHarts) {
      return x.fail(BootInfoStatus::kTooManyHarts);
    }
    x.intc_phandle[x.info.hart_count] = intc_phandle_of(x.fdt, n);
    x.info.hart_ids[x.info.hart_count++] = r.value.base;
    return cpu_timebase != 0 || read_frequency(x, n, &cpu_timebase);
  });
  if (!ok) {
    return false;
  }
  if (x.info.hart_count == 0) {
    return x.fail(BootInfoStatus::kNoHarts);
  }
  if (x.info.timebase_hz == 0) {
    x.info.timebase_hz = cpu_timebase;
  }
  if (x.info.timebase_hz == 0) {
    return x.fail(BootInfoStatus::kNoTimebase);
  }
  return true;
}

// Optional u32 property with a default.
bool read_u32(Extract& x, const FdtNode& node, const char* name, uint32_t dflt, uint32_t* out) {
  FdtOr<FdtProperty> p = x.fdt.property(node, name);
  if (p.error == FdtError::kNotFound) {
    *out = dflt;
    return true;
  }
  if (!p.ok()) {
    return x.fail_fdt(p.error);
  }
  FdtOr<uint32_t> v = p.value.u32();
  if (!v.ok()) {
    return x.fail_fdt(v.error);
  }
  *out = v.value;
  return true;
}

bool fill_uart(Extract& x, const FdtNode& n) {
  UartInfo& u = x.info.uart;
  FdtOr<FdtRegion> r = x.fdt.reg(n, 0);
  if (!r.ok()) {
    return x.fail_fdt(r.error);
  }
  if (wraps(r.value.base, r.value.size)) {
    return x.fail(BootInfoStatus::kBadRegion);
  }
  u.base = r.value.base;
  u.size = r.value.size;
  if (!read_u32(x, n, "clock-frequency", 0, &u.clock_hz) ||
      !read_u32(x, n, "reg-shift", 0, &u.reg_shift) ||
      !read_u32(x, n, "reg-io-width", 1, &u.reg_io_width)) {
    return false;
  }
  if ((u.reg_io_width != 1 && u.reg_io_width != 2 && u.reg_io_width != 4) || u.reg_shift > 4) {
    return x.fail(BootInfoStatus::kBadUart);
  }
  // `interrupts`: one cell per interrupt under a PLIC (#interrupt-cells 1);
  // the first names the UART's source. Absent: no interrupt (0).
  FdtOr<FdtProperty> irqs = x.fdt.property(n, "interrupts");
  if (irqs.ok()) {
    FdtOr<uint64_t> first = irqs.value.cells(0, 1);
    if (!first.ok()) return x.fail_fdt(first.error);
    u.irq = static_cast<uint32_t>(first.value);
  } else if (irqs.error != FdtError::kNotFound) {
    return x.fail_fdt(irqs.error);
  }
  FdtOr<const char*> c = x.fdt.property_string(n, "compatible");
  if (c.ok() && !copy_string(u.compatible, kBootCompatibleSize, c.value)) {
    return x.fail(BootInfoStatus::kStringTooLong);
  }
  if (!c.ok() && c.error != FdtError::kNotFound) {
    return x.fail_fdt(c.error);
  }
  x.info.has_uart = true;
  return true;
}

// A node that exists, is enabled and has a reg; kNotFound-style misses are
// not errors, corruption is.
bool usable(Extract& x, const FdtOr<FdtNode>& n) {
  if (!n.ok()) {
    return n.error == FdtError::kNotFound || x.fail_fdt(n.error);
  }
  return x.fdt.is_enabled(n.value) && x.fdt.property(n.value, "reg").ok();
}

// First enabled node compatible with `compat`, or kNotFound.
FdtOr<FdtNode> find_enabled(Extract& x, const char* compat) {
  FdtOr<FdtNode> n = x.fdt.find_compatible(compat);
  while (n.ok() && !x.fdt.is_enabled(n.value)) {
    n = x.fdt.find_compatible(compat, &n.value);
  }
  return n;
}

bool extract_uart(Extract& x) {
  FdtOr<FdtNode> n = x.fdt.stdout_node(nullptr);
  // A stdout-path naming nothing usable falls back to the first ns16550a, then
  // the first sifive,uart0.
  if (n.ok() && usable(x, n)) {
    return fill_uart(x, n.value);
  }
  n = find_enabled(x, "ns16550a");
  if (n.error == FdtError::kNotFound) {
    n = find_enabled(x, "sifive,uart0");
  }
  if (!n.ok()) {
    return n.error == FdtError::kNotFound || x.fail_fdt(n.error);
  }
  return fill_uart(x, n.value);
}

bool extract_plic(Extract& x) {
  FdtOr<FdtNode> n = find_enabled(x, "riscv,plic0");
  if (n.error == FdtError::kNotFound) {
    n = find_enabled(x, "sifive,plic-1.0.0");
  }
  if (!n.ok()) {
    return n.error == FdtError::kNotFound || x.fail_fdt(n.error);
  }
  FdtOr<FdtRegion> r = x.fdt.reg(n.value, 0);
  if (!r.ok()) {
    return x.fail_fdt(r.error);
  }
  x.info.plic.base = r.value.base;
  x.info.plic.size = r.value.size;
  if (!read_u32(x, n.value, "riscv,ndev", 0, &x.info.plic.ndev)) {
    return false;
  }
  for (uint32_t h = 0; h < x.info.hart_count; ++h) {
    x.info.plic.s_context[h] = static_cast<uint32_t>(2 * x.info.hart_ids[h] + 1);
  }
  // interrupts-extended: one (intc phandle, cause) pair of cells per context,
  // in context order; cause 9 is the S-mode external interrupt.
  FdtOr<FdtProperty> ext = x.fdt.property(n.value, "interrupts-extended");
  if (ext.ok()) {
    const uint32_t pairs = ext.value.len / 8;
    for (uint32_t ctx = 0; ctx < pairs; ++ctx) {
      FdtOr<uint64_t> phandle = ext.value.cells(2 * ctx, 1);
      FdtOr<uint64_t> cause = ext.value.cells(2 * ctx + 1, 1);
      if (!phandle.ok() || !cause.ok()) {
        return x.fail_fdt(!phandle.ok() ? phandle.error : cause.error);
      }
      for (uint32_t h = 0; h < x.info.hart_count && cause.value == 9; ++h) {
        if (x.intc_phandle[h] != 0 && x.intc_phandle[h] == phandle.value) {
          x.info.plic.s_context[h] = ctx;
        }
      }
    }
  }
  x.info.has_plic = true;
  return true;
}

// The first enabled node compatible with one of `compats` (in order of
// preference): its first reg's base in *base, and *has set. None is no error.
bool extract_device(Extract& x, std::initializer_list<const char*> compats, bool* has, uint64_t* base) {
  FdtOr<FdtNode> n;
  n.error = FdtError::kNotFound;
  for (const char* c : compats) {
    if (n.error == FdtError::kNotFound) n = find_enabled(x, c);
  }
  if (!n.ok()) {
    return n.error == FdtError::kNotFound || x.fail_fdt(n.error);
  }
  FdtOr<FdtRegion> r = x.fdt.reg(n.value, 0);
  if (!r.ok()) {
    return x.fail_fdt(r.error);
  }
  *base = r.value.base;
  *has = true;
  return true;
}

bool extract_finisher(Extract& x) {
  return extract_device(x, {"sifive,test1", "sifive,test0"}, &x.info.has_finisher, &x.info.finisher_base);
}

bool extract_rtc(Extract& x) {
  return extract_device(x, {"google,goldfish-rtc"}, &x.info.has_rtc, &x.info.rtc_base);
}

bool extract_chosen(Extract& x) {
  FdtOr<FdtNode> chosen = x.fdt.find_path("/chosen");
  if (chosen.error == FdtError::kNotFound) {
    return true;
  }
  if (!chosen.ok()) {
    return x.fail_fdt(chosen.error);
  }
  FdtOr<const char*> args = x.fdt.property_string(chosen.value, "bootargs");
  if (args.ok() && !copy_string(x.info.bootargs, kBootArgsSize, args.value)) {
    return x.fail(BootInfoStatus::kStringTooLong);
  }
  if (!args.ok() && args.error != FdtError::kNotFound) {
    return x.fail_fdt(args.error);
  }
  bool has_start = false;
  bool has_end = false;
  if (!read_optional_number(x, chosen.value, "linux,initrd-start", &has_start,
                            &x.info.initrd_start) ||
      !read_optional_number(x, chosen.value, "linux,initrd-end", &has_end, &x.info.initrd_end)) {
    return false;
  }
  if (has_start != has_end || x.info.initrd_end < x.info.initrd_start) {
    return x.fail(BootInfoStatus::kBadInitrd);
  }
  x.info.has_initrd = has_start;
  if (has_start) {
    return add_reserved(x, x.info.initrd_start, x.info.initrd_end - x.info.initrd_start);
  }
  return true;
}

}  // namespace

// Indexed by BootInfoStatus; the static_assert keeps it in step with the enum.
constexpr const char* kStatusNames[] = {
    "ok",
    "bad device tree",
    "no memory node",
    "too many memory regions",
    "too many reserved regions",
    "no enabled harts",
    "too many harts",
    "no timebase-frequency",
    "region wraps around the address space",
    "bad console UART",
    "string too long",
    "bad initrd range",
};
static_assert(sizeof(kStatusNames) / sizeof(kStatusNames[0]) ==
              static_cast<size_t>(BootInfoStatus::kCount));

const char* boot_info_status_name(BootInfoStatus s) {
  size_t i = static_cast<size_t>(s);
  return i < static_cast<size_t>(BootInfoStatus::kCount) ? kStatusNames[i] : "unknown status";
}

BootInfoStatus boot_info_from(const Fdt& fdt, uint64_t blob_pa, BootInfo& info) {
  info = BootInfo{};
  info.fdt_base = blob_pa;
  info.fdt_size = fdt.total_size();
  Extract x{fdt, info};
  if (extract_memory(x) && extract_reserved(x) && add_reserved(x, blob_pa, fdt.total_size()) &&
      extract_cpus(x) && extract_uart(x) && extract_plic(x) && extract_finisher(x) && extract_rtc(x) &&
      extract_chosen(x)) {
    return BootInfoStatus::kOk;
  }
  return x.status;
}

BootInfoStatus boot_info_from_fdt(const void* blob, size_t max_size, uint64_t blob_pa,
                                  BootInfo& info) {
  FdtOr<Fdt> fdt = Fdt::open(blob, max_size);
  if (!fdt.ok()) {
    info = BootInfo{};
    info.fdt_error = fdt.error;
    return BootInfoStatus::kBadDeviceTree;
  }
  return boot_info_from(fdt.value, blob_pa, info);
}

BootInfoStatus boot_info_from_fdt(const void* blob, size_t max_size, BootInfo& info) {
  return boot_info_from_fdt(blob, max_size, reinterpret_cast<uintptr_t>(blob), info);
}
