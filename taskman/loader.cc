// The loader thread's work (see loader.h). Errors end the child with an
// errno that taskman hands to the spawner: ENOMEM when pages run out,
// E2BIG when the arguments do not fit the stack.
#include "taskman/loader.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/neutrino.h>

#include "kernel/abi/tm_priv.h"
#include "libc/include/sys/iomsg.h"

namespace {

using taskman::LoaderJob;

constexpr uint64_t kPage = 4096;
// A bss this large is demand-zero (smaller ones are not worth a range), in
// at most kLazyBssMax segments: the kernel has 4 ranges per process, and
// the stack takes one.
constexpr uint64_t kLazyBssMin = 16 * kPage;
constexpr uint32_t kLazyBssMax = 2;

int tm_map(uint32_t slot, uint64_t va, uint64_t len, uint32_t prot) {
  struct qrv_tm_map m = {va, len, 0, prot};  // pid 0: this process
  return syscall_tm_priv_r(slot, &m);
}

uint32_t prot_of(uint32_t elf_prot) {
  uint32_t p = QRV_TM_PROT_READ;  // nothing QRV maps is unreadable
  if (elf_prot & kElfProtWrite) p |= QRV_TM_PROT_WRITE;
  if (elf_prot & kElfProtExec) p |= QRV_TM_PROT_EXEC;
  return p;
}

// Each segment: writable zero pages, its file bytes, then its own
// protection (PROTECT makes executable pages coherent: fence.i here and on
// the other harts). A writable segment's pages past its file bytes (a
// large bss: libc's first heap arena) are demand-zero instead: a page is
// there once touched, so neither a spawn nor a fork's copy pays for the
// untouched ones.
int load_segments(const LoaderJob* job) {
  uint32_t lazy_ranges = 0;
  for (uint32_t i = 0; i < job->img.segment_count; ++i) {
    const ElfSegment& s = job->img.segments[i];
    const uint64_t lo = s.vaddr & ~(kPage - 1);
    const uint64_t hi = (s.vaddr + s.memsz + kPage - 1) & ~(kPage - 1);
    const uint32_t prot = prot_of(s.prot);
    constexpr uint32_t kRw = QRV_TM_PROT_READ | QRV_TM_PROT_WRITE;
    const uint64_t file_hi = (s.vaddr + s.filesz + kPage - 1) & ~(kPage - 1);
    const bool lazy_bss = prot == kRw && hi - file_hi >= kLazyBssMin && lazy_ranges < kLazyBssMax;
    lazy_ranges += lazy_bss;
    const uint64_t eager_hi = lazy_bss ? file_hi : hi;
    int r = eager_hi > lo ? tm_map(__KER_TM_MAP_ANON, lo, eager_hi - lo, kRw) : 0;
    if (r < 0) return -r;
    if (lazy_bss && (r = tm_map(__KER_TM_MAP_ANON, eager_hi, hi - eager_hi, kRw | QRV_TM_PROT_LAZY)) < 0) return -r;
    memcpy(reinterpret_cast<void*>(s.vaddr), job->elf + s.file_offset, s.filesz);
    if (prot != kRw) {
      r = tm_map(__KER_TM_PROTECT, lo, hi - lo, prot);
      if (r < 0) return -r;
    }
  }
  return 0;
}

// The child's descriptors (sys/procmsg.h _proc_spawn_fd): each at its own
// fd, sharing the parent's open file.
int inherit_fds(const LoaderJob* job) {
  for (uint32_t i = 0; i < job->nfds; ++i) {
    const struct _proc_spawn_fd& f = job->fds[i];
    const int flags = (job->cloexec & (uint64_t{1} << f.fd)) != 0 ? QRV_NTO_COF_CLOEXEC : 0;
    const int coid = ConnectAttach_r(0, f.pid, f.chid, static_cast<unsigned>(f.fd), flags);
    if (coid < 0) return coid == -ESRCH ? EBADF : -coid;  // the server is gone
    if (coid != f.fd) return EBADF;  // cannot happen: the child had none
    struct _io_dup m = {{_IO_DUP, 0, sizeof m}, job->parent_pid, f.src_coid};
    const long r = MsgSend_r(coid, &m, sizeof m, nullptr, 0);
    if (r < 0) return static_cast<int>(-r);
  }
  return 0;
}

// A spawn's program: its segments and its stack (argc, argv, envp, auxv).
int load_program(const LoaderJob* job, uint64_t* sp) {
  if (const int e = load_segments(job); e != 0) return e;
  const uint64_t base = taskman::kChildStackTop - job->stack_bytes;
  // Demand-zero: a page is there once touched (the stack's top, below, at once).
  const int r = tm_map(__KER_TM_MAP_ANON, base, job->stack_bytes,
                       QRV_TM_PROT_READ | QRV_TM_PROT_WRITE | QRV_TM_PROT_LAZY);
  if (r < 0) return -r;
  *sp = taskman::spawn_build_stack(reinterpret_cast<uint8_t*>(base), taskman::kChildStackTop, job->stack_bytes,
                                   job->args, job->img.entry);
  return *sp == 0 ? E2BIG : 0;
}

int load(const LoaderJob* job, uint64_t* sp) {
  *sp = job->sp;  // a fork's; a spawn builds its own
  if (!job->fork) {
    if (const int e = load_program(job, sp); e != 0) return e;
  }
  if (const int e = inherit_fds(job); e != 0) return e;
  for (int signo = 1; signo <= 64; ++signo) {  // (a fork's child has its parent's actions already)
    if ((job->sigignore & (uint64_t{1} << (signo - 1))) == 0 || signo == SIGKILL || signo == SIGSTOP) continue;
    const struct qrv_sigaction ignore = {QRV_SIG_IGN, 0, 0};
    if (SignalAction_r(0, nullptr, signo, &ignore, nullptr) < 0) return EINVAL;
  }
  if (job->set_sigmask) {
    const uint64_t mask = job->sigmask;
    if (SignalProcmask_r(0, 0, SIG_SETMASK, &mask, nullptr) < 0) return EINVAL;
  }
  if (job->set_sched) {  // this thread becomes the main thread: its scheduling is the program's
    const struct sched_param param = {job->sched_priority, 0};
    if (SchedSet_r(0, 0, job->sched_policy, &param) < 0) return EINVAL;
  }
  return 0;
}

}  // namespace

extern "C" [[noreturn]] void loader_main(LoaderJob* job) {
  uint64_t sp = 0;
  struct qrv_tm_loader_done done = {job->entry, 0, load(job, &sp), 0};
  done.sp = sp;
  // Success continues at the program's entry; a failure ends the process.
  for (;;) {
    const int r = syscall_tm_priv_r(__KER_TM_LOADER_DONE, &done);
    done.error = r < 0 ? -r : EINVAL;
  }
}
