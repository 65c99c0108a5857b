// Parking and resuming kernel paths (kcontext.S), entering user mode, and
// user-memory access with fault recovery.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/arch/riscv/trap_frame.h"

struct KContext {
  uint64_t regs[14];  // ra, sp, s0..s11
};

extern "C" long kcontext_save(KContext* ctx);
extern "C" [[noreturn]] void kcontext_resume(KContext* ctx, long value);

// Restores `frame` (sstatus.SPP = 0) and srets into user mode. The frame
// must lie at the top of the kernel stack named by this hart's Cpu.kstack_top.
extern "C" [[noreturn]] void user_enter(TrapFrame* frame);

// Copies between kernel memory and the current address space's user half
// (sstatus.SUM on for the copy alone). A range outside user space, or a page
// that is not mapped user-readable (in) / user-writable (out), fails with
// false and no kernel fault.
bool copy_from_user(void* dst, uint64_t user_src, size_t n);
bool copy_to_user(uint64_t user_dst, const void* src, size_t n);

// What the copies (and cas_user32) call when they fault: true if the page of
// `va` is now mapped (a demand-zero page: kernel/proc maps it), and the
// access is tried again. Unset: every fault fails the access.
void uaccess_set_fault_in(bool (*fault_in)(uint64_t va));

// Atomic compare-and-swap of the aligned 32-bit user word at `user_word`
// (user threads on other harts may swap it at the same time): stores
// `desired` if it holds `expected`, and puts what it held in *seen (so
// *seen == expected means the swap happened). A misaligned or non-user
// address, a page not user-readable, or one not user-writable when the swap
// would store, fails with false and no kernel fault.
bool cas_user32(uint64_t user_word, uint32_t expected, uint32_t desired, uint32_t* seen);
