// In-kernel tests of device interrupts, with whichever device the board has:
// QEMU virt's Goldfish RTC alarm, or sifive_u's second SiFive UART's transmit
// watermark (which also checks the PLIC context the device tree gives this
// hart). The interrupt reaches this hart through the PLIC, the attached
// handler runs once, and nothing stays pending. A board without the device
// skips that test.
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/console/console.h"
#include "kernel/dev/goldfish_rtc.h"
#include "kernel/init/payload.h"
#include "kernel/lib/fdt.h"
#include "kernel/mm/mm_init.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/irq.h"
#include "testing/ktest/ktest.h"

namespace {
// Goldfish RTC registers (QEMU hw/rtc/goldfish_rtc.c): time and alarm in ns.
constexpr uint64_t kAlarmLow = 0x08, kAlarmHigh = 0x0c;  // the time is goldfish_rtc.h's
constexpr uint64_t kIrqEnabled = 0x10, kClearInterrupt = 0x1c;
constexpr uint64_t kSipSeip = 1u << 9;

struct Rtc {
  uint64_t base;  // kernel VA
  volatile uint32_t* reg(uint64_t off) const { return reinterpret_cast<volatile uint32_t*>(base + off); }
  uint64_t now() const { return goldfish_rtc_read_ns(base); }
};

struct Seen {
  Rtc* rtc;
  uint32_t irq;
  uint32_t count;
};

void on_alarm(uint32_t irq, void* ctx) {
  auto* seen = static_cast<Seen*>(ctx);
  seen->irq = irq;
  seen->count++;
  *seen->rtc->reg(kClearInterrupt) = 1;
}
}  // namespace

KTEST(irq, rtc_alarm_arrives_through_the_plic) {
  const BootInfo& info = kernel_boot_info();
  FdtOr<Fdt> fdt = Fdt::open(kva_ptr<const void>(info.fdt_base), info.fdt_size);
  KEXPECT(fdt.ok());
  if (!fdt.ok()) return;
  FdtOr<FdtNode> node = fdt.value.find_compatible("google,goldfish-rtc");
  if (!node.ok()) {
    kprintf("  (no google,goldfish-rtc on this board: skipped)\n");
    return;
  }
  FdtOr<FdtRegion> reg = fdt.value.reg(node.value, 0);
  FdtOr<FdtProperty> irq_prop = fdt.value.property(node.value, "interrupts");
  KEXPECT(reg.ok() && irq_prop.ok());
  const uint32_t irq = irq_prop.value.u32().value;
  // The RTC is in the kernel's MMIO map: CLOCK_REALTIME starts from it.
  Rtc rtc{kva(reg.value.base)};
  const uint64_t wall = rtc.now(), realtime = clock_realtime_ns();
  KEXPECT((realtime > wall ? realtime - wall : wall - realtime) < 1'000'000'000);  // within a second
  Seen seen{&rtc, 0, 0};
  KEXPECT(irq_attach(irq, on_alarm, &seen));
  KEXPECT(!irq_attach(irq, on_alarm, &seen));  // one handler per irq
  KEXPECT(!irq_attach(0, on_alarm, &seen));    // irq 0 means "none"
  const uint64_t alarm = rtc.now() + 1'000'000;  // 1 ms
  *rtc.reg(kAlarmHigh) = static_cast<uint32_t>(alarm >> 32);
  *rtc.reg(kAlarmLow) = static_cast<uint32_t>(alarm);  // writing ALARM_LOW arms it
  *rtc.reg(kIrqEnabled) = 1;
  for (uint64_t spins = 0; seen.count == 0 && spins < 50'000'000; ++spins) {
    if (QRV_CSR_READ(sip) & kSipSeip) irq_dispatch();
  }
  KEXPECT_EQ(seen.count, 1u);
  KEXPECT_EQ(seen.irq, irq);
  KEXPECT((QRV_CSR_READ(sip) & kSipSeip) == 0);
  *rtc.reg(kIrqEnabled) = 0;
  irq_detach(irq);
}

namespace {
// SiFive UART: ie (0x10) bit 0 enables the transmit-watermark interrupt, raised
// while the transmit FIFO holds fewer than txctrl.txcnt (bits 18:16) bytes.
constexpr uint64_t kUartTxctrl = 0x08, kUartIe = 0x10;
constexpr uint32_t kUartTxen = 1u, kUartTxcnt1 = 1u << 16, kUartIeTxwm = 1u;

struct UartSeen {
  uint64_t base;  // kernel VA
  uint32_t irq;
  uint32_t count;
};

void on_txwm(uint32_t irq, void* ctx) {
  auto* seen = static_cast<UartSeen*>(ctx);
  seen->irq = irq;
  seen->count++;
  *reinterpret_cast<volatile uint32_t*>(seen->base + kUartIe) = 0;  // lowers the line
}
}  // namespace

KTEST(irq, sifive_uart_watermark_arrives_through_the_plic) {
  const BootInfo& info = kernel_boot_info();
  FdtOr<Fdt> fdt = Fdt::open(kva_ptr<const void>(info.fdt_base), info.fdt_size);
  KEXPECT(fdt.ok());
  if (!fdt.ok()) return;
  // A SiFive UART that is not the console.
  FdtOr<FdtNode> node = fdt.value.find_compatible("sifive,uart0");
  FdtOr<FdtRegion> reg{};
  while (node.ok()) {
    reg = fdt.value.reg(node.value, 0);
    if (reg.ok() && reg.value.base != info.uart.base) break;
    node = fdt.value.find_compatible("sifive,uart0", &node.value);
  }
  if (!node.ok()) {
    kprintf("  (no second sifive,uart0 on this board: skipped)\n");
    return;
  }
  FdtOr<FdtProperty> irq_prop = fdt.value.property(node.value, "interrupts");
  KEXPECT(irq_prop.ok());
  if (!irq_prop.ok()) return;
  const uint32_t irq = irq_prop.value.u32().value;
  const PhysAddr pa(align_down(reg.value.base, kPageSize));
  KEXPECT(cpu_pte_map(kernel_page_table(), direct_map(pa), pa, kPageSize, kProtRead | kProtWrite, 0) ==
          Status::kOk);
  UartSeen seen{kva(reg.value.base), 0, 0};
  KEXPECT(irq_attach(irq, on_txwm, &seen));
  *reinterpret_cast<volatile uint32_t*>(seen.base + kUartTxctrl) = kUartTxen | kUartTxcnt1;
  *reinterpret_cast<volatile uint32_t*>(seen.base + kUartIe) = kUartIeTxwm;
  for (uint64_t spins = 0; seen.count == 0 && spins < 50'000'000; ++spins) {
    if (QRV_CSR_READ(sip) & kSipSeip) irq_dispatch();
  }
  KEXPECT_EQ(seen.count, 1u);
  KEXPECT_EQ(seen.irq, irq);
  KEXPECT((QRV_CSR_READ(sip) & kSipSeip) == 0);
  *reinterpret_cast<volatile uint32_t*>(seen.base + kUartIe) = 0;
  irq_detach(irq);
}
