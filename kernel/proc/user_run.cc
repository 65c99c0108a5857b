// user_run: ELF segments into anonymous user pages (written through the
// direct map), a stack with argc/argv/envp/auxv, a guarded kernel stack whose top
// holds the first TrapFrame, then user_enter. The kernel path parks itself
// with kcontext_save; ThreadDestroy(-1, ...) or a user fault resumes it.
#include "kernel/proc/user_run.h"

#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/console/console.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/aspace.h"
#include "kernel/mm/kstack.h"
#include "kernel/mm/mm_init.h"
#include "kernel/proc/process_exit.h"

namespace {
constexpr uint64_t kKernelStackPages = 4;
constexpr uint64_t kSstatusFsInitial = 1ull << 13;  // user code may use the FPU
constexpr uint64_t kAtNull = 0;
constexpr uint64_t kAtPagesz = 6;

struct Running {
  KContext kernel;  // user_run, parked
  const char* name;
  UserRunResult* result;
};
Running* g_running[kMaxHarts];

uint32_t prot_of(const ElfSegment& s) {
  uint32_t prot = kProtUser;
  if (s.prot & kElfProtRead) prot |= kProtRead;
  if (s.prot & kElfProtWrite) prot |= kProtWrite;
  if (s.prot & kElfProtExec) prot |= kProtExec;
  return prot;
}

// Kernel-side write into `as` (any user mapping, whatever its protection).
bool poke(tAddress* as, uint64_t va, const void* src, uint64_t len) {
  const auto* from = static_cast<const uint8_t*>(src);
  while (len != 0) {
    Result<VaddrInfo> vi = mm_vaddrinfo(as, VirtAddr(va));
    if (!vi.ok()) return false;
    const uint64_t chunk = kPageSize - (va & (kPageSize - 1));
    const uint64_t n = chunk < len ? chunk : len;
    __builtin_memcpy(kva_ptr<uint8_t>(vi.value().pa.value()), from, n);
    va += n;
    from += n;
    len -= n;
  }
  return true;
}

Status load_segments(tAddress* as, const uint8_t* file, const ElfImage& img) {
  for (uint32_t i = 0; i < img.segment_count; ++i) {
    const ElfSegment& s = img.segments[i];
    const uint64_t lo = align_down(s.vaddr, kPageSize);
    const uint64_t hi = align_up(s.vaddr + s.memsz, kPageSize);
    QRV_TRY(mm_map_anon(as, VirtAddr(lo), hi - lo, prot_of(s)));
    if (!poke(as, s.vaddr, file + s.file_offset, s.filesz)) return Status::kNotMapped;
  }
  return Status::kOk;
}

// The initial stack (psABI / System V): argc, argv[], NULL, envp NULL, auxv.
Result<uint64_t> build_stack(tAddress* as, const char* name) {
  QRV_TRY(mm_map_anon(as, VirtAddr(kUserStackTop - kUserStackSize), kUserStackSize,
                      kProtRead | kProtWrite | kProtUser));
  const uint64_t name_len = __builtin_strlen(name) + 1;
  const uint64_t name_va = align_down(kUserStackTop - name_len, 16);
  const uint64_t words[] = {1, name_va, 0, 0, kAtPagesz, kPageSize, kAtNull, 0};
  const uint64_t sp = align_down(name_va - sizeof(words), 16);
  if (!poke(as, name_va, name, name_len) || !poke(as, sp, words, sizeof(words))) {
    return Status::kNotMapped;
  }
  return sp;
}

[[noreturn]] void finish(Cpu* cpu) {
  Running* run = g_running[cpu->index];
  kcontext_resume(&run->kernel, 1);
}
}  // namespace

UserRunResult user_run(const void* elf, size_t size, const char* name) {
  UserRunResult res;
  ElfImage img;
  res.elf = elf_parse(elf, size, kUserBase, kUserStackTop - kUserStackSize, img);
  if (res.elf != ElfStatus::kOk) return res;

  Cpu* cpu = this_cpu();
  Result<tAddress*> made = mm_mcreate(&mm_spaces(), static_cast<uint16_t>(1 + cpu->index));
  if (!made.ok()) {
    res.status = made.status();
    return res;
  }
  tAddress* as = made.value();
  Result<KernelStack> kstack = kstack_alloc(kKernelStackPages);
  Result<uint64_t> sp = Status::kNoMemory;
  res.status = kstack.ok() ? load_segments(as, static_cast<const uint8_t*>(elf), img) : kstack.status();
  if (res.status == Status::kOk) {
    sp = build_stack(as, name);
    res.status = sp.status();
  }
  if (res.status == Status::kOk) {
    const uint64_t top = kstack.value().top();
    auto* frame = reinterpret_cast<TrapFrame*>(top - sizeof(TrapFrame));
    *frame = TrapFrame{};
    frame->x[2] = sp.value();
    frame->sepc = img.entry;
    frame->sstatus = (QRV_CSR_READ(sstatus) & ~(csr::kSstatusSpp | csr::kSstatusSie | csr::kSstatusSum)) |
                     csr::kSstatusSpie | kSstatusFsInitial;
    Running run{.kernel = {}, .name = name, .result = &res};
    g_running[cpu->index] = &run;
    const uint64_t saved_top = cpu->kstack_top;
    const uint64_t kernel_satp = QRV_CSR_READ(satp);
    if (kcontext_save(&run.kernel) == 0) {
      cpu->kstack_top = top;
      asm volatile("csrw satp, %0\n sfence.vma zero, zero" ::"r"((8ull << 60) | (as->pt.root.value() >> 12))
                   : "memory");
      user_enter(frame);
    }
    // Back from the program (exit or fault), on the kernel stack we left.
    asm volatile("csrw satp, %0\n sfence.vma zero, zero" ::"r"(kernel_satp) : "memory");
    cpu->kstack_top = saved_top;
    g_running[cpu->index] = nullptr;
  }
  if (kstack.ok()) kstack_free(kstack.value());
  mm_mdestroy(as);
  return res;
}

void process_exit(int64_t status) {
  Cpu* cpu = this_cpu();
  Running* run = g_running[cpu->index];
  run->result->exited = true;
  run->result->exit_status = status;
  finish(cpu);
}

void user_fault(TrapFrame* frame) {
  Cpu* cpu = this_cpu();
  Running* run = g_running[cpu->index];
  kprintf("user: %s killed: %s at pc 0x%lx, address 0x%lx\n", run->name,
          trap_cause_name(frame->scause), frame->sepc, frame->stval);
  run->result->faulted = true;
  run->result->fault_cause = frame->scause;
  run->result->fault_pc = frame->sepc;
  run->result->fault_addr = frame->stval;
  finish(cpu);
}
