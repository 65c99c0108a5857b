// The board's scheduler glue over ReadyQueue (kernel/sched). Every function
// runs with the big kernel lock held; a switch hands the lock to the thread
// switched to, which drops it when it returns to user mode or goes idle.
#include "kernel/proc/sched.h"

#include "kernel/arch/riscv/csr.h"
#include "kernel/arch/riscv/percpu.h"
#include "kernel/arch/riscv/smp.h"
#include "kernel/init/bkl.h"
#include "kernel/proc/process.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/irq.h"
#include "kernel/sched/ready_queue.h"
#include "kernel/sched/sched_decisions.h"

namespace {
constinit ReadyQueue g_ready;
tThread g_idle[kMaxHarts];
// Whether g_ready holds anything, readable without the BKL: an idle hart
// that wakes for an IPI takes the lock only if there may be work.
uint32_t g_ready_hint = 0;

void publish_ready() { __atomic_store_n(&g_ready_hint, g_ready.empty() ? 0u : 1u, __ATOMIC_RELEASE); }

uint64_t satp_of(const tThread* t) {
  return t->proc != nullptr ? (8ull << 60) | (t->proc->as->pt.root.value() >> 12) : smp_kernel_satp();
}

// Frees what the previous thread on this hart could not free while running.
void reap_previous() {
  Cpu* cpu = this_cpu();
  tThread* dead = cpu->reap;
  if (dead != nullptr) {
    cpu->reap = nullptr;
    thread_reap(dead);
  }
}

constexpr uint64_t kFsClean = 2ull << 13;  // sstatus.FS values (privileged spec 4.1.1)
constexpr uint64_t kFsDirty = 3ull << 13;

// Puts t's FP registers into this hart's FPU, turning the FPU on to do it.
void load_fp(Cpu* cpu, tThread* t) {
  asm volatile("csrs sstatus, %0" ::"r"(kFsClean));
  fpu_restore(&t->fp);
  cpu->fp_owner = t;
  t->fp_cpu = cpu;
}

// The lazy FP switch (fpu.h): save a dirty leaver, load an FP-using arriver
// unless this hart still holds its values.
void fpu_switch(Cpu* cpu, tThread* prev, tThread* next) {
  if (prev->proc != nullptr && prev->state_ != STATE_DEAD && (QRV_CSR_READ(sstatus) & csr::kSstatusFs) == kFsDirty) {
    fpu_save(&prev->fp);
    prev->frame->sstatus = (prev->frame->sstatus & ~csr::kSstatusFs) | kFsClean;
    prev->fp_cpu = cpu;
    cpu->fp_owner = prev;
  }
  if (next->proc != nullptr && (next->frame->sstatus & csr::kSstatusFs) != 0 &&
      (cpu->fp_owner != next || next->fp_cpu != cpu)) {
    load_fp(cpu, next);
  }
}

void switch_to(tThread* next) {
  Cpu* cpu = this_cpu();
  tThread* prev = cpu->current;
  next->state_ = STATE_RUNNING;
  if (next == prev) {
    return;
  }
  if (prev->state_ == STATE_DEAD) {
    cpu->reap = prev;
  }
  const uint64_t to = satp_of(next);
  if (satp_of(prev) != to || prev->state_ == STATE_DEAD) {
    asm volatile("csrw satp, %0\n sfence.vma zero, zero" ::"r"(to) : "memory");
  }
  // Switches flush the whole TLB, so only harts running a space can hold
  // its translations: flush_remote (mm_init.cc) fences those alone.
  __atomic_store_n(&cpu->asid, next->proc != nullptr ? uint32_t{next->proc->as->pt.asid} : 0u, __ATOMIC_RELEASE);
  fpu_switch(cpu, prev, next);
  cpu->return_work = 0;  // this hart takes from the ready queue itself, and next is the one to run
  cpu->current = next;
  if (next->proc != nullptr) {
    cpu->kstack_top = next->kstack.top();
    next->slice_left_ = kRoundRobinSliceTicks;
  }
  if ((prev->proc == nullptr) != (next->proc == nullptr)) {
    clock_program_hart();  // the tick starts or stops; between user threads it runs on
  }
  if (kcontext_save(&prev->ctx) == 0) {
    kcontext_resume(&next->ctx, 1);
  }
  reap_previous();  // back on prev, possibly on another hart
}

// t joins the back of its priority's list.
void enqueue(tThread* t) {
  t->state_ = STATE_READY;
  g_ready.push_back(*t);
  publish_ready();
}

tThread* next_or_idle() {
  SchedEntity* e = g_ready.pop_highest();
  publish_ready();
  return e != nullptr ? static_cast<tThread*>(e) : this_cpu()->idle;
}

void kick(Cpu* c) {
  __atomic_store_n(&c->kicked, 1u, __ATOMIC_RELEASE);
  smp_send_ipi(c);
}

// Kicks the other idle harts: every one (all), or the first not yet told
// to look (to run one newly ready thread). False if none was kicked.
bool kick_idle(bool all) {
  const uint32_t self = this_cpu()->index;
  bool kicked = false;
  for (uint32_t i = 0; i < cpu_count(); ++i) {
    Cpu* c = cpu_at(i);
    if (i == self || !c->online || c->current != c->idle) continue;
    if (all) {
      kick(c);
      kicked = true;
    } else if (__atomic_load_n(&c->kicked, __ATOMIC_ACQUIRE) == 0) {
      kick(c);
      return true;
    }
  }
  return kicked;
}

bool kick_an_idle_hart() { return kick_idle(/*all=*/false); }

// t was readied and no idle hart will take it: the hart running the lowest
// priority below t's gives way at its next return to user mode (this hart:
// the end of this kernel call or trap; another: the IPI brings it there).
// Kernel code itself is never preempted.
void preempt_for(const tThread* t) {
  Cpu* self = this_cpu();
  if (self->current->priority_ < t->priority_) {
    self->preempt = 1;
    return;
  }
  Cpu* lowest = nullptr;
  for (uint32_t i = 0; i < cpu_count(); ++i) {
    Cpu* c = cpu_at(i);
    if (c == self || !c->online || c->current == c->idle || c->current->priority_ >= t->priority_) continue;
    if (lowest == nullptr || c->current->priority_ < lowest->current->priority_) lowest = c;
  }
  if (lowest != nullptr && lowest->preempt == 0) {
    lowest->preempt = 1;
    smp_send_ipi(lowest);
  }
}
}  // namespace

void sched_kick_idle_harts() { kick_idle(/*all=*/true); }

bool fpu_first_use(TrapFrame* frame) {
  tThread* cur = sched_current();
  if (frame->scause != csr::kIllegalInsn || (frame->sstatus & csr::kSstatusFs) != 0) return false;
  load_fp(this_cpu(), cur);  // zeros: the initial state
  frame->sstatus = (frame->sstatus & ~csr::kSstatusFs) | kFsClean;
  return true;  // the instruction runs again, with the FPU on
}

void fpu_forget(const tThread* t) {
  for (uint32_t i = 0; i < cpu_count(); ++i) {
    Cpu* c = cpu_at(i);
    if (c->fp_owner == t) c->fp_owner = nullptr;
  }
}

// First code of a new user thread (kcontext.S: thread_first_run).
extern "C" [[noreturn]] void thread_start(TrapFrame* frame) {
  reap_previous();
  bkl().unlock();
  user_enter(frame);
}

void sched_init_hart() {
  clock_init_hart();
  irq_init_hart();
  process_init_hart();
  Cpu* cpu = this_cpu();
  tThread* idle = &g_idle[cpu->index];
  idle->priority_ = kIdlePriority;
  idle->state_ = STATE_RUNNING;
  cpu->idle = idle;
  cpu->current = idle;
}


void sched_unready(tThread* t) {
  g_ready.remove(*t);
  publish_ready();
}

void sched_set(tThread* t, uint8_t priority, SchedPolicy policy) {
  t->policy_ = policy;
  t->ipc.real_priority = priority;
  sched_inherit(t, priority);
}

void sched_inherit(tThread* t, uint8_t priority) {
  if (t->queued()) {
    g_ready.change_priority(*t, priority);  // still queued: the hint stands
  } else {
    t->priority_ = priority;
  }
  if (t == sched_current() && should_preempt(*t, g_ready)) {
    this_cpu()->preempt = 1;  // sched_return_work
  }
}

void sched_return_work() {
  Cpu* cpu = this_cpu();
  if (cpu->preempt != 0) {
    cpu->preempt = 0;
    tThread* cur = cpu->current;
    if (cur->state_ == STATE_RUNNING && should_preempt(*cur, g_ready)) {
      cur->state_ = STATE_READY;
      g_ready.push_front(*cur);  // it keeps its place among its equals (next_or_idle publishes)
      switch_to(next_or_idle());
      return;  // possibly on another hart now, whose switch cleared its lazy kick
    }
  }
  if (cpu->lazy_kick != 0 && --cpu->lazy_kick == 0 && !g_ready.empty()) kick_an_idle_hart();
}

void sched_tick(tThread* t) {
  switch (on_tick(*t, g_ready)) {
    case TickResult::kContinue:
      return;
    case TickResult::kPreempt:  // a higher priority is ready: t keeps its place
      t->state_ = STATE_READY;
      g_ready.push_front(*t);
      break;
    case TickResult::kRotate:  // slice used up: behind its equals
      t->state_ = STATE_READY;
      g_ready.push_back(*t);
      break;
  }
  switch_to(next_or_idle());
}

const char* sched_check() {
  const char* bad = nullptr;
  size_t n = 0;
  g_ready.for_each([&](const SchedEntity& e, uint8_t priority) {
    const auto& t = static_cast<const tThread&>(e);
    ++n;
    if (t.state_ != STATE_READY) bad = "ready queue: a thread not READY";
    if (t.priority_ != priority) bad = "ready queue: a thread on another priority's list";
    if (t.proc == nullptr || t.exited) bad = "ready queue: an idle or dead thread";
  });
  if (n != g_ready.size()) bad = "ready queue: size disagrees with its lists";
  return bad;
}

void sched_kick_thread(tThread* t) {
  for (uint32_t i = 0; i < cpu_count(); ++i) {
    Cpu* c = cpu_at(i);
    if (c->current == t && c != this_cpu()) {
      smp_send_ipi(c);
    }
  }
}

void sched_make_ready(tThread* t) {
  enqueue(t);
  if (!kick_an_idle_hart()) preempt_for(t);
}

void sched_make_ready_lazy(tThread* t) {
  enqueue(t);
  Cpu* cpu = this_cpu();
  if (cpu->current->priority_ < t->priority_) {
    cpu->preempt = 1;  // it outranks the waker: it runs at the waker's return
  } else {
    cpu->lazy_kick = 2;  // this return to user, then the next
  }
}

void sched_yield() {
  tThread* cur = sched_current();
  SchedEntity* best = g_ready.peek_highest();
  if (best == nullptr || best->priority_ < cur->priority_) {
    return;  // nothing of equal or higher priority is ready
  }
  g_ready.remove(*best);
  cur->state_ = STATE_READY;
  g_ready.push_back(*cur);
  publish_ready();
  switch_to(static_cast<tThread*>(best));
}

void sched_block() { switch_to(next_or_idle()); }

void sched_handoff(tThread* next) {
  const SchedEntity* best = g_ready.peek_highest();
  if (best != nullptr && best->priority_ > next->priority_) {
    sched_make_ready(next);
    sched_block();
    return;
  }
  switch_to(next);
}

void sched_idle_until(bool (*stop)(void* ctx), void* ctx) {
  using csr::kSipSeip;
  using csr::kSipSsip;
  using csr::kSipStip;
  Cpu* cpu = this_cpu();
  bool look = true;  // the first time round, and whenever there may be work
  for (;;) {
    const uint64_t pending = QRV_CSR_READ(sip);
    if (pending & kSipSsip) {
      __atomic_store_n(&cpu->ipi_requested, 0u, __ATOMIC_RELAXED);  // the mark, then the bit
      asm volatile("csrc sip, %0" ::"r"(kSipSsip));
      __atomic_fetch_add(&cpu->ipis, 1u, __ATOMIC_RELAXED);
    }
    look = look || (pending & (kSipStip | kSipSeip)) != 0 || __atomic_load_n(&cpu->kicked, __ATOMIC_ACQUIRE) != 0 ||
           __atomic_load_n(&g_ready_hint, __ATOMIC_ACQUIRE) != 0;
    if (!look) {  // an IPI with nothing for us (or a spurious wake): no lock taken
      smp_poll_calls();
      asm volatile("wfi");
      continue;
    }
    look = false;
    bkl().lock();
    __atomic_store_n(&cpu->kicked, 0u, __ATOMIC_RELAXED);
    if (pending & kSipStip) {
      clock_interrupt();  // wakes sleepers into the ready queue
    }
    if (pending & kSipSeip) {
      irq_dispatch();
    }
    if (stop(ctx)) {
      bkl().unlock();
      return;
    }
    SchedEntity* e = g_ready.pop_highest();
    publish_ready();
    if (e != nullptr) {
      switch_to(static_cast<tThread*>(e));  // back here when the hart goes idle
      bkl().unlock();
      look = true;
      continue;
    }
    clock_program_hart();  // the next sleeper's deadline, if any
    bkl().unlock();
    smp_poll_calls();
    asm volatile("wfi");
  }
}

void sched_secondary_idle() {
  sched_idle_until([](void*) { return false; }, nullptr);
  for (;;) {
    asm volatile("wfi");
  }
}
