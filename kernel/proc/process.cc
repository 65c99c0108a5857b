// Process and thread lifecycle. A thread's kernel stack is freed by the next
// thread to run on its hart (thread_reap), never by itself; its tThread
// stays until joined or until the process is torn down, which happens when
// the last thread has been reaped.
#include "kernel/proc/process.h"

#include <new>

#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/arch/riscv/memlayout.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/arch/riscv/smp.h"
#include "kernel/console/console.h"
#include "kernel/init/bkl.h"
#include "kernel/ipc/channel.h"
#include "kernel/ipc/msg.h"
#include "kernel/ipc/pulse.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/kheap.h"
#include "kernel/mm/mm_init.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/interrupt.h"
#include "kernel/proc/irq.h"
#include "kernel/proc/sched.h"
#include "kernel/proc/signal.h"
#include "kernel/proc/timeout.h"

extern "C" char thread_first_run[];

namespace {
constexpr uint64_t kKernelStackPages = kStackCachePages;  // the size kstack caches
constexpr uint64_t kAtNull = 0;
constexpr uint64_t kAtPagesz = 6;
constexpr uint8_t kDefaultPriority = 10;  // QNX's default user priority

uint32_t g_next_pid = 1;

// The kernel's processes (live, exiting, or ended and not yet reaped by
// taskman), for lookups by pid; the POSIX table is taskman's.
tProcess* g_processes[kMaxProcesses];

// The slot `proc` now has, or -1 (the table is full).
int register_process(tProcess* proc) {
  for (uint32_t i = 0; i < kMaxProcesses; ++i) {
    if (g_processes[i] == nullptr) {
      g_processes[i] = proc;
      return static_cast<int>(i);
    }
  }
  return -1;
}

void unregister_process(tProcess* proc) {
  for (tProcess*& slot : g_processes) {
    if (slot == proc) slot = nullptr;
  }
}

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

// The initial stack (psABI / System V): argc, argv[], NULL, envp NULL, auxv,
// with the argument strings above it.
Result<uint64_t> build_stack(tAddress* as, std::span<const char* const> argv) {
  QRV_TRY(mm_map_anon(as, VirtAddr(kUserStackTop - kUserStackSize), kUserStackSize,
                      kProtRead | kProtWrite | kProtUser));
  uint64_t words[kMaxSpawnArgs + 7];
  size_t n = 0;
  words[n++] = argv.size();
  uint64_t top = kUserStackTop;
  for (const char* arg : argv) {
    const uint64_t len = __builtin_strlen(arg) + 1;
    top -= len;
    if (!poke(as, top, arg, len)) return Status::kNotMapped;
    words[n++] = top;
  }
  const uint64_t tail[] = {0, 0, kAtPagesz, kPageSize, kAtNull, 0};
  for (uint64_t w : tail) words[n++] = w;
  const uint64_t sp = align_down(align_down(top, 16) - n * sizeof(uint64_t), 16);
  if (!poke(as, sp, words, n * sizeof(uint64_t))) return Status::kNotMapped;
  return sp;
}

tProcess* g_taskman = nullptr;  // the one process with QRV_FLG_PROC_TM_PRIV

// Queues one of a taskman child's notices (allocated with the process) on
// its notify channel; if taskman has closed that channel, nobody listens.
void notify_taskman(tProcess* proc, Pulse** notice, int8_t code) {
  Pulse* p = *notice;
  *notice = nullptr;
  tChannel* ch = g_taskman != nullptr ? channel_lookup(g_taskman, proc->tm_chid) : nullptr;
  if (p == nullptr) return;
  if (ch == nullptr) {
    pulse_discard(p);
    return;
  }
  pulse_queue_allocated(ch, p, kKernelPulsePriority, code, static_cast<int32_t>(proc->pid), 0);
}

void teardown(tProcess* proc) {
  pulse_discard(proc->tm_jobctl);  // no job-control notice after the end
  proc->tm_jobctl = nullptr;
  interrupt_process_teardown(proc);  // before its connections: no event may name them after
  ipc_process_teardown(proc);
  for (ProcTimer& timer : proc->timers) {
    if (timer.used) clock_disarm(timer);
    timer.used = false;
  }
  for (tThread*& t : proc->threads) {
    if (t != nullptr) {
      t->~tThread();
      kfree(t, sizeof(tThread));
      t = nullptr;
    }
  }
  mm_mdestroy(proc->as);
  proc->as = nullptr;
  if (proc->tm_chid != 0) {
    notify_taskman(proc, &proc->tm_death, QRV_PULSE_CODE_PROCDEATH);  // it stays until PROC_REAP
  } else {
    unregister_process(proc);
  }
  __atomic_store_n(&proc->finished, true, __ATOMIC_RELEASE);
  sched_kick_idle_harts();  // whoever waits for it may be idle on another hart
}

// Marks t dead (not running: a READY or blocked thread of an exiting
// process). Whatever state it was caught in, it leaves its message-passing
// lists and frees its message copies: a READY thread may not have come back
// from its call yet (a replied client, a receiver woken by a pulse).
void kill_stopped_thread(tThread* t) {
  msg_thread_cancel(t);
  msg_thread_exit(t);
  t->state_ = STATE_DEAD;
  t->exited = true;
  t->proc->live_threads--;
  thread_reap(t);
}
}  // namespace

SpawnResult process_spawn(const void* elf, size_t size, const char* name) {
  const char* const argv[] = {name};
  return process_spawn_args(elf, size, argv);
}

namespace {
// A process with a fresh address space and a pid, in the process table, no
// threads yet. Takes nothing; the BKL is held.
Result<tProcess*> create_shell(uint32_t flags) {
  auto* proc = static_cast<tProcess*>(kmalloc(sizeof(tProcess)));
  if (proc == nullptr) return Status::kNoMemory;
  new (proc) tProcess();
  proc->flags = flags;
  const int slot = register_process(proc);
  if (slot < 0) {
    process_free(proc);
    return Status::kBusy;
  }
  proc->pid = g_next_pid++;
  // The ASID is the table slot: unique among the address spaces that exist
  // (a slot is reused only after its space was destroyed, which forgets the
  // ASID on every hart), however many pids go by.
  Result<tAddress*> as = mm_mcreate(&mm_spaces(), static_cast<uint16_t>(slot + 1));
  if (!as.ok()) {
    unregister_process(proc);
    process_free(proc);
    return as.status();
  }
  proc->as = as.value();
  return proc;
}

// Undoes create_shell (and whatever was mapped since) for a process whose
// first thread never started.
void destroy_shell(tProcess* proc) {
  unregister_process(proc);
  mm_mdestroy(proc->as);
  pulse_discard(proc->tm_loaded);
  pulse_discard(proc->tm_death);
  pulse_discard(proc->tm_jobctl);
  process_free(proc);
}

// Loads a program whose segments must lie in [lo, hi) and gives the new
// process `flags`.
SpawnResult spawn(const void* elf, size_t size, std::span<const char* const> argv, uint64_t lo, uint64_t hi,
                  uint32_t flags) {
  SpawnResult res;
  if (argv.empty() || argv.size() > kMaxSpawnArgs) {
    res.status = Status::kInvalidArgument;
    return res;
  }
  ElfImage img;
  res.elf = elf_parse(elf, size, lo, hi, img);
  if (res.elf != ElfStatus::kOk) return res;
  TicketLockGuard guard(bkl());
  Result<tProcess*> shell = create_shell(flags);
  res.status = shell.status();
  if (!shell.ok()) return res;
  tProcess* proc = shell.value();
  proc->name = argv[0];
  res.status = load_segments(proc->as, static_cast<const uint8_t*>(elf), img);
  Result<uint64_t> sp = Status::kNoMemory;
  if (res.status == Status::kOk) {
    sp = build_stack(proc->as, argv);
    res.status = sp.status();
  }
  if (res.status == Status::kOk) {
    Result<tThread*> t = thread_create(proc, img.entry, sp.value(), 0, kDefaultPriority);
    res.status = t.status();
  }
  if (res.status != Status::kOk) {
    destroy_shell(proc);
    return res;
  }
  if ((flags & QRV_FLG_PROC_TM_PRIV) != 0) g_taskman = proc;
  res.proc = proc;
  return res;
}
}  // namespace

SpawnResult process_spawn_args(const void* elf, size_t size, std::span<const char* const> argv) {
  // Below taskman's slot: nothing but taskman is ever loaded there.
  return spawn(elf, size, argv, kUserBase, kTaskmanBase, 0);
}

SpawnResult process_spawn_taskman(const void* elf, size_t size) {
  // The one place QRV_FLG_PROC_TM_PRIV is ever set.
  const char* const argv[] = {"taskman"};
  return spawn(elf, size, argv, kTaskmanBase, kTaskmanTop, QRV_FLG_PROC_TM_PRIV);
}

void process_wait(tProcess* proc) {
  sched_idle_until([](void* p) { return static_cast<tProcess*>(p)->finished; }, proc);
}

void process_free(tProcess* proc) {
  proc->~tProcess();
  kfree(proc, sizeof(tProcess));
}

Result<tThread*> thread_create(tProcess* proc, uint64_t pc, uint64_t sp, uint64_t arg,
                               uint8_t priority) {
  uint32_t slot = 0;
  while (slot < kMaxThreadsPerProcess && proc->threads[slot] != nullptr) ++slot;
  if (slot == kMaxThreadsPerProcess) return Status::kBusy;
  auto* t = static_cast<tThread*>(kmalloc(sizeof(tThread)));
  if (t == nullptr) return Status::kNoMemory;
  new (t) tThread();
  Result<KernelStack> stack = kstack_alloc(kKernelStackPages);
  if (!stack.ok()) {
    kfree(t, sizeof(tThread));
    return stack.status();
  }
  t->kstack = stack.value();
  t->tid = slot + 1;
  t->proc = proc;
  t->priority_ = priority;
  t->ipc.real_priority = priority;
  t->frame = reinterpret_cast<TrapFrame*>(t->kstack.top() - sizeof(TrapFrame));
  *t->frame = TrapFrame{};
  t->frame->x[2] = sp;
  t->frame->x[10] = arg;
  t->frame->x[11] = t->tid;  // a1: its own tid (kernel/abi/types.h, qrv_thread_attr)
  t->frame->sepc = pc;
  // FS Off, whatever the creator's: the first FP instruction enables it (fpu.h).
  t->frame->sstatus = (QRV_CSR_READ(sstatus) & ~(csr::kSstatusSpp | csr::kSstatusSie | csr::kSstatusSum |
                                                 csr::kSstatusFs)) |
                      csr::kSstatusSpie;
  t->ctx.regs[0] = reinterpret_cast<uint64_t>(thread_first_run);  // ra
  t->ctx.regs[1] = reinterpret_cast<uint64_t>(t->frame);          // sp
  proc->threads[slot] = t;
  proc->live_threads++;
  sched_make_ready(t);
  return t;
}

void thread_exit(uint64_t value) {
  tThread* cur = sched_current();
  tProcess* proc = cur->proc;
  msg_thread_exit(cur);
  cur->exit_value = value;
  cur->exited = true;
  cur->state_ = STATE_DEAD;
  proc->live_threads--;
  signal_thread_exit(cur);
  if (cur->joiner != nullptr) {  // the join completes here: the joiner
    tThread* j = cur->joiner;       // will not touch us again
    cur->joiner = nullptr;
    cur->joined = true;  // collected: thread_reap frees us, a later join is ESRCH
    j->join_target = nullptr;
    *j->join_result = value;
    sched_make_ready(j);
  }
  sched_block();  // the next thread on this hart reaps us
  __builtin_unreachable();
}

namespace {
// Every thread of `proc` but `except` dies: stopped ones now, running ones
// (on other harts) at their next kernel entry, which an IPI forces.
void kill_threads(tProcess* proc, const tThread* except) {
  for (tThread* t : proc->threads) {
    if (t == nullptr || t == except || t->exited) continue;
    switch (t->state_) {
      case STATE_RUNNING:
        sched_kick_thread(t);  // on another hart: it dies at its next kernel entry
        continue;
      case STATE_READY:  // not running anywhere: it dies now
        sched_unready(t);
        break;
      case STATE_JOIN:
        if (t->join_target != nullptr) t->join_target->joiner = nullptr;
        break;
      case STATE_NANOSLEEP:
        clock_cancel_sleep(t);
        break;
      default:  // message passing (msg_thread_cancel unlinks it); mutex and
        break;  // condvar waiters are found by state, nothing to unlink
    }
    kill_stopped_thread(t);
  }
}

void mark_exiting(tProcess* proc, int64_t status, int signo) {
  if (!proc->exiting) {
    proc->exiting = true;
    proc->exit_status = status;
    proc->term_signal = signo;
  }
}
}  // namespace

void process_exit(int64_t status) {
  tThread* cur = sched_current();
  mark_exiting(cur->proc, status, 0);
  kill_threads(cur->proc, cur);
  thread_exit(static_cast<uint64_t>(cur->proc->exit_status));
}

ProcessCounts process_counts() {
  ProcessCounts c;
  for (const tProcess* p : g_processes) {
    if (p == nullptr) continue;
    c.processes++;
    for (const tThread* t : p->threads) c.threads += t != nullptr;
    for (const ProcTimer& t : p->timers) c.timers += t.used;
    if (p->as != nullptr) c.user_pages += p->as->owned_pages + p->as->table_pages;
  }
  return c;
}

uint32_t process_next_pid() { return g_next_pid; }

tProcess* process_slot(uint32_t i) { return i < kMaxProcesses ? g_processes[i] : nullptr; }

tProcess* process_find(uint32_t pid) {
  for (tProcess* p : g_processes) {
    if (p != nullptr && p->pid == pid && !p->exiting) return p;
  }
  return nullptr;
}

void process_terminate(tProcess* proc, int signo) {
  tThread* cur = sched_current();
  mark_exiting(proc, -signo, signo);
  if (cur->proc == proc) {
    kill_threads(proc, cur);
    thread_exit(static_cast<uint64_t>(proc->exit_status));
  }
  kill_threads(proc, nullptr);
}

int64_t thread_join(uint32_t tid, uint64_t* value) {
  tThread* cur = sched_current();
  tProcess* proc = cur->proc;
  if (tid == 0 || tid > kMaxThreadsPerProcess || proc->threads[tid - 1] == nullptr) return -QRV_ESRCH;
  tThread* target = proc->threads[tid - 1];
  if (target->joined) return -QRV_ESRCH;  // collected by another join, not yet freed
  if (target == cur) return -QRV_EDEADLK;
  if (target->joiner != nullptr) return -QRV_EINVAL;
  if (!target->exited) {
    if (timeout_expired(cur, STATE_JOIN)) return -QRV_ETIMEDOUT;
    if (signal_interrupts(cur)) return signal_eintr(cur);  // a signal is on its way in
    cur->state_ = STATE_JOIN;
    cur->join_target = target;
    cur->join_result = value;
    cur->unblock_status = 0;
    target->joiner = cur;
    timeout_start(cur);
    sched_block();
    timeout_stop(cur);
    thread_check_exiting();
    // Woken by the target's exit, which collected it (thread_exit): it may be
    // freed already. Else by a timeout or a signal, still joinable.
    return cur->unblock_status;
  }
  *value = target->exit_value;
  if (target->kstack.pages == 0) {  // reaped: the tThread can go
    proc->threads[tid - 1] = nullptr;
    target->~tThread();
    kfree(target, sizeof(tThread));
  } else {
    target->joined = true;  // thread_reap frees the object once the stack is gone
  }
  return 0;
}

void thread_reap(tThread* t) {
  fpu_forget(t);
  kstack_free(t->kstack);
  t->kstack = KernelStack{};
  tProcess* proc = t->proc;
  if (t->joined) {  // nobody needs the object any more
    proc->threads[t->tid - 1] = nullptr;
    t->~tThread();
    kfree(t, sizeof(tThread));
  }
  if (proc->live_threads == 0) {
    bool stacks_left = false;
    for (tThread* other : proc->threads) {
      stacks_left |= other != nullptr && other->kstack.pages != 0;
    }
    if (!stacks_left) teardown(proc);
  }
}

void thread_exit_with_process() {
  thread_exit(static_cast<uint64_t>(sched_current()->proc->exit_status));
}

namespace {
// uaccess's fault-in hook: a kernel copy touched a page of the current
// process's demand-zero range. The big kernel lock guards the page tables;
// a call that runs without it (syscall_dispatch: unlocked_call) takes it.
bool fault_in_for_kernel(uint64_t va) {
  tThread* cur = sched_current();
  if (cur->proc == nullptr || cur->proc->as == nullptr) return false;
  if (this_cpu()->unlocked_call == 0) return mm_fault_lazy(cur->proc->as, va);
  TicketLockGuard guard(bkl());
  return mm_fault_lazy(cur->proc->as, va);
}
}  // namespace

void process_init_hart() { uaccess_set_fault_in(fault_in_for_kernel); }

void user_trap(TrapFrame* frame) {
  TicketLockGuard guard(bkl());
  if (frame->scause == (csr::kScauseInterrupt | 1)) {  // IPI: a reschedule, kill or signal request
    __atomic_store_n(&this_cpu()->ipi_requested, 0u, __ATOMIC_RELAXED);  // the mark, then the bit
    asm volatile("csrc sip, %0" ::"r"(csr::kSipSsip));
    __atomic_fetch_add(&this_cpu()->ipis, 1u, __ATOMIC_RELAXED);
    thread_check_exiting();
  } else if (frame->scause == (csr::kScauseInterrupt | 5)) {  // timer: sleepers, slicing
    thread_check_exiting();
    clock_interrupt();
  } else if (frame->scause == (csr::kScauseInterrupt | 9)) {  // a device, through the PLIC
    irq_dispatch();
    thread_check_exiting();
  } else if ((frame->scause == csr::kLoadPageFault || frame->scause == csr::kStorePageFault) &&
             mm_fault_lazy(sched_current()->proc->as, frame->stval)) {
    // A demand-zero page, mapped now: the instruction runs again.
  } else if (!fpu_first_use(frame)) {
    tThread* cur = sched_current();
    tProcess* proc = cur->proc;
    kprintf("user: %s (pid %u, tid %u) killed: %s at pc 0x%lx, address 0x%lx\n", proc->name, proc->pid,
            cur->tid, trap_cause_name(frame->scause), frame->sepc, frame->stval);
    proc->faulted = true;
    proc->fault_cause = frame->scause;
    proc->fault_addr = frame->stval;
    process_terminate(proc, QRV_SIGSEGV);
  }
  if (sched_current()->sig.check) signal_deliver(frame);
  sched_user_return();
}

Result<tProcess*> process_create_child(const ChildSpec& spec) {
  if (g_taskman == nullptr || channel_lookup(g_taskman, spec.notify_chid) == nullptr) {
    return Status::kInvalidArgument;
  }
  Result<tProcess*> shell = create_shell(QRV_FLG_PROC_LOADING);
  if (!shell.ok()) return shell.status();
  tProcess* proc = shell.value();
  __builtin_memcpy(proc->name_buf, spec.name, sizeof proc->name_buf);
  proc->name_buf[sizeof proc->name_buf - 1] = 0;
  proc->name = proc->name_buf;
  proc->tm_loaded = pulse_alloc();
  proc->tm_death = pulse_alloc();
  proc->tm_jobctl = pulse_alloc();
  Status st = proc->tm_loaded != nullptr && proc->tm_death != nullptr && proc->tm_jobctl != nullptr ? Status::kOk
                                                                                                 : Status::kNoMemory;
  if (st == Status::kOk && spec.fork_from != nullptr) {
    st = mm_mcopy(proc->as, spec.fork_from->as);
    for (int i = 0; i < QRV_SIGMAX; ++i) proc->sig.actions[i] = spec.fork_from->sig.actions[i];
    proc->sig.stub = spec.fork_from->sig.stub;
  }
  if (st == Status::kOk) st = mm_taskman_view_install(proc->as, g_taskman->as);
  if (st == Status::kOk) {
    const int64_t coid = connect_attach(proc, g_taskman->pid, spec.notify_chid, QRV_TASKMAN_COID, 0);
    st = coid == QRV_TASKMAN_COID ? Status::kOk : Status::kNoMemory;
  }
  if (st == Status::kOk) {
    // From here the process is taskman's child: its end is always noticed.
    proc->tm_chid = spec.notify_chid;
    Result<tThread*> t = thread_create(proc, spec.loader_pc, spec.loader_sp, spec.loader_arg, spec.priority);
    st = t.status();
    if (!t.ok()) proc->tm_chid = 0;
  }
  if (st != Status::kOk) {
    ipc_process_teardown(proc);  // the taskman connection, if made
    destroy_shell(proc);
    return st;
  }
  return proc;
}

int64_t process_loader_done(uint64_t entry, uint64_t sp, int32_t error) {
  tThread* cur = sched_current();
  tProcess* proc = cur->proc;
  if ((proc->flags & QRV_FLG_PROC_LOADING) == 0 || proc->tm_chid == 0 || cur->tid != 1) return -QRV_EPERM;
  if (error != 0) {
    proc->load_error = error > 0 ? error : QRV_EINVAL;
    process_exit(-proc->load_error);  // LOADING stays set: taskman sees a failed load
  }
  const bool user_code = entry >= kUserBase && entry < kTaskmanBase;
  const bool user_stack = sp > kUserBase && sp <= kUserTop && (sp < kTaskmanBase || sp > kTaskmanTop) && sp % 16 == 0;
  if (!user_code || !user_stack) return -QRV_EINVAL;
  // The child is on its own from its first instruction: taskman's image goes.
  mm_taskman_view_remove(proc->as);
  proc->flags &= ~QRV_FLG_PROC_LOADING;
  TrapFrame* f = cur->frame;
  for (uint64_t& x : f->x) x = 0;
  f->x[2] = sp;
  f->sepc = entry;
  f->sstatus &= ~csr::kSstatusFs;  // no FP state of the loader's reaches the program
  fpu_forget(cur);
  cur->fp = FpState{};
  notify_taskman(proc, &proc->tm_loaded, QRV_PULSE_CODE_PROCLOADED);
  return 0;  // into a0, zeroed like the rest
}

tProcess* process_find_any(uint32_t pid) {
  for (tProcess* p : g_processes) {
    if (p != nullptr && p->pid == pid) return p;
  }
  return nullptr;
}

Status process_reap(tProcess* proc) {
  if (!proc->finished || proc->tm_chid == 0) return Status::kBusy;
  unregister_process(proc);
  pulse_discard(proc->tm_loaded);
  pulse_discard(proc->tm_death);
  pulse_discard(proc->tm_jobctl);
  process_free(proc);
  return Status::kOk;
}

// At most one notice is queued at a time; taskman's PROC_QUERY reads the
// counters, so changes since coalesce into it. Its pulse is allocated ahead
// (at creation, and again at each PROC_QUERY); if that failed, one is
// allocated now, and only when that fails too is a change not noticed.
void process_notice_jobctl(tProcess* proc) {
  if (proc->tm_chid == 0 || proc->jobctl_queued) return;
  if (proc->tm_jobctl == nullptr) proc->tm_jobctl = pulse_alloc();
  if (proc->tm_jobctl == nullptr) return;
  proc->jobctl_queued = true;
  notify_taskman(proc, &proc->tm_jobctl, QRV_PULSE_CODE_PROCJOBCTL);
}

void process_rearm_jobctl(tProcess* proc) {
  proc->jobctl_queued = false;
  if (proc->tm_jobctl == nullptr && proc->tm_chid != 0 && !proc->exiting) proc->tm_jobctl = pulse_alloc();
}
