// The big kernel lock's parking policy (kernel/lib/ticket_lock.h): a hart
// that waits long for the lock sleeps in wfi until the unlocker serving its
// ticket sends it a software interrupt. Under emulation with more harts than
// host cores this is what lets the holder's vCPU run: a halted vCPU gives its
// host thread up, a spinning one does not (four harts on two cores made
// kernel calls two orders of magnitude slower than two harts did).
//
// The kick is an SSIP, the same bit as the kernel's own IPIs (a reschedule,
// kill or signal request, an idle hart's kick). A parked hart must clear it
// to sleep again, so it may swallow one of those: smp_send_ipi marks each in
// Cpu::ipi_requested first, and the waiter raises SSIP again on its way out
// if one was requested (the IPI's handler clears the mark, then SSIP).
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/percpu.h"

struct HartPark {
  static constexpr bool kParks = true;
  // A kernel call holds the lock for a few hundred to a few thousand
  // instructions; spin about that long before paying for an IPI.
  static constexpr uint32_t kSpins = 256;

  static uint32_t self() { return this_cpu()->index; }

  template <class F>
  static void wait(F served) {
    // Only the kick may end wfi: a pending timer or device interrupt (taken
    // after the lock, on the way back to user mode) would make it return at once.
    const uint64_t sie = QRV_CSR_READ(sie);
    QRV_CSR_WRITE(sie, csr::kSipSsip);
    bool swallowed = false;
    while (!served()) {
      asm volatile("wfi" ::: "memory");
      if ((QRV_CSR_READ(sip) & csr::kSipSsip) != 0) {
        asm volatile("csrc sip, %0" ::"r"(csr::kSipSsip));
        swallowed = true;
      }
    }
    QRV_CSR_WRITE(sie, sie);
    if (swallowed && __atomic_load_n(&this_cpu()->ipi_requested, __ATOMIC_ACQUIRE) != 0) {
      asm volatile("csrs sip, %0" ::"r"(csr::kSipSsip));
    }
  }

  static void kick(uint32_t index);  // hart_park.cc
};
