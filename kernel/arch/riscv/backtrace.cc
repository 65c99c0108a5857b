// Walks saved frame pointers, trusting none of them: the walk stops at a
// frame pointer outside this hart's kernel stack, unaligned, or not moving up the
// stack, and at a return address outside kernel text.
//
// GCC's frame record is [fp-8] = ra, [fp-16] = caller's fp, except in a leaf
// function, which saves only the caller's fp, at [fp-8], and keeps ra in the
// register. A leaf can only be the innermost frame, so the caller passes the
// trapped ra register to recover that one step.
#include "kernel/arch/riscv/backtrace.h"

#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/console/console.h"

namespace {
constexpr int kMaxFrames = 32;

// Within this hart's kernel stack (the boot stack before per-hart data exists).
bool on_stack(uint64_t addr) {
  const Cpu* c = this_cpu();
  const uint64_t lo = c ? c->stack_lo : reinterpret_cast<uint64_t>(boot_stack_bottom);
  const uint64_t hi = c ? c->stack_hi : reinterpret_cast<uint64_t>(boot_stack_top);
  return addr >= lo + 16 && addr <= hi && addr % 8 == 0;
}

bool in_text(uint64_t addr) {
  return addr >= reinterpret_cast<uint64_t>(__kernel_start) &&
         addr < reinterpret_cast<uint64_t>(__text_end);
}
}  // namespace

void backtrace_print(uint64_t pc, uint64_t fp, uint64_t leaf_ra) {
  kprintf("backtrace:\n  #0  0x%016lx\n", pc);
  for (int depth = 1; depth < kMaxFrames && on_stack(fp); ++depth) {
    const uint64_t* frame = reinterpret_cast<const uint64_t*>(fp);
    uint64_t ra = frame[-1];
    uint64_t caller_fp = frame[-2];
    if (!in_text(ra) && depth == 1 && on_stack(ra) && in_text(leaf_ra)) {
      caller_fp = ra;  // leaf frame: [fp-8] is the caller's fp
      ra = leaf_ra;
    }
    if (!in_text(ra)) {
      break;
    }
    kprintf("  #%d  0x%016lx\n", depth, ra);
    if (caller_fp <= fp) {
      break;
    }
    fp = caller_fp;
  }
}
